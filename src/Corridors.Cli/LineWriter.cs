using System.Text;

namespace Corridors.Cli;

/// <summary>
/// Wraps stderr so that every message stays on its own line: control characters inside written text (a newline or an
/// escape sequence from a file name, a cell, an option value) come out as <c>\uXXXX</c>; only the line ends that
/// <see cref="TextWriter.WriteLine()"/> adds are real. Scripts and CI logs can then read stderr line by line, one
/// <c>error: ...</c> or <c>file(line,col): ...</c> per line.
/// </summary>
internal sealed class LineWriter(TextWriter inner) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => inner.Write(value);

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(value is null ? null : OptionParsers.Escape(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : OptionParsers.Escape(value));

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
