using System.Globalization;
using Corridors.Application.Services;
using Corridors.Rendering;

namespace Corridors.Cli.Commands;

/// <summary>Writes the <c>caspian --plot</c> chart.</summary>
internal static class QueuePlot
{
    public static void Write(Stream stream, CaspianAnswer answer, bool svg)
    {
        var d = answer.Document;
        var title = string.Create(CultureInfo.InvariantCulture, $"Caspian crossing {d.Year}: sea {d.SeaLevelM:0.00} m BS, demand {d.DemandTeu:N0} TEU/yr, seed {d.Seed}");
        var bytes = CrossingPlot.Render(answer.Result, [.. d.Ports.Select(p => p.Name)], title, svg);
        stream.Write(bytes);
    }
}
