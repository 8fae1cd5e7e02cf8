using System.Text.Json;
using System.Text.Json.Serialization;
using Pulumi;
using Pulumi.Experimental.Provider;

namespace OfflineSdk.Tests;

// Small components of every construct the schema inference knows, and the schema the real SDK's rules give them.
public sealed class GatewayArgs : ResourceArgs
{
    [Input("vpcCidr", required: true)]
    public Input<string> VpcCidr { get; set; } = null!;

    [Input("azCount")]
    public Input<int>? AzCount { get; set; }

    [Input("costFactor")]
    public Input<double>? CostFactor { get; set; }

    [Input("enableDns")]
    public Input<bool>? EnableDns { get; set; }

    [Input("name", required: true)]
    public string Name { get; set; } = null!;

    [Input("maxBytes")]
    public long? MaxBytes { get; set; }

    [Input("weights")]
    public double[]? Weights { get; set; }

    [Input("bucketNames")]
    public InputList<string>? BucketNames { get; set; }

    [Input("tags")]
    public InputMap<string>? Tags { get; set; }

    [Input("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    [Input("zones")]
    public Input<List<string>>? Zones { get; set; }

    [Input("prefixLengths")]
    public Input<PrefixLengthsArgs>? PrefixLengths { get; set; }

    [Input("defaultRule", required: true)]
    public RuleArgs DefaultRule { get; set; } = null!;

    [Input("rules")]
    public InputList<RuleArgs>? Rules { get; set; }

    [Input("extra")]
    public Input<object>? Extra { get; set; }

    [Input("bundle")]
    public Input<Archive>? Bundle { get; set; }
}

public sealed class PrefixLengthsArgs : ResourceArgs
{
    [Input("public", required: true)]
    public Input<int> Public { get; set; } = null!;

    [Input("private")]
    public Input<int>? Private { get; set; }
}

public sealed class RuleArgs : ResourceArgs
{
    [Input("port", required: true)]
    public Input<int> Port { get; set; } = null!;

    [Input("next")]
    public Input<RuleArgs>? Next { get; set; }
}

public sealed class SubnetPlan
{
    [Output("cidr")]
    public Output<string> Cidr { get; set; } = null!;

    [Output("zone")]
    public Output<string?> Zone { get; set; } = null!;
}

public sealed class Gateway : ComponentResource
{
    public Gateway(string name, GatewayArgs args, ComponentResourceOptions? options = null)
        : base("test:index:Gateway", name, args, options)
    {
    }

    [Output("vpcId")]
    public Output<string> VpcId { get; private set; } = null!;

    [Output("natGatewayId")]
    public Output<string?> NatGatewayId { get; private set; } = null!;

    [Output("azCount")]
    public Output<int> AzCount { get; private set; } = null!;

    [Output("natCount")]
    public Output<int?> NatCount { get; private set; } = null!;

    [Output("subnetIds")]
    public Output<string[]> SubnetIds { get; private set; } = null!;

    [Output("routeTableIds")]
    public Output<List<string>> RouteTableIds { get; private set; } = null!;

    [Output("endpointIds")]
    public Output<Dictionary<string, string>> EndpointIds { get; private set; } = null!;

    [Output("plan")]
    public Output<SubnetPlan> Plan { get; private set; } = null!;

    [Output("anything")]
    public Output<object> Anything { get; private set; } = null!;
}

public sealed class TinyArgs : ResourceArgs
{
    [Input("size", required: true)]
    public Input<int> Size { get; set; } = null!;

    [Input("owner")]
    public OwnerArgs? Owner { get; set; }
}

public sealed class OwnerArgs : ResourceArgs
{
    [Input("team")]
    public Input<string>? Team { get; set; }
}

public sealed class Tiny : ComponentResource
{
    public Tiny(string name, TinyArgs args, ComponentResourceOptions? options = null)
        : base("tiny:index:Tiny", name, args, options)
    {
    }

    [Output("ids")]
    public Output<string[]> Ids { get; private set; } = null!;
}

public sealed class ZoneArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;
}

public sealed class Zone
{
    [Output("name")]
    public Output<string> Name { get; set; } = null!;

    [Output("zoneId")]
    public Output<string> ZoneId { get; set; } = null!;
}

public sealed class ZoneUserArgs : ResourceArgs
{
    [Input("zone")]
    public Input<ZoneArgs>? Zone { get; set; }
}

public sealed class ZoneUser : ComponentResource
{
    public ZoneUser(string name, ZoneUserArgs args, ComponentResourceOptions? options = null)
        : base("test:index:ZoneUser", name, args, options)
    {
    }

    [Output("zone")]
    public Output<Zone> Zone { get; private set; } = null!;
}

public class ComponentAnalyzerTests
{
    private static readonly Metadata Package = new("net", Version: "1.2.3");

