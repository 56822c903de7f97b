using Corridors.Simulation;
using ScottPlot;

namespace Corridors.Rendering;

/// <summary>
/// The queue-and-wait chart of a Caspian crossing run: TEU waiting at each port through the year (left axis) and
/// the mean wait of the cargo that sailed in each sample interval (right axis, hours).
/// </summary>
public static class CrossingPlot
{
    /// <summary>Width, pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height, pixels.</summary>
    public const int Height = 560;

    /// <summary>Renders the chart as SVG text or PNG bytes.</summary>
    /// <param name="result">The run.</param>
    /// <param name="portNames">Port names, in the order of <see cref="CrossingResult.QueueTeuByPort"/>.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="svg">True for SVG, false for PNG.</param>
    public static byte[] Render(CrossingResult result, IReadOnlyList<string> portNames, string title, bool svg)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(portNames);
        using var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var days = result.SampleHours.Select(h => h / 24).ToArray();
        for (var p = 0; p < result.QueueTeuByPort.Count; p++)
        {
            var line = plot.Add.Scatter(days, result.QueueTeuByPort[p].ToArray());
            line.LegendText = $"{portNames[p]}: TEU waiting";
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
        }

        var waitDays = new List<double>();
        var waits = new List<double>();
        for (var i = 0; i < result.MeanWaitBySample.Count; i++)
        {
            if (!double.IsNaN(result.MeanWaitBySample[i]))
            {
                waitDays.Add(days[i]);
                waits.Add(result.MeanWaitBySample[i]);
            }
        }

        if (waits.Count > 0)
        {
            var wait = plot.Add.Scatter(waitDays.ToArray(), waits.ToArray());
            wait.Axes.YAxis = plot.Axes.Right;
            wait.LegendText = "Mean wait of cargo sailing (h, right axis)";
            wait.MarkerSize = 3;
            wait.LineWidth = 0;
            wait.Color = Colors.Black.WithAlpha(0.6);
        }

        plot.Title(title);
        plot.XLabel("Day of the year");
        plot.YLabel("TEU waiting at the port");
        plot.Axes.Right.Label.Text = "Hours";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(0.01, 0.05);
        if (svg)
        {
            return System.Text.Encoding.UTF8.GetBytes(SvgOutput.Of(plot, Width, Height));
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
