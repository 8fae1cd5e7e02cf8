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

    public override void Write(string? value) => Write((value ?? "").AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var rest = buffer;
        while (true)
        {
            var end = rest.IndexOfAny('\n', '\r');
            if (end < 0)
            {
                _line.Append(rest);
                return;
            }

            _line.Append(rest[..end]);
            if (rest[end] == '\n')
            {
                EndLine();
            }

            rest = rest[(end + 1)..];
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
