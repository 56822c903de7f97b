using Corridors.Data;
using Corridors.Diagnostics;

namespace Corridors.Tests;

/// <summary>
/// Fuzz-style robustness: seeded random mutations of the real data files (bytes dropped, duplicated, swapped,
/// quotes and separators inserted, lines truncated or shuffled, files emptied) never make the loader throw; every
/// problem comes back as a diagnostic with a file and, where it concerns a row, a line.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 400;

    [Fact]
    public void Load_MutatedCopiesOfTheRealFiles_NeverThrows()
    {
        var source = File.Exists(Path.Combine(RepoPaths.Data, "nodes.csv")) ? RepoPaths.Data : null;
        using var original = new TempDataDir();
        if (source is null)
        {
            original.WithMinimalData();
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(source, "*.csv"))
            {
                File.Copy(file, original.File(Path.GetFileName(file)));
            }
        }

        var names = Directory.EnumerateFiles(original.Path, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        names.ShouldNotBeEmpty();
        const int seed = 20261127;
        output.WriteLine($"seed {seed}, {Iterations} iterations over {names.Length} files from {source ?? "the minimal fixture"}");
        var random = new Random(seed);
        var failures = new List<string>();
        var withDiagnostics = 0;
        for (var i = 0; i < Iterations; i++)
        {
            using var dir = new TempDataDir();
            foreach (var name in names)
            {
                File.Copy(original.File(name!), dir.File(name!));
            }

            var target = names[random.Next(names.Length)]!;
            var text = File.ReadAllText(dir.File(target));
            var (mutated, how) = Mutate(text, random);
            dir.Write(target, mutated);
            try
            {
                var result = NetworkLoader.Load(dir.Path);
                if (result.Diagnostics.Count > 0)
                {
                    withDiagnostics++;
                }

                foreach (var d in result.Diagnostics)
                {
                    if (string.IsNullOrEmpty(d.File) || d.Line < 0 || d.Column < 0 || string.IsNullOrWhiteSpace(d.Message))
                    {
                        failures.Add($"iteration {i} ({how} in {target}): malformed diagnostic {d}");
                    }
                }

                if (result.ErrorCount > 0)
                {
                    Should.Throw<InputDataException>(result.GetDefinitionOrThrow);
                }
                else
                {
                    result.Definition.ShouldNotBeNull();
                }
            }
            catch (Exception ex) when (ex is not Shouldly.ShouldAssertException)
            {
                failures.Add($"iteration {i} ({how} in {target}): {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"{withDiagnostics} of {Iterations} mutated data sets produced diagnostics");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
        withDiagnostics.ShouldBeGreaterThan(Iterations / 2);
    }

    private static (string Text, string How) Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return ("x", "insert into empty");
        }

        var at = random.Next(text.Length);
        var lines = text.Split('\n');
        var line = random.Next(lines.Length);
        switch (random.Next(12))
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
            case 10:
                var numbers = new[] { "-1", "1e308", "NaN", "∞", "12 km", "1,5", "", "99999999999" };
                var cells = lines[line].Split(',');
                cells[random.Next(cells.Length)] = numbers[random.Next(numbers.Length)];
                lines[line] = string.Join(',', cells);
                return (string.Join('\n', lines), "bad value");
            default:
                return (text.Replace("\n", "\r\n", StringComparison.Ordinal).Insert(at, "\r"), "line endings");
        }
    }
}
