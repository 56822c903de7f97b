using System.Globalization;
using Corridors.Application.Services;
using Corridors.Rendering;

namespace Corridors.Cli.Commands;

/// <summary>The <c>caspian --plot</c> chart.</summary>
internal static class QueuePlot
{
    public static byte[] Render(CaspianAnswer answer, bool svg)
    {
        var d = answer.Document;
        var title = string.Create(CultureInfo.InvariantCulture, $"Caspian crossing {d.Year}: sea {d.SeaLevelM:0.00} m BS, demand {d.DemandTeu:N0} TEU/yr, seed {d.Seed}");
        return CrossingPlot.Render(answer.Result, [.. d.Ports.Select(p => p.Name)], title, svg);
    }
}
