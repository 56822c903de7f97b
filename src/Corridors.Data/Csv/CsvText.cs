using System.Buffers;
using System.Globalization;
using System.Text;
using Corridors.Diagnostics;

namespace Corridors.Data.Csv;

/// <summary>
/// Reads data files as strict UTF-8: a byte-order mark is skipped, and invalid or overlong byte sequences, NUL bytes
/// and other control characters (all but tab and line breaks) are errors CORR0006 at their line and character column
/// (replaced by U+FFFD so the rest of the file is still checked). Files in Latin-1 or UTF-16 are therefore reported
/// rather than read with garbled names. Also escapes control characters in text quoted by diagnostics, so every
/// diagnostic stays on one <c>file(line,col)</c> line.
/// </summary>
public static class CsvText
{
    /// <summary>Errors CORR0006 reported per file at most; the first ones locate the problem well enough.</summary>
    public const int MaxEncodingErrors = 20;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads <paramref name="path"/> as strict UTF-8. Returns null (after CORR0001 at <paramref name="file"/>) when the
    /// file cannot be read.
    /// </summary>
    public static string? ReadFile(string path, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (NotAFile(path) is { } what)
        {
            diagnostics.Error("CORR0001", file, 0, 0, $"The file cannot be read: it is {what}.");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error("CORR0001", file, 0, 0, $"The file cannot be read: {Escape(ex.Message)}");
            return null;
        }

        return Decode(bytes, file, diagnostics);
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file or a link to one (or missing: reading reports that);
    /// otherwise what it is (<c>a directory</c>, <c>a device, FIFO or socket, ...</c>). Reading a FIFO would block.
    /// </summary>
    public static string? NotAFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = FileKinds.Of(path);
        if (kind == PathKind.SymbolicLink)
        {
            try
            {
                var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
                kind = target is null ? PathKind.Missing : FileKinds.Of(target.FullName);
            }
            catch (IOException)
            {
                return "a link that cannot be followed";
            }
        }

        return kind is PathKind.Directory or PathKind.Special ? FileKinds.Describe(kind) : null;
    }

    /// <summary>Decodes strict UTF-8 (see <see cref="CsvText"/>), reporting bad bytes as CORR0006.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes) && !HasBadControl(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var text = new StringBuilder(bytes.Length);
        var line = 1;
        var column = 1;
        var errors = 0;
        var lastCr = false;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                Report(ref errors, diagnostics, file, line, column, string.Create(CultureInfo.InvariantCulture,
                    $"The file is not valid UTF-8: byte 0x{bytes[0]:X2} does not start a valid character here."),
                    "Save the file as UTF-8 (a file in Latin-1 or Windows-1252 shows this at its first accented letter).");
                text.Append('\uFFFD');
                column++;
                lastCr = false;

                // One error per bad sequence: the continuation bytes after an invalid lead byte belong to it.
                bytes = bytes[Math.Max(consumed, 1)..];
                while (!bytes.IsEmpty && bytes[0] is >= 0x80 and <= 0xBF)
                {
                    bytes = bytes[1..];
                }

                continue;
            }

            bytes = bytes[consumed..];
            var value = rune.Value;
            if (value == '\n')
            {
                if (!lastCr)
                {
                    line++;
                }

                column = 1;
                lastCr = false;
                text.Append('\n');
                continue;
            }

            if (value == '\r')
            {
                line++;
                column = 1;
                lastCr = true;
                text.Append('\r');
                continue;
            }

            lastCr = false;
            if (value != '\t' && Rune.IsControl(rune))
            {
                Report(ref errors, diagnostics, file, line, column, value == 0
                    ? "The file has a NUL byte; a text file never does."
                    : string.Create(CultureInfo.InvariantCulture, $"The file has the control character U+{value:X4}; a data file holds printable text, tabs and line breaks only."),
                    value == 0 ? "The file may be binary or UTF-16; save it as UTF-8 text." : null);
                text.Append('\uFFFD');
                column++;
                continue;
            }

            text.Append(rune.ToString());
            column += rune.Utf16SequenceLength;
        }

        return text.ToString();
    }

    /// <summary>Control characters (line breaks, tabs, escapes, NUL) as <c>\uXXXX</c>, so a message stays on one line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Cell text as quoted in a diagnostic: escaped (<see cref="Escape"/>) and at most 80 characters.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 80)
        {
            text = text[..(char.IsHighSurrogate(text[76]) ? 76 : 77)] + "...";
        }

        return Escape(text);
    }

    private static bool HasBadControl(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return true;
            }

            if (b == 0x7F)
            {
                return true;
            }
        }

        // C1 controls (U+0080–U+009F) are encoded as C2 80–C2 9F.
        return bytes.IndexOf((byte)0xC2) >= 0 && HasC1(bytes);
    }

    private static bool HasC1(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xC2 && bytes[i + 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(ref int errors, DiagnosticBag diagnostics, string file, int line, int column, string message, string? hint)
    {
        errors++;
        if (errors <= MaxEncodingErrors)
        {
            diagnostics.Error("CORR0006", file, line, column, message, hint);
        }
        else if (errors == MaxEncodingErrors + 1)
        {
            diagnostics.Error("CORR0006", file, line, column, string.Create(CultureInfo.InvariantCulture, $"The file has more than {MaxEncodingErrors} invalid bytes or control characters; only the first are listed."));
        }
    }
}
