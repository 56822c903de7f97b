namespace Corridors.Tests;

/// <summary>Temporary data directories for loader tests, and the repository's bundled data.</summary>
internal sealed class TempDataDir : IDisposable
{
    public TempDataDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corridors-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text);

    /// <summary>Writes the minimal valid data set (<see cref="MinimalData"/>).</summary>
    public TempDataDir WithMinimalData()
    {
        foreach (var (name, text) in MinimalData.Files)
        {
            Write(name, text);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Corridors.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (Corridors.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Data => Path.Combine(Root, "data");
}

/// <summary>
/// A tiny valid network: Alashankou (CN, 1435) —transfer— Dostyk (KZ, 1520) —rail— Aktau (Caspian) —ferry— Alat (AZ).
/// Line numbers matter: tests mutate a known line and assert the diagnostic's position.
/// </summary>
internal static class MinimalData
{
    public const string Countries =
        "id,name,memberships,sanctioned,closed,risk_weight,source\n" +
        "CN,China,SCO,false,false,1,\"assumption: test fixture, values are not used for results\"\n" +
        "KZ,Kazakhstan,EAEU;SCO;OTS,false,false,1,\"assumption: test fixture, values are not used for results\"\n" +
        "AZ,Azerbaijan,OTS,false,false,1,\"assumption: test fixture, values are not used for results\"\n";

    public const string Passages =
        "id,name,kind,countries,lat,lon,source\n" +
        "volga-don,Volga-Don Canal,inland-waterway,,48.5,44.0,\"assumption: test fixture, values are not used for results\"\n";

    public const string Nodes =
        "id,name,aliases,country,kind,lat,lon,coord_quality,gauges_mm,sea,dwell_min_h,dwell_mode_h,dwell_max_h,dwell_when,status,open_year,source\n" +
        "CN-ALASHANKOU,Alashankou,,CN,border,45.17,82.57,U,1435,,,,,,operational,,\"Test, https://example.org, 2024\"\n" +
        "KZ-DOSTYK,Dostyk,Druzhba,KZ,border,45.2522,82.4839,S,1520,,2,4,9,always,operational,,\"Test, https://example.org, 2024\"\n" +
        "KZ-AKTAU,Aktau,,KZ,seaport,43.6,51.2,U,1520,caspian,10,20,30,transfer,operational,,\"Test, https://example.org, 2024\"\n" +
        "AZ-ALAT,Alat,Baku,AZ,seaport,39.94,49.41,U,1520,caspian,10,20,30,transfer,operational,,\"Test, https://example.org, 2024\"\n";

    public const string Legs =
        "id,from,to,mode,distance_km,speed_kmh,hours_min,hours_mode,hours_max,gauge_mm,countries,passages,status,open_year,source,notes\n" +
        "T-DOSTYK,CN-ALASHANKOU,KZ-DOSTYK,transfer,0,,3,4.25,9,,CN;KZ,,operational,,\"Test, https://example.org, 2024\",\n" +
        "R-DOSTYK-AKTAU,KZ-DOSTYK,KZ-AKTAU,rail,3000,33.3,,,,1520,KZ,,operational,,\"Test, https://example.org, 2024\",\n" +
        "F-AKTAU-ALAT,KZ-AKTAU,AZ-ALAT,ferry,420,,18,22,30,,KZ;AZ,,operational,,\"Test, https://example.org, 2024\",\n";

    public const string Vessels =
        "id,name,class,operator,length_m,beam_m,dwt_t,speed_kn,wagons,source\n" +
        "V-AZ,Azerbaijan,ro-pax,ASCO,154.5,17.7,5740,14,56,\"Test, https://example.org, 2022\"\n";

    public const string Services =
        "id,leg,name,kind,departures_per_week,departure_days,capacity_wagons_per_departure,vessels,source\n" +
        "S-FERRY,F-AKTAU-ALAT,Aktau-Alat ferry,sail-when-full,2,,56,V-AZ,\"Test, https://example.org, 2022\"\n";

    public const string Factors =
        "id,mode,applies_to,default,g_co2e_per_tkm,basis,gas,source\n" +
        "EF-RAIL,rail,diesel,true,25,TTW,CO2e,\"Test, https://example.org, 2023\"\n" +
        "EF-FERRY,ferry,ro-pax,true,173,TTW,CO2e,\"Test, https://example.org, 2023\"\n";

    public static readonly IReadOnlyList<(string Name, string Text)> Files =
    [
        ("countries.csv", Countries),
        ("passages.csv", Passages),
        ("nodes.csv", Nodes),
        ("legs.csv", Legs),
        ("vessels.csv", Vessels),
        ("services.csv", Services),
        ("emission_factors.csv", Factors),
    ];
}
