using System.Text.Json;

namespace Corridors.Tests;

/// <summary>The CLI's contract: help everywhere, exit codes, stdout for results and stderr for diagnostics.</summary>
public sealed class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("data", "validate", "--help")]
    [InlineData("network", "info", "--help")]
    [InlineData("export", "geojson", "--help")]
    [InlineData("route", "--help")]
    [InlineData("reliability", "--help")]
    [InlineData("serve", "--help")]
    public void Help_AnyCommand_PrintsUsageAndExitsZero(params string[] args)
    {
        var (code, stdout, _) = CliRunner.Run(args);

        code.ShouldBe(0);
        stdout.ShouldContain("Usage:");
    }

    [Fact]
    public void Run_UnknownOption_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("network", "info", "--bogus");

        code.ShouldBe(1);
        stderr.ShouldContain("--bogus");
    }

    [Theory]
    [InlineData("network", "info", "--year", "1999")]
    [InlineData("export", "geojson", "--year", "2099")]
    [InlineData("route", "--from", "Xian", "--to", "Duisburg", "--year", "1999")]
    [InlineData("compare", "--from", "Xian", "--to", "Duisburg", "--year", "2036")]
    public void Year_OutsideTheDataYears_IsAUsageError(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("outside the years the network data covers (2020–2035)");
    }

    [Theory]
    [InlineData("--output", "export", "geojson", "-o")]
    [InlineData("--geojson", "route", "--from", "Xian", "--to", "Duisburg", "--no-store", "--geojson")]
    public void Output_InAMissingDirectory_IsAUsageErrorNotAnUnexpectedFailure(string option, params string[] args)
    {
        // Regression: a bad output path ended as exit 3 "unexpected failure".
        var path = Path.Combine(Path.GetTempPath(), "corridors-missing-" + Guid.NewGuid().ToString("N"), "out.geojson");

        var (code, _, stderr) = CliRunner.Run([.. args, path]);

        code.ShouldBe(1);
        stderr.ShouldContain($"error: {option}: cannot write '{path}'");
        stderr.ShouldNotContain("unexpected");
    }

    [Fact]
    public void Run_MissingRequiredOption_ErrorOnStderrAndNothingOnStdout()
    {
        var (code, stdout, stderr) = CliRunner.Run("route", "--from", "Xian", "--json");

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error: Option '--to' is required.");
        stderr.ShouldContain("Run 'corridors route --help' for usage.");
    }

    [Fact]
    public void DataValidate_BundledData_ReportsZeroErrors()
    {
        var (code, stdout, stderr) = CliRunner.Run("data", "validate", RepoPaths.Data, "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("errors").GetInt32().ShouldBe(0);
        json.RootElement.GetProperty("nodes").GetInt32().ShouldBeGreaterThan(100);
        stderr.ShouldNotContain(": error ");
    }

    [Fact]
    public void DataValidate_BrokenFile_ExitsTwoWithMsBuildStyleDiagnosticsOnStderr()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.WriteAllText(Path.Combine(dir, "legs.csv"), File.ReadAllText(Path.Combine(dir, "legs.csv")).Replace("KZ-DOSTYK,KZ-AKTAU,rail", "KZ-DOSTYK,KZ-ALA,rail", StringComparison.Ordinal));

        var (code, stdout, stderr) = CliRunner.Run("data", "validate", dir);

        code.ShouldBe(2);
        stderr.ShouldContain("legs.csv(3,");
        stderr.ShouldContain("): error CORR0107: Leg 'R-DOSTYK-AKTAU' references unknown node 'KZ-ALA'.");
        stdout.ShouldContain("2 error(s)"); // the unknown node, and the piece it leaves disconnected
    }

    [Fact]
    public void NetworkInfo_CommandNeedingTheNetwork_ExitsTwoOnBadData()
    {
        var dir = RepoPaths.MinimalDataCopy();
        File.WriteAllText(Path.Combine(dir, "nodes.csv"), File.ReadAllText(Path.Combine(dir, "nodes.csv")).Replace("43.6,51.2", "43.6,251.2", StringComparison.Ordinal));

        var (code, stdout, stderr) = CliRunner.Run("network", "info", "--data", dir);

        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error CORR0104");
    }

    [Fact]
    public void NetworkInfo_Json_HasTheDocumentedFields()
    {
        var (code, stdout, stderr) = CliRunner.Run("network", "info", "--year", "2025", "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("year").GetInt32().ShouldBe(2025);
        foreach (var field in new[] { "nodes", "legs", "directedEdges", "services", "countries", "passages", "modes", "nodeKinds", "notYetOpen", "sourcedRows", "assumptionRows" })
        {
            root.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        root.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ShouldContain("KZ");
    }

    [Fact]
    public void NetworkInfo_LaterYear_IncludesPlannedLinks()
    {
        static int Legs(string year)
        {
            var (_, stdout, _) = CliRunner.Run("network", "info", "--year", year, "--json");
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.GetProperty("legs").GetInt32();
        }

        Legs("2030").ShouldBeGreaterThan(Legs("2022"));
    }

    [Fact]
    public void ExportGeoJson_ToFile_WritesAFeatureCollection()
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-" + Guid.NewGuid().ToString("N") + ".geojson");

        var (code, stdout, stderr) = CliRunner.Run("export", "geojson", "--year", "2025", "-o", path);

        code.ShouldBe(0, stderr);
        stdout.ShouldBeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        json.RootElement.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(300);
        File.Exists(path + ".tmp").ShouldBeFalse();
        File.Delete(path);
    }
}

