using System.Text.RegularExpressions;
using ScottPlot;

namespace Corridors.Rendering;

/// <summary>
/// A plot as SVG text that depends on the plot only. Skia's SVG canvas numbers clip paths (<c>cl_4</c>, <c>cl_5</c>...)
/// from a counter that lives as long as the process, so the second chart a server or test host draws differs from the
/// first in its ids; here they are renumbered from 1 in order of appearance, and the same plot gives the same bytes.
/// </summary>
internal static partial class SvgOutput
{
    /// <summary>The plot as SVG, its clip-path ids renumbered.</summary>
    public static string Of(Plot plot, int width, int height)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(plot.GetSvgXml(width, height), m =>
        {
            if (!ids.TryGetValue(m.Value, out var renumbered))
            {
                renumbered = "cl_" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(m.Value, renumbered);
            }

            return renumbered;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
