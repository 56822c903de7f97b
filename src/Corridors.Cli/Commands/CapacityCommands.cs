using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors bypass --from-region CN --to-region EU --avoid RU [--year Y] [--with-sea] [--json]</c> and
/// <c>corridors leverage --from-region CN --to-region EU [--avoid ..] [--year Y] [--with-sea] [--json]</c>.
/// </summary>
internal static class CapacityCommands
{
    public static Command CreateBypass(CliContext context, GlobalOptions globals)
    {
        var o = new RegionOptions();
        var command = new Command("bypass", "Maximum TEU per year from one region to another with countries avoided, and the minimum cut that caps it (overland unless --with-sea).");
        o.AddTo(command);
        o.RegisterCheck(context, command);
        command.SetAction(parse =>
        {
            var outcome = new CapacityService(context.Workspace).Bypass(
                new BypassRequest(parse.GetValue(o.From), parse.GetValue(o.To), OptionValues.Split(parse.GetValue(o.Avoid)), parse.GetValue(o.Year), parse.GetValue(o.WithSea)));
            return Finish(context, parse, command.Name, outcome, parse.GetValue(o.Json), Render);
        });
        return command;
    }

    public static Command CreateLeverage(CliContext context, GlobalOptions globals)
    {
        var o = new RegionOptions();
        var command = new Command("leverage", "For each transit country, the share of a region pair's maximum flow lost when it closes.");
        o.AddTo(command);
        o.RegisterCheck(context, command);
        command.SetAction(parse =>
        {
            var outcome = new CapacityService(context.Workspace).Leverage(
                new LeverageRequest(parse.GetValue(o.From), parse.GetValue(o.To), parse.GetValue(o.Year), parse.GetValue(o.WithSea), OptionValues.Split(parse.GetValue(o.Avoid))));
            return Finish(context, parse, command.Name, outcome, parse.GetValue(o.Json), Render);
        });
        return command;
    }

    public static Command CreateInvest(CliContext context, GlobalOptions globals)
    {
        var o = new RegionOptions();
        var horizon = new Option<int?>("--horizon") { Description = $"Rank the projects opening after --year up to this year (default {CommonOptions.MaxYear})." };
        var command = new Command("invest", "Rank the planned projects (dated legs and nodes) by the bypass capacity each adds on its own.");
        o.AddTo(command);
        command.Options.Add(horizon);
        o.RegisterCheck(context, command);
        command.SetAction(parse =>
        {
            var outcome = new CapacityService(context.Workspace).Invest(new InvestmentRequest(
                parse.GetValue(o.From), parse.GetValue(o.To), OptionValues.Split(parse.GetValue(o.Avoid)), parse.GetValue(o.Year), parse.GetValue(horizon), parse.GetValue(o.WithSea)));
            return Finish(context, parse, command.Name, outcome, parse.GetValue(o.Json), Render);
        });
        return command;
    }

    private static void Render(IAnsiConsole console, InvestmentDocument d)
    {
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(d.FromRegion)} → {Markup.Escape(d.ToRegion)}[/]{(d.Avoided.Count > 0 ? Markup.Escape(" avoiding " + string.Join(", ", d.Avoided)) : "")}: {Teu(d.BaseMaxFlowTeu)} TEU/year with the {d.Year} elements (on the {d.Horizon} network)");
        console.MarkupLine(CultureInfo.InvariantCulture, $"With every project built by {d.Horizon}: {Teu(d.HorizonMaxFlowTeu)} TEU/year.");
        var table = new Table().AddColumns("Project", "Kind", "Status", "Opens", "Adds on its own (TEU/yr)", "Lost without it at the horizon (TEU/yr)");
        foreach (var p in d.Projects)
        {
            table.AddRow(Markup.Escape(p.Id), p.Kind, p.Status, p.OpenYear?.ToString(CultureInfo.InvariantCulture) ?? "?", Teu(p.AddedTeu), Teu(p.HorizonLossTeu));
        }

