using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Routing;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>--percentile</c> on <c>route</c> and <c>compare</c>: simulates each route with the reliability model
/// (docs/MODEL.md) and adds its transit-time percentiles to the output.
/// </summary>
internal sealed class RoutePercentile
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public Option<double?> Percentile { get; } = new("--percentile") { Description = "Also simulate each route by Monte Carlo and report this percentile of its door-to-door days (e.g. 90)." };

    public Option<int> Samples { get; } = new("--samples") { Description = "With --percentile: simulated trips per route.", DefaultValueFactory = _ => PercentileRequest.DefaultSamples };

    public Option<long> Seed { get; } = new("--seed") { Description = "With --percentile: random seed (recorded in the output).", DefaultValueFactory = _ => PercentileRequest.DefaultSeed };

    public void AddTo(Command command)
    {
        command.Options.Add(Percentile);
        command.Options.Add(Samples);
        command.Options.Add(Seed);
    }

    /// <summary>The percentile request, or null without <c>--percentile</c>.</summary>
    public PercentileRequest? ToRequest(ParseResult parse) =>
        parse.GetValue(Percentile) is { } p ? new PercentileRequest(p, parse.GetValue(Samples), parse.GetValue(Seed)) : null;

    public static void Render(IAnsiConsole console, IReadOnlyList<Route> routes, PercentileBlock simulated)
    {
        var p = simulated.Percentile;
        var results = simulated.Results;
        var table = new Table().AddColumns("#", "Corridor", "Days (routing)", "Mean", $"P{p.ToString("0.#", Inv)}", "P10–P95");
        for (var i = 0; i < routes.Count && i < results.Count; i++)
        {
            var r = results[i];
            table.AddRow((i + 1).ToString(Inv), Markup.Escape(routes[i].Corridor), routes[i].Totals.Days.ToString("0.0", Inv), r.MeanDays.ToString("0.0", Inv),
                r.QuantileDays(p / 100).ToString("0.0", Inv), $"{r.P10Days.ToString("0.0", Inv)}–{r.P95Days.ToString("0.0", Inv)}");
        }

        console.MarkupLine(Inv, $"Simulated transit time ({results[0].Samples:N0} trips per route, seed {results[0].Seed}; docs/MODEL.md):");
        console.Write(table);
    }
}
