using Corridors.Data.Demand;
using Corridors.Diagnostics;

namespace Corridors.Tests.Tntp;

public sealed class DemandLoaderTests
{
    [Fact]
    public void Load_BundledFiles_EveryRowHasASourceAndPositiveTeu()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Data, "demand"), "*.csv"))
        {
            var rows = DemandLoader.Load(file);

            rows.ShouldNotBeEmpty(file);
            rows.ShouldAllBe(r => r.Teu > 0 && r.Source.Length > 0 && r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == Path.GetFileNameWithoutExtension(file));
        }
    }

    [Fact]
    public void Load_BadRows_ReportsEveryProblemAtItsCell()
    {
        var path = Path.Combine(Path.GetTempPath(), "corridors-demand-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "year,from_region,to_region,teu,source\n2024,CN,EU,12 TEU,x\n2024,CN,EU,5,\n");
        try
        {
            var error = Should.Throw<InputDataException>(() => DemandLoader.Load(path));

            error.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).ShouldBe([("CORR0115", 2, 12), ("CORR0111", 3, 14)]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