    /// <summary>The options the real SDK's component provider serializes its schema with.</summary>
    private static readonly JsonSerializerOptions SchemaJson = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static ResourceSpec Gateway()
        => ComponentAnalyzer.GenerateSchema(Package, typeof(Gateway)).Resources["net:index:Gateway"];

    private static PropertySpec Input(string name) => Gateway().InputProperties[name];

    private static PropertySpec Output(string name) => Gateway().Properties[name];

    private static TypeSpec Builtin(string type, bool? plain = null) => TypeSpec.CreateBuiltin(type, plain);

    [Fact]
    public void A_component_is_a_resource_of_the_package_index_module_named_after_its_class()
    {
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(Gateway), typeof(Tiny));

        Assert.Equal(new[] { "net:index:Gateway", "net:index:Tiny" }, schema.Resources.Keys);
        var gateway = schema.Resources["net:index:Gateway"];
        Assert.True(gateway.IsComponent);
        Assert.Equal("object", gateway.Type);
        Assert.Equal("net", schema.Name);
        Assert.Equal("net", schema.DisplayName);
        Assert.Equal("1.2.3", schema.Version);
        Assert.Equal("", schema.Namespace);
    }

    [Fact]
    public void The_package_asks_every_language_generator_to_respect_its_version()
    {
        var schema = ComponentAnalyzer.GenerateSchema(new Metadata("net", "acme", DisplayName: "Network"), typeof(Tiny));

        Assert.Equal(new[] { "csharp", "go", "java", "nodejs", "python" }, schema.Language.Keys);
        Assert.All(schema.Language.Values, settings => Assert.Equal(true, Assert.Single(settings, s => s.Key == "respectSchemaVersion").Value));
        Assert.Equal("acme", schema.Namespace);
        Assert.Equal("Network", schema.DisplayName);
        Assert.Equal("", schema.Version);
    }

    [Fact]
    public void Input_of_builtin_types_are_strings_integers_numbers_and_booleans_that_may_be_outputs()
    {
        Assert.Equal(PropertySpec.String, Input("vpcCidr"));
        Assert.Equal(PropertySpec.Integer, Input("azCount"));
        Assert.Equal(PropertySpec.Number, Input("costFactor"));
        Assert.Equal(PropertySpec.Boolean, Input("enableDns"));
        Assert.Null(Input("vpcCidr").Plain);
    }

    [Fact]
    public void Inputs_that_are_not_Input_T_are_plain()
    {
        Assert.Equal(PropertySpec.CreateBuiltin("string", plain: true), Input("name"));
        Assert.Equal(PropertySpec.CreateBuiltin("integer", plain: true), Input("maxBytes"));
        Assert.Equal(PropertySpec.CreateArray(Builtin("number", plain: true)), Input("weights"));
        Assert.Equal(PropertySpec.CreateDictionary(Builtin("string", plain: true)), Input("labels"));
        Assert.Equal(PropertySpec.CreateReference("#/types/net:index:Rule", plain: true), Input("defaultRule"));
    }

    [Fact]
    public void InputList_and_InputMap_are_arrays_and_maps_of_values_that_may_be_outputs()
    {
        Assert.Equal(PropertySpec.CreateArray(Builtin("string")), Input("bucketNames"));
        Assert.Equal(PropertySpec.CreateDictionary(Builtin("string")), Input("tags"));
        Assert.Equal(PropertySpec.CreateArray(TypeSpec.CreateReference("#/types/net:index:Rule")), Input("rules"));
    }

    [Fact]
    public void Input_of_a_list_is_an_array_whose_items_are_plain()
        => Assert.Equal(PropertySpec.CreateArray(Builtin("string", plain: true)), Input("zones"));

    [Fact]
    public void Object_Asset_and_Archive_are_the_pulumi_json_types()
    {
        Assert.Equal(PropertySpec.CreateReference("pulumi.json#/Any"), Input("extra"));
        Assert.Equal(PropertySpec.CreateReference("pulumi.json#/Archive"), Input("bundle"));
        Assert.Equal(PropertySpec.CreateReference("pulumi.json#/Any"), Output("anything"));
    }

    [Fact]
    public void A_nested_args_class_becomes_an_object_type_named_without_its_Args_suffix()
    {
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(Gateway));