/// <summary>route/compare/reliability results land in the SQLite store and can be read back verbatim.</summary>
public sealed class RunsCliTests
{
    [Fact]
    public void Compare_StoresItsResult_RunsShowReturnsTheSameJson()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, stdout, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", "--store", store);
        code.ShouldBe(0, stderr);

        var (listCode, list, _) = CliRunner.Run("runs", "list", "--json", "--store", store);
        listCode.ShouldBe(0);
        using var runs = System.Text.Json.JsonDocument.Parse(list);
        var run = runs.RootElement.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        run.GetProperty("command").GetString().ShouldBe("compare");
        run.GetProperty("dataFingerprint").GetString()!.Length.ShouldBe(64);

        var (showCode, shown, _) = CliRunner.Run("runs", "show", run.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", store);
        showCode.ShouldBe(0);
        shown.Trim().ShouldBe(stdout.Trim());
    }

    [Theory]
    [InlineData("route")]
    [InlineData("compare")]
    public void Percentile_StoredRun_IsByteForBytePrintedDocumentWithItsSeed(string command)
    {
        // Regression: the stored document lacked the reliability block and the seed was null.
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, stdout, stderr) = CliRunner.Run(command, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--percentile", "90", "--seed", "7", "--samples", "500", "--json", "--store", store);
        code.ShouldBe(0, stderr);

        var (_, list, _) = CliRunner.Run("runs", "list", "--json", "--store", store);
        using var runs = System.Text.Json.JsonDocument.Parse(list);
        var run = runs.RootElement.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        run.GetProperty("seed").GetInt64().ShouldBe(7);
        run.GetProperty("year").GetInt32().ShouldBe(2026);
        var (showCode, shown, _) = CliRunner.Run("runs", "show", run.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", store);
        showCode.ShouldBe(0);
        shown.ShouldBe(stdout);
        using var document = System.Text.Json.JsonDocument.Parse(shown);
        document.RootElement.GetProperty("routes")[0].GetProperty("reliability").GetProperty("seed").GetInt64().ShouldBe(7);
    }

    [Fact]
    public void Run_WithoutStoreOptions_WritesTheEnvironmentsStoreNotTheDefault()
    {
        // Tests never write the default store (.corridors/corridors.db under the working directory).
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");
        var defaultStore = Path.Combine(Directory.GetCurrentDirectory(), ".corridors", "corridors.db");
        var existedBefore = File.Exists(defaultStore);

        var (code, _, stderr) = CliRunner.RunWith(CliRunner.Environment() with { StorePath = store }, "compare", "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json");

        code.ShouldBe(0, stderr);
        File.Exists(store).ShouldBeTrue();
        File.Exists(defaultStore).ShouldBe(existedBefore);
    }

    [Fact]
    public void RunsExportAndDelete_BypassAndLeverageRuns_ExportWithResultsThenDeleteOne()
    {
        // Given two capacity runs in a fresh store
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");
        var (bypassCode, bypass, bypassErr) = CliRunner.Run("bypass", "--from-region", "CN", "--to-region", "EU", "--avoid", "RU", "--json", "--store", store);
        bypassCode.ShouldBe(0, bypassErr);
        CliRunner.Run("leverage", "--from-region", "CN", "--to-region", "EU", "--store", store).ExitCode.ShouldBe(0);

        // When they are exported to a file
        var file = Path.Combine(Path.GetTempPath(), "corridors-export-" + Guid.NewGuid().ToString("N") + ".json");
        var (exportCode, _, exportErr) = CliRunner.Run("runs", "export", "--output", file, "--store", store);
        exportCode.ShouldBe(0, exportErr);

        // Then the export holds both runs, newest first, each with its parameters, timing and the printed result
        using var export = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var runs = export.RootElement.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("run").GetProperty("command").GetString()).ShouldBe(["leverage", "bypass"]);
        var bypassRun = runs[1];
        bypassRun.GetProperty("run").GetProperty("arguments").GetString()!.ShouldContain("--avoid RU");
        bypassRun.GetProperty("run").GetProperty("status").GetString().ShouldBe("succeeded");
        bypassRun.GetProperty("run").GetProperty("durationMs").GetDouble().ShouldBeGreaterThan(0);
        bypassRun.GetProperty("run").GetProperty("year").GetInt32().ShouldBe(2026);
        System.Text.Json.JsonSerializer.Serialize(bypassRun.GetProperty("result")).ShouldBe(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(bypass).RootElement));
        File.Delete(file);

