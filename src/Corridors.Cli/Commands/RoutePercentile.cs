using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corridors.Reliability;
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

    public Option<int> Samples { get; } = new("--samples") { Description = "With --percentile: simulated trips per route.", DefaultValueFactory = _ => 20_000 };

    public Option<long> Seed { get; } = new("--seed") { Description = "With --percentile: random seed (recorded in the output).", DefaultValueFactory = _ => 42 };

    public void AddTo(Command command)
    {
        command.Options.Add(Percentile);
        command.Options.Add(Samples);
        command.Options.Add(Seed);
    }

    /// <summary>Simulated results per route, or null without <c>--percentile</c>.</summary>
    public IReadOnlyList<ReliabilityResult>? Simulate(CliContext context, ParseResult parse, string? dataDirectory, CorridorRouter router, IReadOnlyList<Route> routes)
    {
        if (parse.GetValue(Percentile) is not { } p)
        {
            return null;
        }

        if (p is < 1 or > 99 || !double.IsFinite(p))
        {
            throw new CliUsageException("--percentile must be between 1 and 99.");
        }

        var samples = parse.GetValue(Samples);
        if (samples is < 1 or > MonteCarloOptions.MaxSamples)
        {
            throw new CliUsageException($"--samples must be between 1 and {MonteCarloOptions.MaxSamples.ToString("N0", Inv)}.");
        }

        var model = ReliabilityCommand.LoadModel(context, dataDirectory, router.Network.Definition);
        var engine = new MonteCarloEngine();
        var options = new MonteCarloOptions { Samples = samples, Seed = parse.GetValue(Seed) };
        return [.. routes.Select(r => ReliabilityCommand.Simulate(engine, model, router.Network, r, options, null, CancellationToken.None).Result)];
    }

    /// <summary>Adds a <c>reliability</c> object to each route of the route/compare JSON document.</summary>
    public JsonNode AddToJson(object document, ParseResult parse, IReadOnlyList<ReliabilityResult> results)
    {
        var node = JsonSerializer.SerializeToNode(document, JsonOutput.Options)!;
        var routes = node["routes"]!.AsArray();
        var p = parse.GetValue(Percentile)!.Value;
        for (var i = 0; i < routes.Count && i < results.Count; i++)
        {
            var r = results[i];
            routes[i]!["reliability"] = new JsonObject
            {
                ["percentile"] = p,
                ["percentileDays"] = JsonOutput.Round(r.QuantileDays(p / 100), 3),
                ["meanDays"] = JsonOutput.Round(r.MeanDays, 3),
                ["p10Days"] = JsonOutput.Round(r.P10Days, 3),
                ["p50Days"] = JsonOutput.Round(r.P50Days, 3),
                ["p90Days"] = JsonOutput.Round(r.P90Days, 3),
                ["p95Days"] = JsonOutput.Round(r.P95Days, 3),
                ["samples"] = r.Samples,
                ["seed"] = r.Seed,
            };
        }

        return node;
    }

    public void Render(IAnsiConsole console, ParseResult parse, IReadOnlyList<Route> routes, IReadOnlyList<ReliabilityResult> results)
    {
        var p = parse.GetValue(Percentile)!.Value;
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
