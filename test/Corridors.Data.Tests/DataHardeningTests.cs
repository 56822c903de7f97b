using System.Text;
using Corridors.Data;
using Corridors.Data.Csv;
using Corridors.Data.Sea;
using Corridors.Diagnostics;

namespace Corridors.Tests;

/// <summary>
/// Regression tests of issue 10, data parts: the parameters.csv schema, <c>data validate</c> reading every file, line
/// endings, strict UTF-8, escaped diagnostics, unused distribution cells, empty list items, the sea-leg cache's
/// version and checksum.
/// </summary>
public sealed class DataHardeningTests
{
    private const string ParametersHeader = "key,value,unit,source\n";
    private const string Fixture = "\"assumption: test fixture, values are not used for results\"";

    private static NetworkLoadResult LoadWithParameters(string parameters)
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("parameters.csv", parameters);
        return NetworkLoader.Load(dir.Path);
    }

    private static string[] Lines(NetworkLoadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];

    // Found 5: parameters.csv had no required keys and no ranges.

    [Fact]
    public void Load_RequiredParameterMissing_IsCorr0124AtTheHeader()
    {
        var result = LoadWithParameters(ParametersHeader + $"ocean_speed_kn,16,kn,{Fixture}\n");

        result.ErrorCount.ShouldBe(1);
        Lines(result).ShouldHaveSingleItem().ShouldEndWith("parameters.csv(1,1): error CORR0124: Required parameter 'teu_cargo_tonnes' (cargo tonnes per loaded TEU (CO2e per tonne-km), in t) is missing. Hint: Add a row for it, e.g. after line 2.");
    }

    [Fact]
    public void Load_ParametersFileMissing_IsCorr0001()
    {
        using var dir = new TempDataDir().WithMinimalData();
        File.Delete(dir.File("parameters.csv"));

        var result = NetworkLoader.Load(dir.Path);

        Lines(result).ShouldContain(l => l.Contains("parameters.csv: error CORR0001: Required file 'parameters.csv' is missing.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ocean_speed_kn,0,kn", "(3,16): error CORR0104: Parameter 'ocean_speed_kn' (sailing speed of ocean legs) is 0; it must be at least 1 and at most 60 kn.")]
    [InlineData("teu_cargo_tonnes,-1,t", null)]
    [InlineData("ocean_vessel_teu,1700.5,TEU", "(3,18): error CORR0103: Parameter 'ocean_vessel_teu' is 1700.5, which is not a whole number.")]
    [InlineData("ocean_speed_kn,16,km/h", "(3,19): error CORR0126: Parameter 'ocean_speed_kn' has unit 'km/h'; its unit is kn. Hint: Write the value in kn and start the unit cell with 'kn'.")]
    [InlineData("ocean_speed_knots,16,kn", "(3,1): warning CORR0125: Unknown parameter 'ocean_speed_knots' is ignored. Hint: Did you mean 'ocean_speed_kn'?")]
    public void Load_ParameterOutOfSchema_IsLocated(string row, string? expected)
    {
        var rows = row.StartsWith("teu_cargo_tonnes", StringComparison.Ordinal)
            ? $"{row},{Fixture}\n"
            : $"teu_cargo_tonnes,10,t,{Fixture}\n{row},{Fixture}\n";

        var result = LoadWithParameters(ParametersHeader + rows);

        if (expected is null)
        {
            Lines(result).ShouldHaveSingleItem().ShouldEndWith("parameters.csv(2,18): error CORR0104: Parameter 'teu_cargo_tonnes' (cargo tonnes per loaded TEU (CO2e per tonne-km)) is -1; it must be above 0 and at most 40 t.");
        }
        else
        {
            Lines(result).ShouldHaveSingleItem().ShouldEndWith("parameters.csv" + expected);
        }
    }

    [Fact]
    public void Load_BundledParameters_MeetTheSchema()
    {
        var result = NetworkLoader.Load(RepoPaths.Data);

        result.Diagnostics.Where(d => d.File.EndsWith("parameters.csv", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    // Found 6: data validate read neither reliability.csv nor sea/.

    [Fact]
    public void Validate_BadReliabilityRow_IsReportedOnceAndFailsTheCheck()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("reliability.csv", "id,component,scope,targets,probability,dist,unit,mode,source\nr,dwell-tail,node,KZ-AKTAU,0.1,fixed,weeks,5,\"assumption: a reason long enough\"\n");

        var load = NetworkLoader.Load(dir.Path);
        var result = NetworkLoader.Validate(dir.Path);

        load.ErrorCount.ShouldBe(0);
        result.ErrorCount.ShouldBe(1);
        result.Definition.ShouldBeNull();
        result.Files.ShouldContain(f => f.EndsWith("reliability.csv", StringComparison.Ordinal));
        Lines(result).ShouldHaveSingleItem().ShouldContain("reliability.csv(2,38): error CORR0105:");
    }

    [Fact]
    public void Validate_GateNamingADeletedPassage_FailsTheCheck()
    {
        // Regression: deleting a passage that sea/gates.csv uses passed validate and broke route.
        using var dir = BundledCopy();

        var passages = File.ReadAllLines(dir.File("passages.csv"));
        File.WriteAllLines(dir.File("passages.csv"), passages.Where(l => !l.StartsWith("corinth,", StringComparison.Ordinal)));

        var result = NetworkLoader.Validate(dir.Path);

        var lines = Lines(result);
        lines.ShouldContain(l => l.Contains("gates.csv(", StringComparison.Ordinal) && l.Contains("error CORR0110: Gate 'corinth' names a passage that is not in passages.csv.", StringComparison.Ordinal));
        lines.Distinct().Count().ShouldBe(lines.Length, "every diagnostic once");
    }

    [Fact]
    public void Validate_BadCaspianCell_IsReportedAtItsFileLineAndColumn()
    {
        // data validate checks every file a command reads: the Caspian crossing tables too.
        using var dir = BundledCopy();

        var demand = Path.Combine(dir.Path, "caspian", "demand.csv");
        var rows = File.ReadAllLines(demand);
        var line = Array.FindIndex(rows, r => r.Length > 0 && char.IsDigit(r[0]));
        var cells = rows[line].Split(',');
        cells[1] = "abc";
        rows[line] = string.Join(',', cells);
        File.WriteAllLines(demand, rows);

        var result = NetworkLoader.Validate(dir.Path);

        result.ErrorCount.ShouldBe(1);
        Lines(result).ShouldContain(l => l.Contains($"demand.csv({line + 1},", StringComparison.Ordinal) && l.Contains("error CORR0103:", StringComparison.Ordinal));
    }

    /// <summary>A temporary copy of the whole bundled data folder, subfolders included.</summary>
    private static TempDataDir BundledCopy()
    {
        var dir = new TempDataDir();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir.Path, Path.GetRelativePath(RepoPaths.Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }

    // Found 7: line endings, encodings, control characters.

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Parse_AnyLineEnding_ReadsEveryRowAtItsLine(string eol)
    {
        var bag = new DiagnosticBag();
        var text = string.Join(eol, "# comment", "a,b", "1,2", string.Empty, "3,4") + eol;

        var records = CsvParser.Parse(text, "t.csv", bag);

        bag.Items.ShouldBeEmpty();
        records.Select(r => (r.Line, r.Fields[0].Value)).ShouldBe([(2, "a"), (3, "1"), (5, "3")]);
    }

    [Fact]
    public void Parse_RowStartingWithAStrayCr_IsNotDropped()
    {
        var bag = new DiagnosticBag();

        var records = CsvParser.Parse("a,b\n\r1,2\n3,4\n", "t.csv", bag);

        records.Select(r => r.Fields[0].Value).ShouldBe(["a", "1", "3"]);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x2C, 0xE9, 0x0A }, 1, 3, "byte 0xE9")] // Latin-1 é
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0xC0, 0xAF, 0x0A }, 2, 2, "byte 0xC0")] // overlong '/'
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0x63, 0x00, 0x0A }, 2, 3, "NUL byte")]
    [InlineData(new byte[] { 0x61, 0x0D, 0x0A, 0x62, 0x07, 0x0A }, 2, 2, "U+0007")]
    public void Decode_InvalidUtf8OrControlBytes_IsCorr0006AtLineAndColumn(byte[] bytes, int line, int column, string what)
    {
        var bag = new DiagnosticBag();

        var text = CsvText.Decode(bytes, "t.csv", bag);

        var d = bag.Items.ShouldHaveSingleItem();
        (d.Code, d.Line, d.Column).ShouldBe(("CORR0006", line, column));
        d.Message.ShouldContain(what);
        text.ShouldContain('\uFFFD');
    }

    [Fact]
    public void Decode_ByteOrderMarkAndAccents_AreFine()
    {
        var bag = new DiagnosticBag();

        var text = CsvText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id,name\nRO,Constanța\n")], "t.csv", bag);

        bag.Items.ShouldBeEmpty();
        text.ShouldBe("id,name\nRO,Constanța\n");
    }

    [Fact]
    public void Load_Latin1File_IsALocatedErrorNotGarbledNames()
    {
        using var dir = new TempDataDir().WithMinimalData();
        var nodes = File.ReadAllText(dir.File("nodes.csv")).Replace("Alat,Baku", "Älat,Baku", StringComparison.Ordinal);
        File.WriteAllBytes(dir.File("nodes.csv"), Encoding.Latin1.GetBytes(nodes));

        var result = NetworkLoader.Load(dir.Path);

        Lines(result).ShouldContain(l => l.Contains("nodes.csv(5,9): error CORR0006: The file is not valid UTF-8: byte 0xC4", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CellWithNewlineAndEscape_DiagnosticStaysOnOneLine()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("nodes.csv", MinimalData.Nodes.Replace("KZ-AKTAU,Aktau,,KZ,seaport,43.6,", "KZ-AKTAU,Aktau,,KZ,\"sea\nport\u001b[2J\",43.6,", StringComparison.Ordinal));

        var result = NetworkLoader.Load(dir.Path);

        var lines = Lines(result);
        lines.ShouldContain(l => l.Contains("nodes.csv(5,5): error CORR0006: The file has the control character U+001B;", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("nodes.csv(4,20): error CORR0105: Node 'KZ-AKTAU' has 'kind' = 'sea\\u000Aport", StringComparison.Ordinal));
        lines.ShouldAllBe(l => !l.Contains('\n') && !l.Contains('\u001b'));
    }

    [Fact]
    public void Load_HugeCell_IsCorr0007()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("nodes.csv", MinimalData.Nodes.Replace("KZ-AKTAU,Aktau,", "KZ-AKTAU,Aktau" + new string('x', 20_000) + ",", StringComparison.Ordinal));

        var result = NetworkLoader.Load(dir.Path);

        Lines(result).ShouldContain(l => l.Contains("nodes.csv(4,10): error CORR0007: The cell is 20,005 characters long; cells hold at most 10,000.", StringComparison.Ordinal));
    }

    // Found 10 (data parts): unused distribution cells, empty list items.

    [Theory]
    [InlineData("1e309", "error CORR0104: Reliability rule has 'p95' = '1e309', which is not a finite number.")]
    [InlineData("abc", "error CORR0103")]
    [InlineData("16", "warning CORR0128: 'p95' = 16 is ignored: A triangular distribution does not use it.")]
    public void ParseReliability_CellTheDistributionDoesNotUse_IsChecked(string p95, string expected)
    {
        var bag = new DiagnosticBag();
        const string header = "id,component,scope,targets,months,probability,dist,unit,min,mode,max,median,p95,mean,sd,effect,source,notes\n";

        NetworkLoader.ParseReliability(header + $"w,weather-closure,sea,caspian,11-3,0.15,triangular,d,0.5,2,5,,{p95},,,,\"assumption: test row for unused cells\",\n", "reliability.csv", bag);

        bag.Items.ShouldHaveSingleItem().ToString().ShouldContain("reliability.csv(2,63): " + expected);
    }

    [Theory]
    [InlineData("uniform,d,0,,0", "(2,30): error CORR0116: The parameters of the uniform distribution are missing or inconsistent. Hint: triangular: min ≤ mode ≤ max; uniform: min ≤ max; lognormal: 0 < median ≤ p95; normal: mean and sd; exponential: mean; fixed: mode.")]
    [InlineData("fixed,d,,0,", "(2,30): error CORR0104: A sailing-headway rule needs a headway with a positive mean. Hint: Give min and max hours between departures, max above 0.")]
    public void ParseReliability_HeadwayWithoutAPositiveMean_IsAnError(string distribution, string expected)
    {
        var bag = new DiagnosticBag();
        const string header = "id,component,scope,targets,dist,unit,min,mode,max,source\n";
        var cells = distribution.Split(',');
        var row = $"h,sailing-headway,mode,ferry,{cells[0]},{cells[1]},{cells[2]},{cells[3]},{cells[4]},\"assumption: a reason long enough\"\n";

        NetworkLoader.ParseReliability(header + row, "reliability.csv", bag);

        bag.Items.ShouldHaveSingleItem().ToString().ShouldBe("reliability.csv" + expected);
    }

    [Theory]
    [InlineData(";;")]
    [InlineData("KZ;;AZ")]
    [InlineData("KZ;AZ;")]
    public void Load_EmptyItemInAList_IsCorr0102(string countries)
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("legs.csv", MinimalData.Legs.Replace("ferry,420,,18,22,30,,KZ;AZ,", $"ferry,420,,18,22,30,,{countries},", StringComparison.Ordinal));

        var result = NetworkLoader.Load(dir.Path);

        Lines(result).ShouldContain(l => l.Contains($"legs.csv(4,") && l.Contains($"error CORR0102: 'countries' = '{countries}' has an empty item.", StringComparison.Ordinal));
    }

    // Found 8: an empty or truncated sea-leg cache was taken as valid and never repaired.

    public static TheoryData<string> BadCaches => ["empty", "truncated", "checksum", "version", "garbage"];

    [Theory]
    [MemberData(nameof(BadCaches))]
    public void WithSeaLaneDistances_BadCacheFile_IsReportedDiscardedAndRewritten(string damage)
    {
        var cache = Path.Combine(Path.GetTempPath(), "corridors-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var raw = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
            var routed = SeaDataLoader.WithSeaLaneDistances(raw, RepoPaths.Data, new DiagnosticBag(), cache);
            var file = Directory.GetFiles(cache, "sea-legs-*").ShouldHaveSingleItem();
            var good = File.ReadAllText(file);
            File.WriteAllText(file, damage switch
            {
                "empty" => string.Empty,
                "truncated" => good[..(good.Length / 2)],
                "checksum" => good.Replace("\tO-SHA-RTM-SUEZ\t", "\tO-SHA-RTM-SUEZ\t1", StringComparison.Ordinal),
                "version" => good.Replace("V\t2\n", "V\t1\n", StringComparison.Ordinal),
                _ => "L\tO-SHA-RTM-SUEZ\tnot-a-number\t\n",
            });

            var bag = new DiagnosticBag();
            var again = SeaDataLoader.WithSeaLaneDistances(raw, RepoPaths.Data, bag, cache);

            again.Legs.Select(l => (l.Id, l.DistanceKm)).ShouldBe(routed.Legs.Select(l => (l.Id, l.DistanceKm)));
            bag.HasErrors.ShouldBeFalse();
            var warning = bag.Items.Single(d => d.Code == "CORR0127");
            warning.File.ShouldBe(file);
            warning.Line.ShouldBeGreaterThan(0);
            warning.Message.ShouldStartWith("The sea-leg cache file cannot be used: ");
            warning.Message.ShouldEndWith("; it was discarded and the sea legs are routed again.");
            File.ReadAllText(file).ShouldBe(good, "the cache is rewritten");
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    // Sea-lane files: every problem located.

    [Fact]
    public void ReadNetwork_FeatureWithoutGeometry_IsLocatedAtTheFeature()
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-marnet-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n{ \"type\": \"Feature\", \"properties\": {} },\n  { \"type\": \"Feature\", \"geometry\": { \"type\": \"LineString\", \"coordinates\": [[0, 0], [500, 1]] } }\n]}\n");
        var bag = new DiagnosticBag();

        SeaDataLoader.ReadNetwork(path, new Corridors.Sea.SeaGraphBuilder(), bag);

        bag.Items.Select(d => (d.Line, d.Column, d.Message)).ShouldBe(
        [
            (4, 1, "Feature 1 has no geometry."),
            (5, 75, "Feature 2 has a position that is not [lon, lat] within -180..180, -90..90."),
        ]);
        File.Delete(path);
    }
}
