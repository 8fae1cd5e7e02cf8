using System.Text;

namespace Infra.Plan.Rendering;

/// <summary>Writes to another writer without the spaces that table layout leaves at the ends of lines.</summary>
internal sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(_line.ToString().TrimEnd(' '));
            _line.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        inner.Write(_line.ToString().TrimEnd(' '));
        inner.Write('\n');
        _line.Clear();
    }
}
