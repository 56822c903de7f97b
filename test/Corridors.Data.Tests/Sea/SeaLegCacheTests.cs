using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Diagnostics;

namespace Corridors.Tests.Sea;

public sealed class SeaLegCacheTests
{
    [Fact]
    public void WithSeaLaneDistances_SecondLoad_ReadsTheCacheAndGivesTheSameLegsAndWarnings()
    {
        var cache = Path.Combine(Path.GetTempPath(), "corridors-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var raw = NetworkLoader.Load(SeaTestData.DataDirectory).GetDefinitionOrThrow();
            var first = new DiagnosticBag();
            var routed = SeaDataLoader.WithSeaLaneDistances(raw, SeaTestData.DataDirectory, first, cache);
            var file = Directory.GetFiles(cache, "sea-legs-*").ShouldHaveSingleItem();

            var second = new DiagnosticBag();
            var cached = SeaDataLoader.WithSeaLaneDistances(raw, SeaTestData.DataDirectory, second, cache);

            cached.Legs.Select(l => (l.Id, l.DistanceKm, l.Hours)).ShouldBe(routed.Legs.Select(l => (l.Id, l.DistanceKm, l.Hours)));
            second.Items.Select(d => d.ToString()).ShouldBe(first.Items.Select(d => d.ToString()));

            // A damaged cache file is ignored (routed again), never an error.
            File.WriteAllText(file, "L\tO-SHA-RTM-SUEZ\tnot-a-number\t\n");
            var third = new DiagnosticBag();
            SeaDataLoader.WithSeaLaneDistances(raw, SeaTestData.DataDirectory, third, cache).LegById["O-SHA-RTM-SUEZ"].DistanceKm
                .ShouldBe(routed.LegById["O-SHA-RTM-SUEZ"].DistanceKm);
            third.HasErrors.ShouldBeFalse();
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }
}
