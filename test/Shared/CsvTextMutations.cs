namespace Corridors.Tests;

/// <summary>
/// Seeded text mutations of one CSV data file (cells, quotes, separators, lines, line endings, empty list items, long
/// cells, control characters, header columns, ids, parameter rows), each with a short description for the failure
/// report. Shared by the loader's fuzz test and the CLI fuzz harness, so both try the same hostile edits.
/// </summary>
internal static class CsvTextMutations
{
    private static readonly string[] Numbers = ["-1", "0", "1e309", "-1e309", "NaN", "∞", "12 km", "1,5", "1,000", string.Empty, "99999999999", "1e-320", "0x10", " 7 ", "+3"];

    /// <summary>One mutation of <paramref name="text"/>, the content of the file called <paramref name="name"/>.</summary>
    public static (string Text, string How) Mutate(string text, Random random, string name)
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
}
