using Corridors.Data;
using Corridors.Diagnostics;

namespace Corridors.Tests;

/// <summary>
/// Each diagnostic class, provoked by one edit of the minimal valid data set, is reported with its code, file,
/// line and column. Expected columns are found by searching the edited line for a marker, independently of the
/// parser.
/// </summary>
public sealed class NetworkLoaderDiagnosticsTests
{
    public static TheoryData<string, string, string, string, int, string?> Cases => new()
    {
        // code, file, find, replace, expected line, column marker in the edited line (null = column 1)
        { "CORR0002", "legs.csv", "KZ;AZ,,operational,,\"Test, https://example.org, 2024\",", "KZ;AZ,,operational,,\"Test, https://example.org, 2024,", 4, "\"Test" },
        { "CORR0003", "nodes.csv", ",country,", ",cuntry,", 1, null },
        { "CORR0004", "nodes.csv", ",country,", ",cuntry,", 1, "cuntry" },
        { "CORR0005", "legs.csv", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-AKTAU,rail,3000,", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-AKTAU,rail,3000,extra,", 3, "END" },
        { "CORR0101", "nodes.csv", "AZ-ALAT,Alat,Baku,", "KZ-AKTAU,Alat,Baku,", 5, null },
        { "CORR0102", "nodes.csv", "KZ-AKTAU,Aktau,", "KZ-AKTAU,,", 4, ",," },
        { "CORR0103", "nodes.csv", "KZ-AKTAU,Aktau,,KZ,seaport,43.6,", "KZ-AKTAU,Aktau,,KZ,seaport,north,", 4, "north" },
        { "CORR0104", "nodes.csv", "KZ-AKTAU,Aktau,,KZ,seaport,43.6,", "KZ-AKTAU,Aktau,,KZ,seaport,95,", 4, "95," },
        { "CORR0105", "nodes.csv", "KZ-AKTAU,Aktau,,KZ,seaport,", "KZ-AKTAU,Aktau,,KZ,harbour,", 4, "harbour" },
        { "CORR0106", "nodes.csv", "KZ-AKTAU,Aktau,,KZ,", "KZ-AKTAU,Aktau,,XX,", 4, "XX" },
        { "CORR0107", "legs.csv", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-AKTAU,", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-ALA,", 3, "KZ-ALA" },
        { "CORR0108", "services.csv", "S-FERRY,F-AKTAU-ALAT,", "S-FERRY,F-AKTAU-BAKU,", 2, "F-AKTAU-BAKU" },
        { "CORR0109", "services.csv", ",V-AZ,", ",V-XX,", 2, "V-XX" },
        { "CORR0110", "legs.csv", "KZ;AZ,,operational", "KZ;AZ,suez,operational", 4, "suez" },
        { "CORR0111", "legs.csv", "1520,KZ,,operational,,\"Test, https://example.org, 2024\"", "1520,KZ,,operational,,\"TODO\"", 3, "\"TODO" },
        { "CORR0112", "legs.csv", "KZ-AKTAU,rail,3000,", "KZ-AKTAU,rail,100,", 3, "100," },
        { "CORR0113", "legs.csv", "KZ-AKTAU,rail,3000,", "KZ-AKTAU,rail,20000,", 3, "20000" },
        { "CORR0114", "nodes.csv", "AZ-ALAT,Alat,Baku,AZ,seaport,39.94,49.41,U,1520,caspian,10,20,30,transfer,operational,,\"Test, https://example.org, 2024\"\n", "AZ-ALAT,Alat,Baku,AZ,seaport,39.94,49.41,U,1520,caspian,10,20,30,transfer,operational,,\"Test, https://example.org, 2024\"\nAZ-LONELY,Lonely,,AZ,city,40.4,49.8,U,,,,,,,operational,,\"Test, https://example.org, 2024\"\n", 6, null },
        { "CORR0115", "legs.csv", "KZ-AKTAU,rail,3000,", "KZ-AKTAU,rail,3000 km,", 3, "3000 km" },
        { "CORR0116", "nodes.csv", "KZ,border,45.2522,82.4839,S,1520,,2,4,9,", "KZ,border,45.2522,82.4839,S,1520,,5,4,9,", 3, ",4,9," },
        { "CORR0117", "legs.csv", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-AKTAU,", "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-DOSTYK,", 3, "KZ-DOSTYK,rail" },
        { "CORR0118", "legs.csv", "3000,33.3,,,,1520,", "3000,33.3,,,,1435,", 3, "1435" },
        { "CORR0140", "service_levels.csv", "SL-DOSTYK-BLOCK,block-train,", "SL-DOSTYK-BLOCK,express,", 2, "express" },
        { "CORR0141", "service_levels.csv", ",50,,km/h,", ",50,,mph,", 3, "mph" },
        { "CORR0141", "service_levels.csv", "speed,R-DOSTYK-AKTAU,", "speed,T-DOSTYK,", 3, "T-DOSTYK" },
        { "CORR0108", "service_levels.csv", "hours,T-DOSTYK,", "hours,T-DOSTIK,", 2, "T-DOSTIK" },
        { "CORR0107", "service_levels.csv", "roll-dwell,KZ-AKTAU;", "roll-dwell,KZ-AKTAO;", 4, "KZ-AKTAO" },
        { "CORR0116", "service_levels.csv", "T-DOSTYK,2,3,4,", "T-DOSTYK,5,3,4,", 2, ",3,4," },
        { "CORR0116", "service_levels.csv", "km/h,2022,,", "km/h,2022,2021,", 3, "2021," },
        { "CORR0142", "service_levels.csv", "12,h,,,\"Test, https://example.org, 2024\"\n", "12,h,,,\"Test, https://example.org, 2024\"\nSL-ALAT-ROLL2,block-train,roll-dwell,AZ-ALAT,1,2,3,h,,,\"Test, https://example.org, 2024\"\n", 5, "AZ-ALAT,1" },
        { "CORR0143", "charges.csv", "CH-BORDER,per-load,200,,T-DOSTYK,", "CH-BORDER,per-load,200,,,", 2, ",," },
        { "CORR0108", "charges.csv", ",,T-DOSTYK,", ",,T-DOSTIK,", 2, "T-DOSTIK" },
        { "CORR0110", "charges.csv", ",volga-don,", ",volga-dom,", 3, "volga-dom" },
        { "CORR0105", "charges.csv", "CH-BORDER,per-load,", "CH-BORDER,per-wagon,", 2, "per-wagon" },
        { "CORR0105", "rate_factors.csv", ",rail,eastbound,", ",rail,northbound,", 2, "northbound" },
        { "CORR0106", "rate_factors.csv", "RF-EAST,KZ,", "RF-EAST,XX,", 2, "XX" },
        { "CORR0150", "place_names.csv", "KZ-AKTAU,KZSCO,", "KZ-AKTOU,KZSCO,", 2, "KZ-AKTOU" },
        { "CORR0151", "place_names.csv", "KZ-AKTAU,KZSCO,", "KZ-AKTAU,KZ-SCO,", 2, "KZ-SCO" },
        { "CORR0152", "place_names.csv", "KZ-AKTAU,KZSCO,", "KZ-AKTAU,AZSCO,", 2, "AZSCO" },
        { "CORR0153", "place_names.csv", "AZ-ALAT,Alyat,", "AZ-ALAT,Baku,", 3, "Baku" },
        { "CORR0154", "place_names.csv", "AZ-ALAT,Alyat,", "AZ-ALAT,Aktau,", 3, "Aktau" },
        { "CORR0105", "place_names.csv", ",exonym,", ",endonym,", 3, "endonym" },
        { "CORR0119", "legs.csv", "F-AKTAU-ALAT,KZ-AKTAU,AZ-ALAT,ferry,", "F-AKTAU-ALAT,KZ-AKTAU,AZ-ALAT,ocean,", 4, "ocean" },
    };

    [Fact]
    public void Load_MinimalData_HasNoDiagnostics()
    {
        using var dir = new TempDataDir().WithMinimalData();

        var result = NetworkLoader.Load(dir.Path);

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Definition.ShouldNotBeNull();
        result.Definition.Legs.Count.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_OneBadEdit_ReportsCodeAtFileLineAndColumn(string code, string file, string find, string replace, int line, string? marker)
    {
        using var dir = new TempDataDir().WithMinimalData();
        var original = File.ReadAllText(dir.File(file));
        original.ShouldContain(find);
        var edited = original.Replace(find, replace, StringComparison.Ordinal);
        dir.Write(file, edited);
        var editedLine = edited.Split('\n')[line - 1];
        var column = marker switch
        {
            null => 1,
            "END" => editedLine.Length + 1, // the first field beyond the header's count: here the empty last one
            _ => editedLine.IndexOf(marker, StringComparison.Ordinal) + 1,
        };
        if (marker is not null && marker.StartsWith(",", StringComparison.Ordinal))
        {
            column++; // the marker starts at the separator before the field
        }

        var result = NetworkLoader.Load(dir.Path);

        var match = result.Diagnostics.Where(d => d.Code == code).ToList();
        match.ShouldNotBeEmpty($"expected {code}; got:\n{string.Join("\n", result.Diagnostics)}");
        var d = match[0];
        Path.GetFileName(d.File).ShouldBe(file);
        d.Line.ShouldBe(line, d.ToString());
        d.Column.ShouldBe(column, d.ToString());
        d.ToString().ShouldStartWith($"{d.File}({line},{column}): {(d.IsError ? "error" : "warning")} {code}: ");
        if (d.IsError)
        {
            result.Definition.ShouldBeNull();
            Should.Throw<InputDataException>(result.GetDefinitionOrThrow).Diagnostics.ShouldContain(d);
        }
    }

    [Fact]
    public void Load_RateFactorForBothDirectionsAndEveryCountry_ScalingTheFixedPart_IsRead()
    {
        // A market index by year (the WCI on ocean legs): no countries = every country, both directions, and
        // part = fixed leaves the per-km part (fuel) alone.
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("rate_factors.csv", "id,countries,modes,direction,factor,part,from_year,to_year,source\n"
            + "RF-EAST,KZ,rail,eastbound,0.9,,,,\"Test, https://example.org, 2024\"\n"
            + "RF-INDEX,,ferry,both,1.5,fixed,2023,2023,\"Test, https://example.org, 2024\"\n");

        var result = NetworkLoader.Load(dir.Path);

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var index = result.Definition!.RateFactors.Single(r => r.Id == "RF-INDEX");
        index.Countries.ShouldBeEmpty();
        index.Eastbound.ShouldBeNull();
        index.FixedPartOnly.ShouldBeTrue();
        var ferry = result.Definition.Legs.Single(l => l.Mode == Network.TransportMode.Ferry);
        index.AppliesTo(ferry, eastbound: true, 2023).ShouldBeTrue();
        index.AppliesTo(ferry, eastbound: false, 2023).ShouldBeTrue();
        index.AppliesTo(ferry, eastbound: false, 2024).ShouldBeFalse();
        result.Definition.RateFactors.Single(r => r.Id == "RF-EAST").FixedPartOnly.ShouldBeFalse();
    }

    [Fact]
    public void Load_RateFactorWithAnUnknownPart_ReportsCorr0105()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("rate_factors.csv", "id,countries,modes,direction,factor,part,source\n"
            + "RF-EAST,KZ,rail,eastbound,0.9,per-km,\"Test, https://example.org, 2024\"\n");

        var result = NetworkLoader.Load(dir.Path);

        var d = result.Diagnostics.Single(x => x.Code == "CORR0105");
        d.Line.ShouldBe(2);
        d.Message.ShouldContain("per-km");
        d.Message.ShouldContain("all, fixed");
    }

    [Fact]
    public void Load_FerryWithoutService_WarnsCorr0123AtTheLeg()
    {
        using var dir = new TempDataDir().WithMinimalData();
        var services = File.ReadAllText(dir.File("services.csv"));
        dir.Write("services.csv", services[..(services.IndexOf('\n', StringComparison.Ordinal) + 1)]); // header only

        var result = NetworkLoader.Load(dir.Path);

        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.ToString().ShouldEndWith("legs.csv(4,1): warning CORR0123: Ferry leg 'F-AKTAU-ALAT' has no service in 2020–2035, so waiting for a sailing is unknown there. Hint: Add the service (services.csv) with its departures per week, or limit the leg's years.");
        result.Definition.ShouldNotBeNull(); // a warning does not fail the load
    }

    [Fact]
    public void Load_MissingFile_ReportsCorr0001()
    {
        using var dir = new TempDataDir().WithMinimalData();
        File.Delete(dir.File("nodes.csv"));

        var result = NetworkLoader.Load(dir.Path);

        var d = result.Diagnostics.First(x => x.Code == "CORR0001");
        d.Message.ShouldBe("Required file 'nodes.csv' is missing.");
        result.ErrorCount.ShouldBeGreaterThan(1); // every leg then references an unknown node: all are reported
    }

    [Fact]
    public void Load_UnknownNode_MessageMatchesTheIssueFormat()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("legs.csv", MinimalData.Legs.Replace("KZ-DOSTYK,KZ-AKTAU,rail", "KZ-DOSTYK,KZ-ALA,rail", StringComparison.Ordinal));

        var result = NetworkLoader.Load(dir.Path);

        var d = result.Diagnostics.First(x => x.Code == "CORR0107");
        d.Message.ShouldBe("Leg 'R-DOSTYK-AKTAU' references unknown node 'KZ-ALA'.");
        d.Hint.ShouldBe("Did you mean 'AZ-ALAT'? Check nodes*.csv.");
    }

