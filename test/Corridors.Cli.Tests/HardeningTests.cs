using System.Diagnostics;

namespace Corridors.Tests;

/// <summary>
/// Regression tests of issue 10 ("bad input never crashes"): each defect found by the first fuzzing round, reproduced
/// through the CLI in-process. Every case ends with exit code 1 (usage) or 2 (data), a sentence naming the option or
/// path, and no stack trace or .NET type name.
/// </summary>
public sealed class HardeningTests
{
    private static string Mini => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "TestData", "mini");

    private static readonly string[] RouteArgs = ["--data", Mini, "--from", "Xian", "--to", "Duisburg", "--no-store"];

    /// <summary>No stack trace, exception name or .NET type name reaches stderr.</summary>
    private static void ShouldBeClean(string stderr)
    {
        stderr.ShouldNotContain("   at ");
        stderr.ShouldNotContain("Exception");
        stderr.ShouldNotContain("System.");
        stderr.ShouldNotContain("unexpected failure");
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-hardening-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    // Found 1: option values were read before parse errors were checked (exit 134 with a stack trace).

    [Theory]
    [InlineData("abc", "error: --year: 'abc' is not a whole number.")]
    [InlineData("2026.5", "error: --year: '2026.5' is not a whole number.")]
    [InlineData("", "error: --year: '' is not a whole number.")]
    [InlineData("2147483648", "error: --year: '2147483648' is outside the whole numbers this option takes (-2147483648 to 2147483647).")]
    public void Year_NotAWholeNumber_IsAUsageErrorOnEveryCommand(string year, string message)
    {
        string[][] commands =
        [
            ["route", .. RouteArgs],
            ["compare", .. RouteArgs],
            ["reliability", .. RouteArgs, "--samples", "10"],
            ["--data", Mini, "network", "info"],
            ["--data", Mini, "export", "geojson"],
        ];
        foreach (var command in commands)
        {
            var (code, stdout, stderr) = CliRunner.Run([.. command, "--year", year]);

            code.ShouldBe(1, string.Join(' ', command) + "\n" + stderr);
            stdout.ShouldBeEmpty();
            stderr.ShouldContain(message);
            ShouldBeClean(stderr);
        }
    }

    [Fact]
    public void UnreadableAndOutOfRangeValues_AreReportedInOneRound()
    {
        // Regression: '--year abc --teu -1' reported the year, and the TEU only once the year was fixed.
        var (code, stdout, stderr) = CliRunner.Run("route", "--from", "Xain", "--to", "Duisburg", "--year", "abc", "--teu", "-1");

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error: --year: 'abc' is not a whole number.");
        stderr.ShouldContain("error: --teu: The number of TEU must be zero or more.");
        stderr.ShouldContain("error: --from: 'Xain' is not a place in the network.");
        stderr.ShouldNotContain("--year: The", Case.Sensitive); // the unreadable option is not reported twice
    }

    /// <summary>
    /// Every command with typed options reports a value it cannot read and the problems of the values it can in one
    /// round (regression: sea, caspian, assign, bypass, leverage, invest, network, places and runs said the second
    /// only once the first was fixed).
    /// </summary>
    [Theory]
    [InlineData("sea --from Shanghai --to Rotterdam --knots abc --vessel-teu -5", "--knots: 'abc' is not a number", "--vessel-teu: The vessel size must be")]
    [InlineData("sea --from Shanghai --to Atlantis --vessel-teu abc --knots 0", "--vessel-teu: 'abc' is not a whole number", "--knots: The speed must be", "--to: Unknown port 'Atlantis'")]
    [InlineData("caspian --year abc --days 0", "--year: 'abc' is not a whole number", "--days: Simulate 1–3650 days.")]
    [InlineData("caspian --curve --days abc --level 3", "--days: 'abc' is not a whole number", "--level: The sea level must be")]
    [InlineData("bypass --from-region CN --to-region EU --year abc --avoid XX", "--year: 'abc' is not a whole number", "--avoid: 'XX' is not a country")]
    [InlineData("leverage --from-region CN --to-region ZZ --year abc", "--year: 'abc' is not a whole number", "--to-region: 'ZZ' is neither")]
    [InlineData("invest --from-region QQ --to-region EU --year abc", "--year: 'abc' is not a whole number", "--from-region: 'QQ' is neither")]
    [InlineData("network diff --from abc --to 1900", "--from: 'abc' is not a whole number", "--to: 1900 is outside")]
    [InlineData("places --year 3000 --limit abc", "--limit: 'abc' is not a whole number", "--year: 3000 is outside")]
    [InlineData("assign --demand data/demand/2025.csv --year abc --gap -1 --method zz", "--year: 'abc' is not a whole number", "--method: 'zz' is not a method", "--gap: The relative gap")]
    [InlineData("runs export --limit 0 --command abc --output", "'--output'", "--limit: The number of runs to list must be")]
    [InlineData("scenario sweep --param sea-level=-28.5:-31:0.25 --output zzz --seed abc --days 0", "--seed: 'abc' is not a whole number", "--output: Unknown output 'zzz'", "--days: Simulate 1–3650 days.")]
    [InlineData("scenario compare caspian-drop --samples abc --pairs Xian-Duisburg", "--samples: 'abc' is not a whole number", "--pairs: 'Xian-Duisburg' is not FROM:TO")]
    public void EveryCommand_ReportsUnreadableAndOutOfRangeValuesInOneRound(string commandLine, params string[] messages)
    {
        var args = commandLine.Split(' ').Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, a) : a).ToList();
        var (code, stdout, stderr) = CliRunner.Run([.. args]);

        code.ShouldBe(1, stderr);
        stdout.ShouldBeEmpty();
        foreach (var message in messages)
        {
            stderr.ShouldContain(message);
        }

        ShouldBeClean(stderr);
    }

    [Fact]
    public void Year_OutOfRange_IsReportedByTheApplicationLayer()
    {
        var (code, _, stderr) = CliRunner.Run(["route", .. RouteArgs, "--year", "2040"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --year: 2040 is outside the years the network data covers (2020–2035).");
    }

    [Theory]
    [InlineData("abc", "error: --limit: 'abc' is not a whole number.")]
    [InlineData("1e3", "error: --limit: '1e3' is not a whole number.")]
    [InlineData("99999999999", "error: --limit: '99999999999' is outside the whole numbers this option takes (-2147483648 to 2147483647).")]
    [InlineData("10001", "error: --limit: The number of runs to list must be between 1 and 10000.")]
    public void RunsList_BadLimit_IsAUsageError(string limit, string message)
    {
        var (code, _, stderr) = CliRunner.Run("runs", "list", "--limit", limit, "--store", Path.Combine(TempDir(), "runs.db"));

        code.ShouldBe(1);
        stderr.ShouldContain(message);
        ShouldBeClean(stderr);
    }

    [Theory]
    [InlineData("runs", "list", "--store")]
    [InlineData("runs", "list", "--store=")]
    [InlineData("runs", "list", "--store", "")]
    [InlineData("--store", "", "runs", "list")]
    public void Store_LastTokenOrEmpty_IsAUsageError(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);

        code.ShouldBe(1);
        stderr.ShouldStartWith("error: ");
        ShouldBeClean(stderr);
    }

    [Fact]
    public void RunsShow_IdNotANumber_SaysSoWithoutATypeName()
    {
        var (code, _, stderr) = CliRunner.Run("runs", "show", "abc", "--store", Path.Combine(TempDir(), "runs.db"));

        code.ShouldBe(1);
        stderr.ShouldContain("error: <id>: 'abc' is not a whole number.");
        ShouldBeClean(stderr);
    }

    [Theory]
    [InlineData("--teu", "abc", "error: --teu: 'abc' is not a number; write it with '.' as the decimal separator and no unit (e.g. 1.5).")]
    [InlineData("--teu", "1,5", "error: --teu: '1,5' is not a number; write it with '.' as the decimal separator and no unit (e.g. 1.5).")]
    [InlineData("--max-transshipments", "two", "error: --max-transshipments: 'two' is not a whole number.")]
    [InlineData("--alternatives", "3.5", "error: --alternatives: '3.5' is not a whole number.")]
    [InlineData("--seed", "x", "error: --seed: 'x' is not a whole number.")]
    public void NumericOption_Unparsable_IsAUsageErrorInTheCliWording(string option, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run(["route", .. RouteArgs, option, value]);

        code.ShouldBe(1);
        stderr.ShouldContain(message);
        ShouldBeClean(stderr);
    }

    [Fact]
    public void UsageError_ValueWithControlCharacters_StaysOnOneLine()
    {
        var (code, _, stderr) = CliRunner.Run(["route", .. RouteArgs, "--teu", "1\n2\u001b[31m"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --teu: '1\\u000A2\\u001B[31m' is not a number;");
        stderr.ShouldNotContain("\u001b");
    }

    // Found 3: non-finite numbers reached the JSON writer (exit 3).

    [Theory]
    [InlineData("--teu", "1e307", "error: --teu: The number of containers must be positive and at most 100,000 TEU (TEU + 2 × FEU + 2 × 40' HC).")]
    [InlineData("--teu", "NaN", "error: --teu: The number of TEU must be zero or more.")]
    [InlineData("--tonnes-per-teu", "1e308", "error: --tonnes-per-teu: The cargo tonnes per TEU must be above 0 and at most 40.")]
    [InlineData("--tonnes-per-teu", "Infinity", "error: --tonnes-per-teu: The cargo tonnes per TEU must be above 0 and at most 40.")]
    [InlineData("--usd-per-hour", "1e309", "error: --usd-per-hour: The value must be zero or more and at most 1e12 (got Infinity).")]
    public void Route_NonFiniteOrHugeNumber_IsAUsageError(string option, string value, string message)
    {
        var (code, stdout, stderr) = CliRunner.Run(["route", .. RouteArgs, "--json", option, value]);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(message);
        ShouldBeClean(stderr);
    }

    [Fact]
    public void Route_TeuWithNegativeFeu_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run(["route", .. RouteArgs, "--teu", "3", "--feu", "-1"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --feu: The number of FEU must be zero or more.");
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("NaN")]
    public void Reliability_HugePenalty_IsAUsageError(string penalty)
    {
        var (code, _, stderr) = CliRunner.Run(["reliability", .. RouteArgs, "--depart", "2026-03-03", "--deadline", "2026-06-01", "--samples", "10", "--penalty", penalty]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --penalty: The penalty must be zero or more and at most 1e9 USD per day.");
        ShouldBeClean(stderr);
    }

    [Theory]
    [InlineData("--to", "NaN,NaN", "error: --to: 'NaN,NaN' is not a 'lon,lat' pair within -180..180, -90..90.")]
    [InlineData("--knots", "1e-308", "error: --knots: The speed must be at least 1 and at most 60 knots.")]
    [InlineData("--knots", "NaN", "error: --knots: The speed must be at least 1 and at most 60 knots.")]
    [InlineData("--max-snap-km", "0", "error: --max-snap-km: The largest port-to-lane distance must be above 0 and at most 5000 km.")]
    [InlineData("--max-snap-km", "-1", "error: --max-snap-km: The largest port-to-lane distance must be above 0 and at most 5000 km.")]
    [InlineData("--max-snap-km", "NaN", "error: --max-snap-km: The largest port-to-lane distance must be above 0 and at most 5000 km.")]
    public void Sea_NonFiniteOrMeaninglessNumber_IsAUsageError(string option, string value, string message)
    {
        string[] args = option == "--to"
            ? ["--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", value, "--json"]
            : ["--data", RepoPaths.Data, "sea", "--from", "CNSHA", "--to", "NLRTM", "--json", option, value];

        var (code, stdout, stderr) = CliRunner.Run(args);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(message);
        ShouldBeClean(stderr);
    }

    [Fact]
    public void SeaPairs_NaNRow_IsALocatedDiagnostic()
    {
        var file = Path.Combine(TempDir(), "pairs.csv");
        File.WriteAllText(file, "from_lon,from_lat,to_lon,to_lat\n121.9,30.6,4.0,51.95\nNaN,NaN,4.0,51.95\n");

        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--pairs", file, "--json");

        code.ShouldBe(2);
        stderr.ShouldContain("pairs.csv(3,1): error CORR0104: 'NaN,NaN' is not a 'lon,lat' pair within -180..180, -90..90.");
        ShouldBeClean(stderr);
    }

    // Found 4: date overflow (exit 3).

    [Fact]
    public void Route_DepartureInYear9999_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run(["route", .. RouteArgs, "--depart", "9999-12-25"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --depart: '9999-12-25' is outside the dates the model handles (years 1900–2200).");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59")]
    public void Reliability_DeadlineInYear9999_IsAUsageError(string deadline)
    {
        var (code, _, stderr) = CliRunner.Run(["reliability", .. RouteArgs, "--samples", "10", "--deadline", deadline]);

        code.ShouldBe(1);
        stderr.ShouldContain($"error: --deadline: '{deadline}' is outside the dates the model handles (years 1900–2200).");
    }

    // Found 9: a store that cannot be opened made runs list/show exit 3; empty paths exited 3.

    public static TheoryData<string, string> BrokenStores => new()
    {
        { "directory", "it is a directory." },
        { "garbage", "it is not a SQLite database." },
        { "truncated", "the database is damaged (truncated or overwritten)." },
        { "symlink", "it is a symbolic link." },
    };

    [Theory]
    [MemberData(nameof(BrokenStores))]
    public void Runs_StoreThatCannotBeOpened_IsAUsageErrorNamingThePath(string kind, string reason)
    {
        var dir = TempDir();
        var store = Path.Combine(dir, "runs.db");
        switch (kind)
        {
            case "directory":
                Directory.CreateDirectory(store);
                break;
            case "garbage":
                File.WriteAllBytes(store, [.. Enumerable.Range(0, 5000).Select(i => (byte)((i * 7919) % 251))]);
                break;
            case "truncated":
                CliRunner.Run(["compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", "--store", store]).ExitCode.ShouldBe(0);
                var bytes = File.ReadAllBytes(store);
                File.Delete(store);
                File.WriteAllBytes(store, bytes[..3000]);
                break;
            case "symlink":
                var target = Path.Combine(dir, "target.db");
                File.WriteAllText(target, string.Empty);
                File.CreateSymbolicLink(store, target);
                break;
        }

        foreach (var args in new[] { new[] { "runs", "list" }, ["runs", "show", "1"] })
        {
            var (code, stdout, stderr) = CliRunner.Run([.. args, "--store", store]);

            code.ShouldBe(1, stderr);
            stdout.ShouldBeEmpty();
            stderr.ShouldContain($"error: --store: The run store '{store}' cannot be opened: {reason}");
            ShouldBeClean(stderr);
        }
    }

    [Fact]
    public void Runs_ReadOnlyStore_IsReadButNeverWritten()
    {
        // A read-only store still lists and shows its runs; deleting and storing are refused with the path, never an
        // unexpected failure. Root ignores file modes, so as root the file is made immutable (chattr +i) instead.
        var store = Path.Combine(TempDir(), "runs.db");
        CliRunner.Run(["compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", "--store", store]).ExitCode.ShouldBe(0);
        File.Delete(store + "-wal");
        File.Delete(store + "-shm");
        File.SetAttributes(store, FileAttributes.ReadOnly);
        var immutable = Environment.UserName == "root" && Chattr("+i", store);
        try
        {
            if (!Unwritable(store))
            {
                Assert.Skip("This machine cannot make a file read-only for this user (root without CAP_LINUX_IMMUTABLE).");
            }

            var list = CliRunner.Run("runs", "list", "--store", store);
            list.ExitCode.ShouldBe(0, list.Stderr);
            list.Stdout.ShouldContain("1 run(s) in " + store);

            var show = CliRunner.Run("runs", "show", "1", "--store", store);
            show.ExitCode.ShouldBe(0, show.Stderr);
            show.Stdout.ShouldStartWith("{");

            var delete = CliRunner.Run("runs", "delete", "1", "--store", store);
            delete.ExitCode.ShouldBe(1);
            delete.Stderr.ShouldContain($"error: --store: The run store '{store}' cannot be written: it is read-only.");
            ShouldBeClean(delete.Stderr);

            var route = CliRunner.Run("route", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", "--store", store);
            route.ExitCode.ShouldBe(0, route.Stderr);
            route.Stdout.ShouldStartWith("{");
            route.Stderr.ShouldContain($"warn: the result was not stored in {store}: The run store '{store}' cannot be written: it is read-only.");
            CliRunner.Run("runs", "list", "--store", store).Stdout.ShouldContain("1 run(s) in " + store);
        }
        finally
        {
            if (immutable)
            {
                Chattr("-i", store);
            }
        }
    }

    private static bool Unwritable(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr on this machine
        }
    }

    [Fact]
    public void Route_StoreThatCannotBeOpened_WarnsAndStillPrintsTheResult()
    {
        var store = TempDir(); // a directory

        var (code, stdout, stderr) = CliRunner.Run("compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--json", "--store", store);

        code.ShouldBe(0, stderr);
        stdout.ShouldStartWith("{");
        stderr.ShouldContain($"warn: the result was not stored in {store}: The run store '{store}' cannot be opened: it is a directory.");
    }

    [Theory]
    [InlineData("error: --data: The data directory is empty.", "--data", "", "network", "info")]
    [InlineData("error: --store: The run store path is empty.", "--store", "", "runs", "list")]
    [InlineData("error: <dir>: The data directory is empty.", "data", "validate", "")]
    [InlineData("error: <dir>: The data directory is empty.", "data", "validate", " ")]
    public void EmptyPath_IsAUsageError(string message, params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);

        code.ShouldBe(1);
        stderr.ShouldContain(message);
        ShouldBeClean(stderr);
    }

    [Fact]
    public void DataValidate_MissingDirectory_IsALocatedDataError()
    {
        var dir = Path.Combine(TempDir(), "nothing-here");

        var (code, _, stderr) = CliRunner.Run("data", "validate", dir);

        code.ShouldBe(2);
        stderr.ShouldContain("error CORR0001: The data directory does not exist.");
    }

    // Found 10 (CLI parts): very long names, --max-snap-km of 0/-1/NaN (above).

    [Fact]
    public void Route_MillionCharacterPlaceName_IsRefusedAtOnce()
    {
        var name = new string('a', 1_000_000);
        var watch = Stopwatch.StartNew();

        var (code, _, stderr) = CliRunner.Run(["route", "--data", Mini, "--from", name, "--to", "Duisburg", "--via", name, "--no-store"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --from: A place name is longer than 200 characters.");
        stderr.ShouldContain("error: --via: A place name is longer than 200 characters.");
        stderr.Length.ShouldBeLessThan(2000);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Sea_MillionCharacterPortName_IsRefusedAtOnceInOptionsAndPairs()
    {
        var name = new string('x', 1_000_000);
        var file = Path.Combine(TempDir(), "pairs.csv");
        File.WriteAllText(file, $"from,to\n{name},NLRTM\n");
        var watch = Stopwatch.StartNew();

        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--from", name, "--to", "NLRTM");
        var (pairsCode, _, pairsStderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--pairs", file);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --from: A port name is longer than 200 characters.");
        pairsCode.ShouldBe(2);
        pairsStderr.ShouldContain("pairs.csv(2,1): error CORR0104: A port name is longer than 200 characters.");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Route_UnknownPlaceWithNewline_IsQuotedOnOneLine()
    {
        var (code, _, stderr) = CliRunner.Run(["route", "--data", Mini, "--from", "Nowhere\nerror: fake", "--to", "Duisburg", "--no-store"]);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --from: 'Nowhere\\u000Aerror: fake' is not a place in the network.");
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l.StartsWith("error: --from:", StringComparison.Ordinal));
    }

    // Found 6 and 10: data validate reads reliability.csv and sea/; every diagnostic is printed once.

    [Fact]
    public void DataValidate_BadReliabilityFile_ExitsTwo()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.WriteAllText(Path.Combine(dir, "reliability.csv"), "id,component,scope,targets,probability,dist,unit,mode,source\nr,dwell-tail,node,KZ-AKTAU,0.1,fixed,h,1e309,\"assumption: a reason long enough\"\n");

        var (code, stdout, stderr) = CliRunner.Run("data", "validate", dir);

        code.ShouldBe(2);
        stderr.ShouldContain("reliability.csv(2,40): error CORR0104: Reliability rule has 'mode' = '1e309', which is not a finite number.");
        stdout.ShouldContain("1 error(s)");
    }

    [Fact]
    public void BrokenSeaFile_EveryCommand_PrintsEachDiagnosticOnce()
    {
        var dir = Path.Combine(TempDir(), "data");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(RepoPaths.Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var gates = Path.Combine(dir, "sea", "gates.csv");
        File.WriteAllText(gates, File.ReadAllText(gates).Replace("\ncorinth,", "\ncorinthh,", StringComparison.Ordinal));
        var cache = Path.Combine(TempDir(), "cache");
        var environment = CliRunner.Environment() with { CacheDirectory = cache };

        foreach (var args in new[]
        {
            new[] { "data", "validate", dir },
            ["--data", dir, "route", "--from", "Xian", "--to", "Duisburg", "--no-store"],
            ["--data", dir, "sea", "--from", "CNSHA", "--to", "NLRTM", "--no-store"],
        })
        {
            var (code, _, stderr) = CliRunner.RunWith(environment, args);

            code.ShouldBe(2, string.Join(' ', args));
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Count(l => l.Contains("error CORR0110: Gate 'corinthh' names a passage that is not in passages.csv.", StringComparison.Ordinal)).ShouldBe(1, string.Join(' ', args));
            lines.Distinct().Count().ShouldBe(lines.Length, string.Join(' ', args));
        }
    }

    // Found 2 (output files), as far as it touches bad input: refused, left as they are, no temp file behind.

    [Fact]
    public void Export_ToSymlinkOrFifo_IsRefusedAndLeftAsItIs()
    {
        var dir = TempDir();
        var target = Path.Combine(dir, "target.txt");
        File.WriteAllText(target, "keep");
        var link = Path.Combine(dir, "link.geojson");
        File.CreateSymbolicLink(link, target);
        var fifo = Path.Combine(dir, "fifo.geojson");
        var made = TryMakeFifo(fifo);

        var (code, _, stderr) = CliRunner.Run("--data", Mini, "export", "geojson", "-o", link);

        code.ShouldBe(1);
        stderr.ShouldContain($"error: --output: cannot write '{link}': it is not a regular file, and is left as it is.");
        File.ReadAllText(target).ShouldBe("keep");
        if (made)
        {
            var watch = Stopwatch.StartNew();
            var (fifoCode, _, fifoStderr) = CliRunner.Run("--data", Mini, "export", "geojson", "-o", fifo);
            fifoCode.ShouldBe(1);
            fifoStderr.ShouldContain("it is not a regular file, and is left as it is.");
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        }

        Directory.GetFiles(dir, "*.tmp").ShouldBeEmpty();
    }

    // Found by the fuzz harness (test/Corridors.Cli.Tests/Fuzz, docs/FUZZ.md).

    [Theory]
    [InlineData("compare", "--help", "--store")]
    [InlineData("route", "--help", "--store=")]
    [InlineData("--version", "--data")]
    public void HelpWithAGlobalOptionMissingItsValue_IsAUsageErrorNotACrash(params string[] args)
    {
        // Regression: with --help the parser skips validation, and reading --store threw out of Main (exit 134).
        var (code, _, stderr) = CliRunner.Run(args);

        code.ShouldBeOneOf(0, 1);
        ShouldBeClean(stderr);
    }

    [Fact]
    public void Export_PathWithANewline_InfoLineStaysOnOneLine()
    {
        var path = Path.Combine(TempDir(), "bad\nname.geojson");

        var (code, _, stderr) = CliRunner.Run("--data", Mini, "export", "geojson", "-o", path);

        code.ShouldBe(0, stderr);
        stderr.TrimEnd('\n').ShouldNotContain('\n');
        stderr.ShouldContain("bad\\u000Aname.geojson");
    }

    [Fact]
    public void SeaPairsOrCasesFile_ThatIsAFifo_IsRefusedWithoutBlocking()
    {
        var fifo = Path.Combine(TempDir(), "pairs.csv");
        if (!TryMakeFifo(fifo))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var (code, _, stderr) = CliRunner.Run("--data", RepoPaths.Data, "sea", "--pairs", fifo);
        var (casesCode, _, casesStderr) = CliRunner.Run("--data", Mini, "validate-model", "--cases", fifo);

        code.ShouldBe(1);
        stderr.ShouldContain($"error: --pairs: cannot read '{fifo}': it is a device, FIFO or socket, not a regular file.");
        casesCode.ShouldBe(2);
        casesStderr.ShouldContain("error CORR0001: The file cannot be read: it is a device, FIFO or socket, not a regular file.");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void DataFileThatIsAFifo_IsALocatedErrorWithoutBlocking()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.Delete(Path.Combine(dir, "vessels.csv"));
        if (!TryMakeFifo(Path.Combine(dir, "vessels.csv")))
        {
            return;
        }

        var (code, _, stderr) = CliRunner.Run("data", "validate", dir);

        code.ShouldBe(2);
        stderr.ShouldContain("vessels.csv: error CORR0001: The file cannot be read: it is a device, FIFO or socket, not a regular file.");
    }

    [Fact]
    public void ValidateModel_CasesPathWithANulCharacter_IsAUsageErrorNotACrash()
    {
        // Regression (soak case 41817): Path.GetFullPath threw "Null character in path" (exit 3).
        var (code, _, stderr) = CliRunner.Run("--data", Mini, "validate-model", "--cases", "a\0b");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --cases: The cases file name 'a\\u0000b' is not a valid path.");
        ShouldBeClean(stderr);
    }

    [Fact]
    public void Reliability_HeadwayRuleInAFileWithoutADistColumn_IsADataErrorNotACrash()
    {
        // Regression (soak case 90956): with the 'dist' column renamed, a sailing-headway rule got a zero headway and
        // the simulation threw (exit 3).
        var dir = Path.Combine(TempDir(), "data");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Mini))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(dir, "reliability.csv"), "id,component,scope,targets,distx,unit,min,max,source\nh,sailing-headway,mode,ferry,uniform,d,3,5,\"assumption: a reason long enough\"\n");

        var (code, _, stderr) = CliRunner.Run("--data", dir, "reliability", "--from", "Xian", "--to", "Duisburg", "--samples", "50", "--no-store");
        var (validateCode, _, validateStderr) = CliRunner.Run("data", "validate", dir);

        code.ShouldBe(2, stderr);
        stderr.ShouldContain("reliability.csv(2,1): error CORR0102: Reliability rule needs a distribution, but the file has no 'dist' column.");
        validateCode.ShouldBe(2);
        validateStderr.ShouldContain("error CORR0102: Reliability rule needs a distribution");
        ShouldBeClean(stderr);
    }

    [Theory]
    [InlineData("dir", "cannot write '{0}': it is a directory.")]
    [InlineData("dir/", "'{0}' is not a file name.")]
    [InlineData("", "'' is not a file name.")]
    public void Export_ToADirectoryOrAnEmptyPath_IsAUsageErrorAndLeavesNoTempFile(string name, string message)
    {
        var dir = TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "dir"));
        var path = name.Length == 0 ? string.Empty : Path.Combine(dir, name);

        var (code, _, stderr) = CliRunner.Run("--data", Mini, "export", "geojson", "-o", path);

        code.ShouldBe(1);
        stderr.ShouldContain("error: --output: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path));
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void ConcurrentExports_ToOnePath_NeverCollideOnATempFile()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "out.geojson");

        var codes = new int[8];
        Parallel.For(0, codes.Length, i => codes[i] = CliRunner.Run("--data", Mini, "export", "geojson", "-o", path).ExitCode);

        codes.ShouldAllBe(c => c == 0);
        Directory.GetFiles(dir).ShouldBe([path]);
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
    }

    /// <summary>Makes a FIFO with mkfifo(1) when the system has it.</summary>
    internal static bool TryMakeFifo(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0 && File.Exists(path);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
