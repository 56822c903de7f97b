using System.Globalization;
using System.Text;

namespace Corridors.Tests.Fuzz;

/// <summary>
/// Seeded mutations of data files, at three levels: text (cells, quotes, separators, lines, line endings, empty list
/// items, long cells, control characters, parameter rows), bytes (invalid and overlong UTF-8, NUL, Latin-1, UTF-16,
/// byte-order marks) and files (deleted, replaced by a directory, a FIFO or a link). Each returns a short description
/// for the failure report.
/// </summary>
internal static class DataMutations
{
    private static readonly string[] Numbers = ["-1", "0", "1e309", "-1e309", "NaN", "∞", "12 km", "1,5", "1,000", string.Empty, "99999999999", "1e-320", "0x10", " 7 ", "+3"];

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
        var (changed, what) = Text(text, random, name);
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

    private static (string Text, string How) Text(string text, Random random, string name)
    {
        if (text.Length == 0)
        {
            return ("x", "insert into empty");
        }

        var at = random.Next(text.Length);
        var lines = text.Split('\n');
        var line = random.Next(lines.Length);
        switch (random.Next(20))
        {
            case 0:
                return (text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)), "delete span");
            case 1:
                return (text.Insert(at, "\""), "insert quote");
            case 2:
                return (text.Insert(at, ","), "insert separator");
            case 3:
                return (text[..at], "truncate");
            case 4:
                return (string.Empty, "empty file");
            case 5:
                lines[line] = lines[line].Length > 0 ? lines[line][..random.Next(lines[line].Length)] : lines[line];
                return (string.Join('\n', lines), "truncate line");
            case 6:
                return (string.Join('\n', lines.Append(lines[line])), "duplicate line");
            case 7:
                return (string.Join('\n', lines.OrderBy(_ => random.Next())), "shuffle lines");
            case 8:
                var chars = text.ToCharArray();
                for (var k = 0; k < 5; k++)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                }

                return (new string(chars), "random characters");
            case 9:
                var fields = lines[line].Split(',');
                if (fields.Length > 1)
                {
                    var a = random.Next(fields.Length);
                    var b = random.Next(fields.Length);
                    (fields[a], fields[b]) = (fields[b], fields[a]);
                }

                lines[line] = string.Join(',', fields);
                return (string.Join('\n', lines), "swap fields");
            case 10 or 11:
                var cells = lines[line].Split(',');
                var cell = random.Next(cells.Length);
                var number = Numbers[random.Next(Numbers.Length)];
                cells[cell] = number;
                lines[line] = string.Join(',', cells);
                return (string.Join('\n', lines), $"cell {cell + 1} of line {line + 1} = '{number}'");
            case 12:
                return random.Next(3) switch
                {
                    0 => (text.Replace("\n", "\r", StringComparison.Ordinal), "CR line endings"),
                    1 => (text.Replace("\n", "\r\n", StringComparison.Ordinal), "CRLF line endings"),
                    _ => (text.Insert(at, "\r"), "stray CR"),
                };
            case 13:
                var semicolon = text.IndexOf(';', at);
                return semicolon < 0 ? (text.Insert(at, ";;"), "';;' inserted") : (text.Insert(semicolon, ";"), "empty list item");
            case 14:
                return (text.Insert(at, new string('w', random.Next(2) == 0 ? 12_000 : 300)), "long cell");
            case 15:
                return (text.Insert(at, Pick(random, ["\0", "\u0007", "\u001b[31m", "\"a\nb\"", "\u0085", "\u2028", "\t"])), "control character");
            case 16 when name.EndsWith("parameters.csv", StringComparison.Ordinal):
                var keys = new[] { "teu_cargo_tonnes", "ocean_speed_kn", "ocean_vessel_teu", "feu_teu", "feu_cost_factor", "cargo_value_usd_per_teu" };
                var key = Pick(random, keys);
                var rows = lines.ToList();
                var row = rows.FindIndex(l => l.StartsWith(key + ",", StringComparison.Ordinal));
                if (row < 0)
                {
                    rows.Add($"{key},{Pick(random, Numbers)},t,\"assumption: fuzz row, not real data\"");
                    return (string.Join('\n', rows), $"parameter {key} added");
                }

                if (random.Next(2) == 0)
                {
                    rows.RemoveAt(row);
                    return (string.Join('\n', rows), $"parameter {key} removed");
                }

                var parts = rows[row].Split(',');
                parts[1] = Pick(random, ["0", "-1", "1e309", "NaN", "1000000", "0.5", string.Empty]);
                rows[row] = string.Join(',', parts);
                return (string.Join('\n', rows), $"parameter {key} = '{parts[1]}'");
            case 17:
                // A header column renamed or duplicated.
                var header = lines.Select((l, i) => (l, i)).FirstOrDefault(x => x.l.Length > 0 && x.l[0] != '#');
                var columns = header.l?.Split(',') ?? [];
                if (columns.Length > 1)
                {
                    var c = random.Next(columns.Length);
                    columns[c] = random.Next(2) == 0 ? columns[c] + "x" : columns[(c + 1) % columns.Length];
                    lines[header.i] = string.Join(',', columns);
                }

                return (string.Join('\n', lines), "header column renamed or duplicated");
            case 18:
                // A row removed (a node, passage or leg others may reference).
                var kept = lines.Where((_, i) => i != line || i == 0).ToArray();
                return (string.Join('\n', kept), $"line {line + 1} removed");
            default:
                // An id changed (breaks references to it).
                var idCells = lines[line].Split(',');
                if (idCells.Length > 1 && line > 0)
                {
                    idCells[0] += "-X";
                }

                lines[line] = string.Join(',', idCells);
                return (string.Join('\n', lines), $"id of line {line + 1} changed");
        }
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
