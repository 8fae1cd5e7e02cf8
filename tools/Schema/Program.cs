using Infra.Schema;

// With a path: writes the schema there; without: prints it.
var json = PackageSchema.Json();
if (args.Length == 0)
{
    Console.Out.Write(json);
}
else
{
    File.WriteAllText(args[0], json);
}
