using System.Text;

namespace OfflineSdkGenerator.Emit;

/// <summary>Builds C# source text line by line with four-space indentation and LF line ends.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0) _text.Append(' ', _indent * 4).Append(text);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any), an opening brace, and indents until disposed.</summary>
    public IDisposable Block(string header = "")
    {
        if (header.Length > 0) Line(header);
        Line("{");
        _indent++;
        return new BlockEnd(this);
    }

    /// <summary>Appends <paramref name="text"/> to the line written last.</summary>
    public void AppendToLastLine(string text) => _text.Insert(_text.Length - 1, text);

    public override string ToString() => _text.ToString();

    private sealed class BlockEnd(CodeWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line("}");
        }
    }
}
