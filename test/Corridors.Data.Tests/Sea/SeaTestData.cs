using Corridors.Data.Sea;
using Corridors.Sea;

namespace Corridors.Tests.Sea;

/// <summary>The bundled data directory and the sea data loaded from it once per test run.</summary>
internal static class SeaTestData
{
    private static readonly Lazy<SeaDataLoadResult> Loaded = new(() => SeaDataLoader.Load(FindData()));

    public static string DataDirectory => FindData();

    public static SeaGraph Graph => Loaded.Value.GetGraphOrThrow();

    public static IReadOnlyList<SeaPort> Ports => Loaded.Value.Ports;

    public static SeaPort Port(string locode) => Ports.Single(p => p.Id == locode);

    public static SeaRouteRequest Request(string from, string to)
    {
        var a = Port(from);
        var b = Port(to);
        return new SeaRouteRequest(a.Lon, a.Lat, b.Lon, b.Lat);
    }

    /// <summary>A request for a typical Asia–North Europe mainline ship (too large for the Panama Canal).</summary>
    public static SeaRouteRequest Mainline(string from, string to) => Request(from, to) with { VesselTeu = SeaRouteRequest.MainlineVesselTeu };

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "sea", SeaDataLoader.NetworkFile);
            if (File.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("The bundled data/sea folder was not found above the test binaries.");
    }
}