        console.Write(table);
    }

    /// <summary>
    /// Stores a valid outcome in the run store and prints it as JSON (the stored bytes) or a table, or prints its
    /// problems; returns the exit code.
    /// </summary>
    internal static int Finish<T>(CliContext context, ParseResult parse, string name, Outcome<T> outcome, bool json, Action<IAnsiConsole, T> render)
    {
        if (!outcome.IsValid)
        {
            return context.Fail(outcome.Problems);
        }

        var recorded = context.Record(name, parse.Tokens.Select(t => t.Value), outcome.Value, YearOf(outcome.Value));
        if (json)
        {
            context.Stdout.WriteLine(recorded.Json);
        }
        else
        {
            render(context.Console, outcome.Value);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Prints a valid outcome as JSON or a table without storing it (what a scenario is, not a result), or its problems.</summary>
    internal static int Finish<T>(CliContext context, Outcome<T> outcome, bool json, Action<IAnsiConsole, T> render)
    {
        if (!outcome.IsValid)
        {
            return context.Fail(outcome.Problems);
        }

        if (json)
        {
            JsonOutput.Write(context.Stdout, outcome.Value);
        }
        else
        {
            render(context.Console, outcome.Value);
        }

        return ExitCodes.Ok;
    }

    private static int? YearOf<T>(T document) => document switch
    {
        BypassDocument d => d.Year,
        LeverageDocument d => d.Year,
        InvestmentDocument d => d.Year,
        CorridorAssignmentDocument d => d.Year,
        _ => null,
    };

    private static string Teu(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "unbounded";

    private static void Render(IAnsiConsole console, BypassDocument d)
    {
        var avoided = d.Avoided.Count == 0 ? "nothing avoided" : "avoiding " + string.Join(", ", d.Avoided);
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(d.FromRegion)} → {Markup.Escape(d.ToRegion)}, {d.Year}[/] ({Markup.Escape(avoided)}, {(d.WithSea ? "with sea" : "overland")}): max flow [bold]{Teu(d.MaxFlowTeu)}[/] TEU/year");
        if (d.Unbounded)
        {
            console.MarkupLine("Elements without a sourced capacity join the regions, so no finite cut exists; add capacities to the data to bound it.");
            return;
        }

        var table = new Table().AddColumns("Minimum cut element", "Kind", "Direction", "TEU/year", "Basis");
        foreach (var c in d.MinCut)
        {
            table.AddRow(Markup.Escape(c.Id), c.Kind, Markup.Escape(c.Kind == "node" ? "handling" : $"{c.From} → {c.To}"),
                c.CapacityTeu.ToString("N0", CultureInfo.InvariantCulture), c.Basis);
        }

        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, $"Conversions: {d.Conversions.TeuPerTrain} TEU per train, {d.Conversions.GrossTonnesPerTeu} t per TEU (see docs/MODEL.md).");
        if (d.Caspian is { Crossings.Count: > 0 } caspian)
        {
            // Westbound is towards the western (Alat) side: the crossings leaving the eastern ports.
            var byDirection = caspian.Crossings.GroupBy(c => c.To.StartsWith("AZ-", StringComparison.Ordinal) ? "westbound" : "eastbound")
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Sum(c => c.CapacityTeu):N0}"));
            console.MarkupLine(CultureInfo.InvariantCulture,
                $"Caspian crossings at sea level {caspian.SeaLevelM:0.00} m: {Markup.Escape(string.Join(", ", byDirection))} TEU/year on {caspian.Crossings.Count} directed crossings (the crossing simulation's fleet, payload at the allowed draft).");
        }
    }

    private static void Render(IAnsiConsole console, LeverageDocument d)
    {
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(d.FromRegion)} → {Markup.Escape(d.ToRegion)}, {d.Year}[/]{(d.Avoided.Count > 0 ? Markup.Escape(" with " + string.Join(", ", d.Avoided) + " closed") : "")}: max flow [bold]{Teu(d.MaxFlowTeu)}[/] TEU/year");
        var table = new Table().AddColumns("Country", "Max flow lost (TEU/year)", "Share", "Max flow without it");
        foreach (var c in d.Countries)
        {
            table.AddRow(c.Code, Teu(c.MaxFlowLossTeu), c.Share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "n/a", Teu(c.MaxFlowWithoutTeu));
        }

        console.Write(table);
    }

    private sealed class RegionOptions
    {
        public Option<string?> From { get; } = new("--from-region") { Description = "Origin region: ISO country code (CN) or membership (EU, EAEU, OTS...)." };

        public Option<string?> To { get; } = new("--to-region") { Description = "Destination region, the same way." };

        public Option<string[]> Avoid { get; } = new("--avoid") { Description = "Countries closed to transit (ISO codes, comma-separated or repeated), e.g. RU,BY." };

        public Option<int> Year { get; } = CommonOptions.Year();

        public Option<bool> WithSea { get; } = new("--with-sea") { Description = "Keep ocean legs (the default is overland: rail, road, Caspian and Black Sea crossings)." };

        public Option<bool> Json { get; } = CommonOptions.Json();

        public void AddTo(Command command)
        {
            command.Options.Add(From);
            command.Options.Add(To);
            command.Options.Add(Avoid);
            command.Options.Add(Year);
            command.Options.Add(WithSea);
            command.Options.Add(Json);
        }

        /// <summary>With values that could not be read, the regions, countries and year are checked in the same round.</summary>
        public void RegisterCheck(CliContext context, Command command) =>
            context.RequestChecks[command] = parse => new CapacityService(context.Workspace).CheckRegions(
                OptionValues.Read(parse, From), OptionValues.Read(parse, To), OptionValues.Split(OptionValues.Read(parse, Avoid)), OptionValues.Read(parse, Year));
    }
}
