using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corridors.Tests.Fuzz;

/// <summary>
/// The fuzz harness of issue 10 (docs/FUZZ.md): seeded cases of three kinds, run in-process through the CLI.
/// <list type="bullet">
/// <item>Command lines generated from the CLI's own option definitions (<see cref="CommandLines"/>) against a copy
/// of the bundled data, with valid, boundary and hostile values and output, store and input paths into a temp folder
/// holding directories, a FIFO, links and a device node.</item>
/// <item>Mutated copies of data folders (the CLI fixture, the bundled CSVs; now and then with sea/):
/// <c>data validate</c>, then a command on the same folder.</item>
/// <item>Mutated sea-leg cache files: the next load must discard them, route again and give the same network.</item>
/// </list>
/// Every case must exit 0, 1 or 2, print no stack trace or exception, print every stderr line as one message or one
/// located diagnostic (<c>file(line,col): error CODE: ...</c>; only a missing or unreadable file, CORR0001, has no
/// line), print valid JSON with <c>--json</c>, and a data folder that validates must not fail a command with data
/// errors. After all cases nothing outside the temp folder has been written.
/// The case count and seed come from <c>CORRIDORS_FUZZ_CASES</c> (default 2,000), <c>CORRIDORS_FUZZ_SEED</c> and
/// <c>CORRIDORS_FUZZ_START</c> (first case index, to replay a failure); scripts/fuzz-soak.sh sets them. A summary goes
/// to the test output and, when <c>CORRIDORS_FUZZ_REPORT</c> names a file, to that file. Tests never set these.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2000;
    private const long DefaultSeed = 20261201;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Fuzz_SeededCases_NeverCrashWriteOutsideOrLoseALocation()
    {
        var cases = Setting("CORRIDORS_FUZZ_CASES", DefaultCases);
        var seed = Setting("CORRIDORS_FUZZ_SEED", DefaultSeed);
        var start = Setting("CORRIDORS_FUZZ_START", 0L);
        using var world = new FuzzWorld();
        var lines = new CommandLines(world);
        var failures = new ConcurrentQueue<string>();
        var codes = new ConcurrentDictionary<string, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var watch = Stopwatch.StartNew();
        var log = System.Environment.GetEnvironmentVariable("CORRIDORS_FUZZ_LOG");
        CaseLog = string.IsNullOrEmpty(log) ? null : new ConcurrentQueue<string>();

        // Warm the shared workspaces (network, sea graph) so the first cases do not all load them at once.
        foreach (var data in new[] { world.Data, world.Mini })
        {
            CliRunner.RunWith(world.Environment(), "--data", data, "network", "info", "--json", "--no-store");
        }

        CliRunner.RunWith(world.Environment(), "sea", "--from", "CNSHA", "--to", "NLRTM", "--no-store");
        var baseline = Baseline(world);
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, System.Environment.ProcessorCount) }, i =>
        {
            var index = start + i;
            var random = new Random(unchecked((int)(seed * 1_000_003 + index)));
            var kind = random.Next(100) switch
            {
                < 85 => "command line",
                < 99 => "data folder",
                _ => "sea-leg cache",
            };
            kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
            try
            {
                var result = kind switch
                {
                    "command line" => CommandLineCase(world, lines, random),
                    "data folder" => DataCase(world, random, index),
                    _ => CacheCase(world, random, index, baseline),
                };
                foreach (var (code, problem) in result)
                {
                    codes.AddOrUpdate(code.ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    if (problem is not null)
                    {
                        failures.Enqueue($"case {index} (seed {seed}, {kind}): {problem}");
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue($"case {index} (seed {seed}, {kind}): the harness failed: {ex.GetType().Name}: {ex.Message}");
            }
        });

        var outside = world.CheckNothingWrittenOutside();
        foreach (var problem in outside)
        {
            failures.Enqueue($"after all cases: {problem}");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {cases} cases from {start} (seed {seed}) in {watch.Elapsed.TotalSeconds:0.0} s on {System.Environment.ProcessorCount} cores; " +
            $"kinds {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}; " +
            $"exit codes {string.Join(", ", codes.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}"))}; " +
            $"FIFO {(world.HasFifo ? "yes" : "no")}, device node {(world.HasDevice ? "yes" : "no")}; failures {failures.Count}");
        output.WriteLine(summary);
        foreach (var failure in failures.Take(50))
        {
            output.WriteLine(failure);
        }

        if (System.Environment.GetEnvironmentVariable("CORRIDORS_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllLines(report, [summary, .. failures]);
        }

        if (CaseLog is not null)
        {
            File.WriteAllLines(log!, CaseLog);
        }

        failures.ShouldBeEmpty(summary + "\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>With <c>CORRIDORS_FUZZ_LOG</c>: exit code and arguments of every command-line case, for tuning the generator.</summary>
    private static ConcurrentQueue<string>? CaseLog { get; set; }

    private static T Setting<T>(string name, T fallback)
        where T : IParsable<T> =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } text && T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>One generated command line on the bundled data copy (shared workspaces).</summary>
    private static IEnumerable<(int Code, string? Problem)> CommandLineCase(FuzzWorld world, CommandLines lines, Random random)
    {
        var args = lines.Next(random);
        var (code, stdout, stderr) = Run(world.Environment(), args);
        CaseLog?.Enqueue($"{code} {DataMutations.Show(args)}");
        yield return (code, Check(args, code, stdout, stderr));
    }

    /// <summary>A mutated copy of a data folder: validate it, then run a command on it.</summary>
    private static IEnumerable<(int Code, string? Problem)> DataCase(FuzzWorld world, Random random, long index)
    {
        var dir = Path.Combine(world.Cases, "data-" + index.ToString(CultureInfo.InvariantCulture));
        var source = random.Next(100) switch
        {
            < 55 => "mini",
            < 90 => "bundled CSVs",
            < 97 => "minimal",
            _ => "bundled with sea",
        };
        FuzzWorld.Copy(source switch
        {
            "mini" => world.Mini,
            "minimal" => RepoPaths.MinimalData,
            _ => world.Data,
        }, dir, withSea: source == "bundled with sea");
        var how = new List<string>();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            how.Add(DataMutations.MutateOne(dir, random, world));
        }

        var (from, to) = source == "minimal" ? ("Alashankou", "Alat") : ("Xian", "Duisburg");
        string[] command = random.Next(6) switch
        {
            0 => ["--data", dir, "network", "info", "--json"],
            1 => ["--data", dir, "compare", "--from", from, "--to", to, "--depart", "2026-03-03", "--no-store", "--json"],
            2 => ["--data", dir, "reliability", "--from", from, "--to", to, "--samples", "50", "--no-store"],
            3 => ["--data", dir, "export", "geojson", "-o", Path.Combine(world.Out, "case-" + index.ToString(CultureInfo.InvariantCulture) + ".geojson")],
            _ => ["--data", dir, "route", "--from", from, "--to", to, "--depart", "2026-03-03", "--alternatives", "2", "--no-store", "--json"],
        };
        var environment = world.Environment(useShared: false, cache: Path.Combine(world.Root, "cache-data"));
        string[] validate = ["data", "validate", dir];
        var v = Run(environment, validate);
        var c = Run(environment, command);
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }

        var what = $"{source}, {string.Join("; ", how)}";
        yield return (v.Code, Check(validate, v.Code, v.Stdout, v.Stderr) is { } p1 ? $"{what}: {p1}" : null);
        var p2 = Check(command, c.Code, c.Stdout, c.Stderr);
        if (p2 is null && v.Code == 0 && c.Code == 2)
        {
            p2 = $"data validate passed but the command failed on the data:\n{Shorten(c.Stderr)}";
        }

        yield return (c.Code, p2 is null ? null : $"{what}: {p2}");
    }

    /// <summary>A mutated sea-leg cache: the next load must discard it, route again, give the same network and rewrite it.</summary>
    private static IEnumerable<(int Code, string? Problem)> CacheCase(FuzzWorld world, Random random, long index, (string Cache, string Json) baseline)
    {
        var cache = Path.Combine(world.Root, "cache-" + index.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(cache);
        var name = Path.GetFileName(baseline.Cache);
        var good = File.ReadAllText(baseline.Cache);
        var (text, how) = DataMutations.Cache(good, random);
        File.WriteAllText(Path.Combine(cache, name), text);
        string[] args = ["network", "info", "--json", "--no-store", "--verbose"];
        var (code, stdout, stderr) = Run(world.Environment(useShared: false, cache: cache), args);
        var problem = Check(args, code, stdout, stderr);
        if (problem is null && code != 0)
        {
            problem = $"a damaged cache ({how}) failed the command with exit {code}:\n{Shorten(stderr)}";
        }
        else if (problem is null && stdout != baseline.Json)
        {
            problem = $"a damaged cache ({how}) changed the network";
        }
        else if (problem is null && File.ReadAllText(Path.Combine(cache, name)) is var after && after != good)
        {
            // Left as it was only when it is still a sound cache (say, without its final line break): then no warning.
            var warned = stderr.Contains("warning CORR0127", StringComparison.Ordinal);
            if (after != text || warned)
            {
                problem = $"a damaged cache ({how}) was not rewritten";
            }
        }
        else if (problem is null && text != good && !stderr.Contains("warning CORR0127", StringComparison.Ordinal))
        {
            problem = $"a damaged cache ({how}) was replaced without warning CORR0127";
        }

        Directory.Delete(cache, recursive: true);
        yield return (code, problem);
    }

    /// <summary>The sea-leg cache file and the network document it gives, from a clean run.</summary>
    private static (string Cache, string Json) Baseline(FuzzWorld world)
    {
        var cache = Path.Combine(world.Root, "cache-baseline");
        var (code, stdout, stderr) = CliRunner.RunWith(world.Environment(useShared: false, cache: cache), "network", "info", "--json", "--no-store");
        if (code != 0)
        {
            throw new InvalidOperationException("The baseline run failed: " + stderr);
        }

        return (Directory.GetFiles(cache, "sea-legs-*").Single(), stdout);
    }

    private static (int Code, string Stdout, string Stderr) Run(Cli.CliEnvironment environment, string[] args)
    {
        var task = Task.Run(() =>
        {
            try
            {
                return CliRunner.RunWith(environment, args);
            }
            catch (Exception ex)
            {
                return (-1, string.Empty, "the CLI threw: " + ex);
            }
        });
        return task.Wait(CaseTimeout) ? task.Result : (-2, string.Empty, $"the CLI did not finish within {CaseTimeout.TotalSeconds:0} s");
    }

    /// <summary>Everything a run must satisfy; null when it does.</summary>
    internal static string? Check(string[] args, int code, string stdout, string stderr)
    {
        var shown = DataMutations.Show(args);
        if (code is not (0 or 1 or 2))
        {
            return $"exit {code} for {shown}:\n{Shorten(stderr)}";
        }

        if (stderr.Contains("   at ", StringComparison.Ordinal) || stderr.Contains("Exception", StringComparison.Ordinal) || stderr.Contains("unexpected failure", StringComparison.Ordinal))
        {
            return $"a stack trace or exception for {shown}:\n{Shorten(stderr)}";
        }

        foreach (var line in stderr.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            if (DiagnosticLine().IsMatch(text) || FileLevelLine().IsMatch(text) || MessageLine().IsMatch(text))
            {
                continue;
            }

            return $"a stderr line that is neither a message nor a located diagnostic for {shown}: '{DataMutations.Show([text])}'";
        }

        if (code == 2 && !stderr.Contains(": error CORR", StringComparison.Ordinal))
        {
            return $"exit 2 without a data error for {shown}:\n{Shorten(stderr)}";
        }

        var help = args.Any(a => a is "-h" or "-?" or "/?" or "/h" || a.StartsWith("--help", StringComparison.Ordinal) || a.StartsWith("--version", StringComparison.Ordinal) || a.StartsWith("-h=", StringComparison.Ordinal));
        var json = Array.IndexOf(args, "--json");
        var jsonOff = json >= 0 && json + 1 < args.Length && bool.TryParse(args[json + 1], out var on) && !on;
        // Only output that is meant as JSON: an option that takes a value can swallow the word --json.
        var looksJson = stdout.TrimStart().StartsWith('{') || stdout.TrimStart().StartsWith('[');
        if (code == 0 && !help && json >= 0 && !jsonOff && looksJson)
        {
            try
            {
                using var document = JsonDocument.Parse(stdout);
            }
            catch (JsonException ex)
            {
                return $"--json printed invalid JSON for {shown}: {ex.Message}";
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;

    /// <summary><c>file(line,col): error CORR0000: message</c>.</summary>
    [GeneratedRegex(@"^.+\([1-9][0-9]*,[1-9][0-9]*\): (error|warning) CORR[0-9]{4}: \S.*$")]
    private static partial Regex DiagnosticLine();

    /// <summary>A whole-file diagnostic: only a missing or unreadable file (CORR0001).</summary>
    [GeneratedRegex(@"^.+: error CORR0001: \S.*$")]
    private static partial Regex FileLevelLine();

    /// <summary>Messages, log lines, the usage hint, and help or table output that spills to stderr.</summary>
    [GeneratedRegex(@"^(error|warn|info|debug|trce|crit): \S.*$|^Run '[^']+ --help' for usage\.$")]
    private static partial Regex MessageLine();
}