        // And deleting one leaves the other; deleting it again names the id
        var id = bypassRun.GetProperty("run").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        CliRunner.Run("runs", "delete", id, "--store", store).Stdout.Trim().ShouldBe($"Deleted run {id}.");
        var (again, _, againErr) = CliRunner.Run("runs", "delete", id, "--store", store);
        again.ShouldBe(1);
        againErr.ShouldContain($"error: <id>: There is no run {id} in {store}.");
        var (_, list, _) = CliRunner.Run("runs", "list", "--json", "--store", store);
        using var left = System.Text.Json.JsonDocument.Parse(list);
        left.RootElement.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem().GetProperty("command").GetString().ShouldBe("leverage");
    }

    [Fact]
    public void RunsExport_MissingIds_NamesEveryOne()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, stdout, stderr) = CliRunner.Run("runs", "export", "41", "42", "--store", store);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain($"error: <id>: There is no run 41 in {store}.");
        stderr.ShouldContain($"error: <id>: There is no run 42 in {store}.");
    }

    [Theory]
    [InlineData("oracle", "error: --store-provider: Unknown run store provider 'oracle'; use sqlite or postgresql.")]
    [InlineData("postgresql", "error: --store: The PostgreSQL run store needs a connection string (Host=...;Database=...;Username=...).")]
    public void StoreProvider_BadOrWithoutConnection_IsAUsageError(string provider, string message)
    {
        var (code, _, stderr) = CliRunner.RunWith(CliRunner.Environment() with { StorePath = null }, "runs", "list", "--store-provider", provider);

        code.ShouldBe(1);
        stderr.ShouldContain(message);
    }

    [Fact]
    public void StoreProvider_PostgresqlServerUnreachable_IsAStoreProblemWithoutThePassword()
    {
        var (code, _, stderr) = CliRunner.Run("runs", "list", "--store-provider", "postgresql", "--store", "Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=runs;Timeout=2");

        code.ShouldBe(1);
        stderr.ShouldContain("error: --store: The run store 'postgresql://127.0.0.1:1/runs' cannot be opened: the server cannot be reached (check Host and Port, and that it is running).");
        stderr.ShouldNotContain("secret");
    }

    [Fact]
    public void Compare_NoStore_WritesNoFile()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, _, stderr) = CliRunner.Run("compare", "--from", "Xian", "--to", "Duisburg", "--json", "--store", store, "--no-store");

        code.ShouldBe(0, stderr);
        File.Exists(store).ShouldBeFalse();
    }

    [Fact]
    public void RunsShow_UnknownId_IsAUsageError()
    {
        var store = Path.Combine(Path.GetTempPath(), "corridors-store-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, _, stderr) = CliRunner.Run("runs", "show", "12345", "--store", store);

        code.ShouldBe(1);
        stderr.ShouldContain("There is no run 12345");
    }
}

public sealed class RunsLimitTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public void RunsList_NonPositiveLimit_IsAUsageError(string limit)
    {
        var (code, stdout, stderr) = CliRunner.Run("runs", "list", "--limit", limit, "--no-store");

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error: --limit: The number of runs to list must be between 1 and 10000.");
    }
}

public sealed class CorridorNamingTests
{
    [Fact]
    public void Route_Year2030_ThroughArmenia_IsNamedZangezurTripp()
    {
        var (code, stdout, stderr) = CliRunner.Run("route", "--from", "Kashgar", "--to", "Istanbul", "--year", "2030", "--alternatives", "6", "--json", "--no-store");

        code.ShouldBe(0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var routes = json.RootElement.GetProperty("routes").EnumerateArray().ToList();
        var viaArmenia = routes.Where(r => r.GetProperty("corridor").GetString()!.StartsWith("Middle", StringComparison.Ordinal)
            && r.GetProperty("countries").EnumerateArray().Any(c => c.GetString() == "AM")).ToList();
        viaArmenia.ShouldNotBeEmpty("the planned TRIPP link should offer a route through Armenia in 2030");
        viaArmenia.ShouldAllBe(r => r.GetProperty("corridor").GetString()!.Contains("Zangezur/TRIPP"));
        routes.Where(r => r.GetProperty("corridor").GetString()!.Contains("BTK"))
            .ShouldAllBe(r => !r.GetProperty("countries").EnumerateArray().Any(c => c.GetString() == "AM"));
    }
}
