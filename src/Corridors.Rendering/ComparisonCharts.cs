using ScottPlot;

namespace Corridors.Rendering;

/// <summary>One named series of values, one per category or x value.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">Values; NaN = missing.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// SVG charts for scenario comparisons and sweeps (grouped bars, lines), as self-contained SVG text that an HTML
/// report inlines: no script, no external font or file.
/// </summary>
public static class ComparisonCharts
{
    /// <summary>Width, pixels.</summary>
    public const int Width = 900;

    /// <summary>Height, pixels.</summary>
    public const int Height = 420;

    /// <summary>Grouped bars: one group per category, one bar per series.</summary>
    public static string Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var palette = new ScottPlot.Palettes.Category10();
        var width = 0.8 / Math.Max(1, series.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var c = 0; c < categories.Count; c++)
            {
                var v = series[s].Values[c];
                if (double.IsFinite(v))
                {
                    bars.Add(new Bar { Position = c - 0.4 + (width * (s + 0.5)), Value = v, Size = width * 0.95, FillColor = palette.GetColor(s) });
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Name;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0, top: 0.35); // room for the legend above the bars
        plot.ShowLegend(Alignment.UpperRight);
        return SvgOutput.Of(plot, Width, Height);
    }

    /// <summary>Lines over a numeric x axis, one per series.</summary>
    public static string Lines(string title, string xLabel, IReadOnlyList<double> x, IReadOnlyList<ChartSeries> series, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        foreach (var s in series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < x.Count; i++)
            {
                if (double.IsFinite(s.Values[i]))
                {
                    xs.Add(x[i]);
                    ys.Add(s.Values[i]);
                }
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = s.Name;
            line.MarkerSize = 5;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return SvgOutput.Of(plot, Width, Height);
    }
}
