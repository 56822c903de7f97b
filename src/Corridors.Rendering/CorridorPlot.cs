using ScottPlot;

namespace Corridors.Rendering;

/// <summary>One corridor of a comparison chart.</summary>
/// <param name="Name">Corridor name (the axis label).</param>
/// <param name="Days">Door-to-door days.</param>
/// <param name="Usd">Cost, USD.</param>
/// <param name="P10Days">Simulated 10th percentile of days, when simulated.</param>
/// <param name="P90Days">Simulated 90th percentile of days, when simulated.</param>
public sealed record CorridorBar(string Name, double Days, double Usd, double? P10Days = null, double? P90Days = null);

/// <summary>One corridor's simulated distribution for a reliability chart.</summary>
/// <param name="Name">Corridor name (the legend).</param>
/// <param name="Bins">Histogram bars: from and to days, trips.</param>
public sealed record DistributionSeries(string Name, IReadOnlyList<(double FromDays, double ToDays, int Count)> Bins);

/// <summary>
/// Charts of <c>compare --plot</c> (days and USD per corridor side by side, P10–P90 whiskers on days where simulated)
/// and <c>reliability --plot</c> (the transit-time distributions and the deadline).
/// </summary>
public static class CorridorPlot
{
    /// <summary>Width, pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height, pixels.</summary>
    public const int Height = 560;

    /// <summary>Days (left axis) and USD (right axis) per corridor, as SVG text or PNG bytes.</summary>
    public static byte[] Compare(IReadOnlyList<CorridorBar> bars, string title, bool svg)
    {
        ArgumentNullException.ThrowIfNull(bars);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var daysColor = Colors.SteelBlue;
        var usdColor = Colors.DarkOrange;
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var days = plot.Add.Bar(i - 0.2, b.Days);
            days.Color = daysColor;
            days.Bars[0].Size = 0.38;
            var usd = plot.Add.Bar(i + 0.2, b.Usd);
            usd.Color = usdColor;
            usd.Bars[0].Size = 0.38;
            usd.Axes.YAxis = plot.Axes.Right;
            if (b.P10Days is { } p10 && b.P90Days is { } p90)
            {
                var whisker = plot.Add.Line(i - 0.2, p10, i - 0.2, p90);
                whisker.Color = Colors.Black;
                whisker.LineWidth = 2;
                foreach (var y in new[] { p10, p90 })
                {
                    var cap = plot.Add.Line(i - 0.3, y, i - 0.1, y);
                    cap.Color = Colors.Black;
                    cap.LineWidth = 2;
                }
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. bars.Select(b => Wrap(b.Name))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "Days door to door" + (bars.Any(b => b.P10Days is not null) ? " (whiskers: simulated P10–P90)" : string.Empty);
        plot.Axes.Left.Label.ForeColor = daysColor;
        plot.Axes.Right.Label.Text = "USD per consignment";
        plot.Axes.Right.Label.ForeColor = usdColor;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.Layout.Fixed(new PixelPadding(80, 80, 110, 50));
        return Save(plot, svg);
    }

    /// <summary>The simulated distributions as step lines, with the deadline as a vertical line.</summary>
    public static byte[] Reliability(IReadOnlyList<DistributionSeries> series, double? deadlineDays, string title, bool svg)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        foreach (var s in series)
        {
            if (s.Bins.Count == 0)
            {
                continue;
            }

            var total = Math.Max(1, s.Bins.Sum(b => b.Count));
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var (from, to, count) in s.Bins)
            {
                var share = 100.0 * count / total / Math.Max(1e-9, to - from);
                xs.Add(from);
                ys.Add(share);
                xs.Add(to);
                ys.Add(share);
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = s.Name;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }

        if (deadlineDays is { } d)
        {
            var deadline = plot.Add.VerticalLine(d);
            deadline.Color = Colors.Red;
            deadline.LineWidth = 2;
            deadline.LinePattern = LinePattern.Dashed;
            deadline.LegendText = "Deadline";
        }

        plot.Title(title);
        plot.XLabel("Days door to door (simulated trips)");
        plot.YLabel("% of trips per day");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(0.02, 0.05);
        return Save(plot, svg);
    }

    private static string Wrap(string name)
    {
        // Axis labels break at the opening parenthesis and after commas: "Middle\n(Caspian ferry,\nBTK/Türkiye)".
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        var wrapped = paren < 0 ? name : name[..paren] + "\n" + name[(paren + 1)..];
        return wrapped.Replace(", ", ",\n", StringComparison.Ordinal);
    }

    private static byte[] Save(Plot plot, bool svg) =>
        svg ? System.Text.Encoding.UTF8.GetBytes(SvgOutput.Of(plot, Width, Height)) : plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