        Assert.Equal(PropertySpec.CreateReference("#/types/net:index:PrefixLengths"), schema.Resources["net:index:Gateway"].InputProperties["prefixLengths"]);
        var prefixLengths = schema.Types["net:index:PrefixLengths"];
        Assert.Equal("object", prefixLengths.Type);
        Assert.Equal(new[] { "private", "public" }, prefixLengths.Properties.Keys);
        Assert.Equal(PropertySpec.Integer, prefixLengths.Properties["public"]);
        Assert.Equal(new[] { "public" }, prefixLengths.Required);
    }

    [Fact]
    public void A_type_that_refers_to_itself_is_defined_once()
    {
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(Gateway));

        var rule = schema.Types["net:index:Rule"];
        Assert.Equal(PropertySpec.CreateReference("#/types/net:index:Rule"), rule.Properties["next"]);
        Assert.Equal(new[] { "port" }, rule.Required);
        Assert.Equal(new[] { "net:index:PrefixLengths", "net:index:Rule", "net:index:SubnetPlan" }, schema.Types.Keys);
    }

    [Fact]
    public void An_args_class_and_an_output_class_of_the_same_name_but_Args_share_the_first_definition()
    {
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(ZoneUser));

        var zone = Assert.Single(schema.Types);
        Assert.Equal("net:index:Zone", zone.Key);
        Assert.Equal(new[] { "name" }, zone.Value.Properties.Keys);
        Assert.Equal(PropertySpec.CreateReference("#/types/net:index:Zone"), schema.Resources["net:index:ZoneUser"].Properties["zone"]);
    }

    [Fact]
    public void Required_inputs_are_those_their_attribute_requires()
        => Assert.Equal(new[] { "defaultRule", "name", "vpcCidr" }, Gateway().RequiredInputs);

    [Fact]
    public void Outputs_are_required_unless_their_value_type_is_nullable()
    {
        Assert.Equal(new[] { "anything", "azCount", "endpointIds", "plan", "routeTableIds", "subnetIds", "vpcId" }, Gateway().Required);
        Assert.Contains("natGatewayId", Gateway().Properties.Keys);
        Assert.Contains("natCount", Gateway().Properties.Keys);
    }

    [Fact]
    public void Outputs_are_never_plain_and_their_collections_are_arrays_and_maps()
    {
        Assert.Equal(PropertySpec.String, Output("vpcId"));
        Assert.Equal(PropertySpec.String, Output("natGatewayId"));
        Assert.Equal(PropertySpec.Integer, Output("natCount"));
        Assert.Equal(PropertySpec.CreateArray(Builtin("string")), Output("subnetIds"));
        Assert.Equal(PropertySpec.CreateArray(Builtin("string")), Output("routeTableIds"));
        Assert.Equal(PropertySpec.CreateDictionary(Builtin("string")), Output("endpointIds"));
        Assert.Equal(PropertySpec.CreateReference("#/types/net:index:SubnetPlan"), Output("plan"));
    }

    [Fact]
    public void Only_declared_members_count_so_urn_is_not_an_output()
        => Assert.DoesNotContain("urn", Gateway().Properties.Keys);

    [Fact]
    public void An_output_object_type_keeps_its_name_and_its_nullable_members_are_optional()
    {
        var plan = ComponentAnalyzer.GenerateSchema(Package, typeof(Gateway)).Types["net:index:SubnetPlan"];

        Assert.Equal(PropertySpec.String, plan.Properties["cidr"]);
        Assert.Equal(new[] { "cidr" }, plan.Required);
    }

    [Fact]
    public void The_schema_serializes_to_Pulumi_schema_json()
    {
        var schema = ComponentAnalyzer.GenerateSchema(new Metadata("tiny", Version: "0.1.0"), typeof(Tiny));

        var json = JsonSerializer.Serialize(schema, SchemaJson);

        const string expected = """
            {
              "name": "tiny",
              "namespace": "",
              "displayName": "tiny",
              "version": "0.1.0",
              "resources": {
                "tiny:index:Tiny": {
                  "isComponent": true,
                  "inputProperties": {
                    "owner": {
                      "$ref": "#/types/tiny:index:Owner",
                      "plain": true
                    },
                    "size": {
                      "type": "integer"
                    }
                  },
                  "requiredInputs": [
                    "size"
                  ],
                  "type": "object",
                  "properties": {
                    "ids": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "ids"
                  ]
                }
              },
              "types": {
                "tiny:index:Owner": {
                  "type": "object",
                  "properties": {
                    "team": {
                      "type": "string"
                    }
                  },
                  "required": []
                }
              },
              "language": {
                "csharp": {
                  "respectSchemaVersion": true
                },
                "go": {
                  "respectSchemaVersion": true
                },
                "java": {
                  "respectSchemaVersion": true
                },
                "nodejs": {
                  "respectSchemaVersion": true
                },
                "python": {
                  "respectSchemaVersion": true
                }
              }
            }
            """;
        Assert.Equal(expected, json.ReplaceLineEndings("\n"));
    }

    public sealed class MissingAttributeArgs : ResourceArgs
    {
        public Input<string>? Unmarked { get; set; }
    }

    public sealed class MissingAttribute(string name, MissingAttributeArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:MissingAttribute", name, args, options);

    public sealed class ResourceReferenceArgs : ResourceArgs
    {
        [Input("widget")]
        public Input<Widget>? Widget { get; set; }
    }

    public sealed class ResourceReference(string name, ResourceReferenceArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:ResourceReference", name, args, options);

    public sealed class OutputInArgsArgs : ResourceArgs
    {
        [Input("value")]
        public Output<string>? Value { get; set; }
    }

    public sealed class OutputInArgs(string name, OutputInArgsArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:OutputInArgs", name, args, options);

    public sealed class InputListOutput(string name, OwnerArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:InputListOutput", name, args, options)
    {
        [Output("values")]
        public InputList<string> Values { get; } = new();
    }

    public sealed class IntKeysArgs : ResourceArgs
    {
        [Input("byNumber")]
        public Dictionary<int, string>? ByNumber { get; set; }
    }

    public sealed class IntKeys(string name, IntKeysArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:IntKeys", name, args, options);

    public sealed class ImmutableOutput(string name, OwnerArgs args, ComponentResourceOptions? options = null)
        : ComponentResource("bad:index:ImmutableOutput", name, args, options)
    {
        [Output("ids")]
        public Output<System.Collections.Immutable.ImmutableArray<string>> Ids { get; private set; } = null!;
    }

    public sealed class TwoParameterConstructor(string name, OwnerArgs args)
        : ComponentResource("bad:index:TwoParameterConstructor", name, args);

    public sealed class CustomOptionsConstructor(string name, OwnerArgs args, CustomResourceOptions options)
        : ComponentResource("bad:index:CustomOptionsConstructor", name, args, new ComponentResourceOptions { Parent = options.Parent });

    [Theory]
    [InlineData(typeof(MissingAttribute), "MissingAttributeArgs.Unmarked")]
    [InlineData(typeof(ResourceReference), "ResourceReferenceArgs.Widget")]
    [InlineData(typeof(OutputInArgs), "OutputInArgsArgs.Value")]
    [InlineData(typeof(InputListOutput), "InputListOutput.Values")]
    [InlineData(typeof(IntKeys), "IntKeysArgs.ByNumber")]
    [InlineData(typeof(ImmutableOutput), "ImmutableOutput.Ids")]
    [InlineData(typeof(TwoParameterConstructor), "TwoParameterConstructor")]
    [InlineData(typeof(CustomOptionsConstructor), "CustomOptionsConstructor")]
    public void What_a_schema_cannot_express_is_refused_naming_the_member(Type component, string member)
    {
        var error = Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(Package, component));
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_component_resources_are_accepted_and_at_least_one()
    {
        Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(Package, typeof(Widget)));
        Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(Package));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1net")]
    [InlineData("net.work")]
    public void The_package_name_must_be_a_letter_then_letters_digits_hyphens_or_underscores(string name)
        => Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(new Metadata(name), typeof(Tiny)));

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_corp")]
    [InlineData("9acme")]
    public void The_namespace_must_be_lowercase_letters_digits_and_hyphens(string ns)
        => Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(new Metadata("net", ns), typeof(Tiny)));

    [Fact]
    public void Names_with_hyphens_and_underscores_are_valid()
    {
        var schema = ComponentAnalyzer.GenerateSchema(new Metadata("private-connectivity_2", "acme-corp"), typeof(Tiny));
        Assert.Equal(new[] { "private-connectivity_2:index:Tiny" }, schema.Resources.Keys);
    }

    [Fact]
    public void The_assembly_overload_analyses_every_concrete_component_stacks_included()
    {
        // This test assembly holds Stack classes (components without an args constructor), so its schema fails.
        Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(Package, typeof(Tiny).Assembly));
    }

    [Fact]
    public void FindComponentType_looks_in_the_given_types_first_then_in_the_assembly()
    {
        var assembly = typeof(Tiny).Assembly;

        Assert.Equal(typeof(Gateway), ComponentAnalyzer.FindComponentType("Gateway", assembly));
        Assert.Equal(typeof(Tiny), ComponentAnalyzer.FindComponentType("Tiny", typeof(object).Assembly, [typeof(Gateway), typeof(Tiny)]));
        Assert.Equal(typeof(Tiny), ComponentAnalyzer.FindComponentType("Tiny", assembly, [typeof(Gateway)]));
        Assert.Null(ComponentAnalyzer.FindComponentType("Widget", assembly));
        Assert.Null(ComponentAnalyzer.FindComponentType("Nothing", assembly, [typeof(Gateway)]));
    }
}
