namespace Pulumi;

/// <summary>
/// An earlier identity of a resource. Each property left unset means "as the resource is now"; <see cref="Urn"/>, when
/// set, names the earlier identity whole.
/// </summary>
public sealed class Alias
{
    public Input<string>? Name { get; set; }

    public Input<string>? Type { get; set; }

    public Resource? Parent { get; set; }

    public Input<string>? ParentUrn { get; set; }

    /// <summary>The earlier identity had no parent (its parent was the stack).</summary>
    public bool NoParent { get; set; }

    public Input<string>? Stack { get; set; }

    public Input<string>? Project { get; set; }

    public string? Urn { get; set; }
}