    [Fact]
    public void Load_ManyProblems_ReportsAllOfThemNotOnlyTheFirst()
    {
        using var dir = new TempDataDir().WithMinimalData();
        dir.Write("legs.csv", MinimalData.Legs
            .Replace("KZ-AKTAU,rail,3000", "KZ-AKTAU,rail,3000 km", StringComparison.Ordinal)
            .Replace("AZ-ALAT,ferry", "AZ-NOWHERE,ferry", StringComparison.Ordinal));
        dir.Write("nodes.csv", MinimalData.Nodes.Replace("45.17,82.57", "145.17,82.57", StringComparison.Ordinal));

        var result = NetworkLoader.Load(dir.Path);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["CORR0104", "CORR0115", "CORR0107", "CORR0114"], ignoreOrder: true);
    }

    /// <summary>
    /// The minimal data plus two open-sea ports joined to Alashankou by rail and to each other by an ocean leg, with
    /// the mainline draft 14.5 m; <paramref name="shallowDepth"/> is the depth_m cell of the second port.
    /// </summary>
    private static TempDataDir WithOceanLeg(string shallowDepth)
    {
        var dir = new TempDataDir().WithMinimalData();
        dir.Write("parameters.csv", File.ReadAllText(dir.File("parameters.csv")) + "mainline_draft_m,14.5,m,\"Test, https://example.org, 2024\"\n");
        dir.Write("emission_factors.csv", File.ReadAllText(dir.File("emission_factors.csv")) + "EF-OCEAN,ocean,container,true,12,TTW,CO2e,\"Test, https://example.org, 2023\"\n");
        dir.Write("nodes.ocean.csv", "id,name,aliases,country,kind,lat,lon,coord_quality,gauges_mm,sea,depth_m,status,source\n"
            + "CN-DEEP,Deep,,CN,seaport,31,122,U,1435,ocean,16,operational,\"Test, https://example.org, 2024\"\n"
            + $"CN-SHALLOW,Shallow,,CN,seaport,30,122,U,1435,ocean,{shallowDepth},operational,\"Test, https://example.org, 2024\"\n");
        dir.Write("legs.ocean.csv", "id,from,to,mode,distance_km,speed_kmh,gauge_mm,countries,status,source\n"
            + "R-ALASHANKOU-DEEP,CN-ALASHANKOU,CN-DEEP,rail,4000,33,1435,CN,operational,\"Test, https://example.org, 2024\"\n"
            + "O-DEEP-SHALLOW,CN-DEEP,CN-SHALLOW,ocean,150,30,,CN,operational,\"Test, https://example.org, 2024\"\n");
        return dir;
    }

    /// <summary>
    /// A shallow port is CORR0129 at the leg's end (the load fails); one without a depth is warning CORR0130 at the
    /// port's depth cell (the load goes on); the 16-m port passes either way.
    /// </summary>
    [Theory]
    [InlineData("12", "legs.ocean.csv(3,24): error CORR0129: Ocean leg 'O-DEEP-SHALLOW' calls at 'CN-SHALLOW', 12 m deep, but the mainline ship needs 14.5 m (parameter mainline_draft_m). Hint: Serve the port by a feeder leg from a hub port, or check its depth_m.")]
    [InlineData("", "nodes.ocean.csv(3,52): warning CORR0130: Seaport 'CN-SHALLOW' has ocean legs but no depth_m, so whether the mainline ship (14.5 m draft) can call there is not checked. Hint: Add the depth at its container berths or access channel, with its source.")]
    public void Load_OceanLegAtAShallowPortOrOneWithoutADepth_ReportsItAtTheCell(string depth, string expected)
    {
        using var dir = WithOceanLeg(depth);

        var result = NetworkLoader.Load(dir.Path);

        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.ToString().ShouldEndWith(expected);
        (result.Definition is null).ShouldBe(d.IsError);
    }

    [Fact]
    public void Load_OceanLegWithoutTheMainlineDraftParameter_IsNotChecked()
    {
        using var dir = WithOceanLeg("12");
        dir.Write("parameters.csv", File.ReadAllText(dir.File("parameters.csv")).Replace("mainline_draft_m,14.5,m,\"Test, https://example.org, 2024\"\n", string.Empty, StringComparison.Ordinal));

        NetworkLoader.Load(dir.Path).Diagnostics.ShouldBeEmpty();
    }
}
