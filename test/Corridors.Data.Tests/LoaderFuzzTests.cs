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
            var (mutated, how) = CsvTextMutations.Mutate(text, random, target);
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
}
