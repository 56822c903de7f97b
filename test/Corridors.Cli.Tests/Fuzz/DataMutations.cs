using System.Globalization;
using System.Text;

namespace Corridors.Tests.Fuzz;

/// <summary>
/// Seeded mutations of data files, at three levels: text (<see cref="CsvTextMutations"/>: cells, quotes, separators, lines, line endings, empty list
/// items, long cells, control characters, parameter rows), bytes (invalid and overlong UTF-8, NUL, Latin-1, UTF-16,
/// byte-order marks) and files (deleted, replaced by a directory, a FIFO or a link). Each returns a short description
/// for the failure report.
/// </summary>
internal static class DataMutations
{
    /// <summary>Mutates one file of <paramref name="dir"/> (chosen by <paramref name="random"/>).</summary>
    public static string MutateOne(string dir, Random random, FuzzWorld world)
    {
        // Only regular files: an earlier mutation may have left a FIFO (reading it would block) or a link.
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Corridors.Data.FileKinds.Of(f) == Corridors.Data.PathKind.RegularFile)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) || random.Next(4) == 0)
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return "no file to mutate";
        }

        // parameters.csv and reliability.csv are small but matter; give them a fair share.
        var file = random.Next(5) == 0 && files.Any(f => f.EndsWith("parameters.csv", StringComparison.Ordinal))
            ? files.First(f => f.EndsWith("parameters.csv", StringComparison.Ordinal))
            : files[random.Next(files.Length)];
        var name = Path.GetRelativePath(dir, file);
        var roll = random.Next(100);
        if (roll < 4)
        {
            return FileLevel(file, random, world) + " " + name;
        }

        if (roll < 16)
        {
            var bytes = File.ReadAllBytes(file);
            var (mutated, how) = Bytes(bytes, random);
            File.WriteAllBytes(file, mutated);
            return how + " in " + name;
        }

        var text = File.ReadAllText(file);
        var (changed, what) = CsvTextMutations.Mutate(text, random, name);
        File.WriteAllText(file, changed);
        return what + " in " + name;
    }

    private static string FileLevel(string file, Random random, FuzzWorld world)
    {
        switch (random.Next(4))
        {
            case 0:
                File.Delete(file);
                return "deleted";
            case 1:
                File.Delete(file);
                Directory.CreateDirectory(file);
                return "replaced by a directory:";
            case 2 when !OperatingSystem.IsWindows():
                File.Delete(file);
                return HardeningTests.TryMakeFifo(file) ? "replaced by a FIFO:" : "deleted (no mkfifo)";
            default:
                File.Delete(file);
                File.CreateSymbolicLink(file, world.Sentinel);
                return "replaced by a link to a text file:";
        }
    }

    private static (byte[] Bytes, string How) Bytes(byte[] bytes, Random random)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        byte[] Insert(params byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];
        return random.Next(9) switch
        {
            0 => (Insert(0xFF), "invalid byte 0xFF"),
            1 => (Insert(0xC0, 0xAF), "overlong '/'"),
            2 => (Insert(0xED, 0xA0, 0x80), "encoded surrogate"),
            3 => (Insert(0x00), "NUL byte"),
            4 => (Insert(0xE2, 0x82), "truncated sequence"),
            5 => (Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(bytes)), "re-encoded as Latin-1"),
            6 => (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))).ToArray(), "re-encoded as UTF-16"),
            7 => ([0xEF, 0xBB, 0xBF, .. bytes], "byte-order mark added"),
            _ => (Insert(0x1B, 0x5B, 0x32, 0x4A), "escape sequence"),
        };
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>Mutations of a sea-leg cache file's text; the loader must discard the bad file and route again.</summary>
    public static (string Text, string How) Cache(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        switch (random.Next(9))
        {
            case 0:
                return (string.Empty, "empty cache");
            case 1:
                return (text[..at], "truncated cache");
            case 2:
                var chars = text.ToCharArray();
                if (chars.Length > 0)
                {
                    chars[at] = chars[at] == '1' ? '2' : '1';
                }

                return (new string(chars), "one character changed");
            case 3:
                var line = random.Next(lines.Count);
                lines.RemoveAt(line);
                return (string.Join('\n', lines), $"line {line + 1} removed");
            case 4:
                return (string.Join('\n', lines.OrderBy(_ => random.Next())), "lines shuffled");
            case 5:
                return (text.Replace("V\t2", "V\t1", StringComparison.Ordinal), "old version");
            case 6:
                return ("L\tO-SHA-RTM-SUEZ\t1\t\n", "old-format file (no header, no checksum)");
            case 7:
                return (text.Insert(at, "\0\u00ff"), "binary bytes");
            default:
                var number = lines.FindIndex(l => l.StartsWith("L\t", StringComparison.Ordinal));
                if (number >= 0)
                {
                    var f = lines[number].Split('\t');
                    f[2] = Pick(random, ["NaN", "-1", "1e309", "0", "abc"]);
                    lines[number] = string.Join('\t', f);
                }

                return (string.Join('\n', lines), "a distance changed");
        }
    }

    /// <summary>Formats a case's arguments for a report: quoted, escaped, long values shortened.</summary>
    public static string Show(IEnumerable<string> args) => string.Join(' ', args.Select(a =>
    {
        var shown = a.Length > 60 ? a[..40] + $"…({a.Length.ToString(CultureInfo.InvariantCulture)} chars)" : a;
        var builder = new StringBuilder();
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]);
            if (pair)
            {
                builder.Append(c).Append(shown[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        var escaped = builder.ToString();
        return escaped.Length == 0 || escaped.Contains(' ', StringComparison.Ordinal) ? $"'{escaped}'" : escaped;
    }));
}
