using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Sea;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors sea --from PORT --to PORT [--avoid-passage P] [--via-passage P] [--avoid CC] [--knots 16] [--vessel-teu N] [--json]</c>
/// and <c>corridors sea --pairs pairs.csv</c>: port-to-port routes on the bundled maritime lane network.
/// </summary>
internal static class SeaCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var from = new Option<string?>("--from") { Description = "Origin: a port (corridor node id or name, UN/LOCODE or name from data/sea/ports.csv) or 'lon,lat'." };
        var to = new Option<string?>("--to") { Description = "Destination, as --from." };
        var pairs = new Option<string?>("--pairs") { Description = "CSV file of pairs: 'from_lon,from_lat,to_lon,to_lat[,from_label,to_label]' or 'from,to' (port names); a header row is optional." };
        var avoidPassage = new Option<string[]>("--avoid-passage") { Description = "Passage to avoid (ids from data/passages.csv: suez, bab-el-mandeb, hormuz, malacca, sunda, gibraltar, bosporus, dardanelles, panama, cape-good-hope, kiel, dover, kerch, corinth). Repeat or comma-separate.", AllowMultipleArgumentsPerToken = true };
        var viaPassage = new Option<string[]>("--via-passage") { Description = "Passage the route must cross (e.g. cape-good-hope for 'via the Cape'). Repeat or comma-separate; at most 4.", AllowMultipleArgumentsPerToken = true };
        var avoid = new Option<string[]>("--avoid") { Description = "Countries to avoid (ISO codes): their passages are avoided and ports in them refused. Repeat or comma-separate.", AllowMultipleArgumentsPerToken = true };
        var knots = new Option<double>("--knots") { Description = "Vessel speed in knots for the duration (default 16 kn: PEM, Asia–North Europe mainline service).", DefaultValueFactory = _ => SeaRouteOptions.DefaultKnots };
        var vesselTeu = new Option<int?>("--vessel-teu") { Description = "Container-ship size in TEU: passages too small for it (max_teu in data/sea/gates.csv, e.g. Panama ≈ 14,000) are not used. Default: ocean_vessel_teu in parameters.csv (17,000, a typical Asia–North Europe mainline ship); 0 ignores size limits." };
        var maxSnap = new Option<double>("--max-snap-km") { Description = "Largest distance from a port to its nearest lane vertex.", DefaultValueFactory = _ => SeaRouteRequest.DefaultMaxSnapKm };
        var noGeometry = new Option<bool>("--no-geometry") { Description = "Leave the GeoJSON geometry out of --json results (smaller distance tables)." };
        var json = CommonOptions.Json();
        var command = new Command("sea", "Port-to-port sea routes on the Eurostat marnet lane network: distance (km, nm), sailing time, passages crossed, geometry.")
        {
            from, to, pairs, avoidPassage, viaPassage, avoid, knots, vesselTeu, maxSnap, noGeometry, json,
        };
        SeaRouteOptions Options(ParseResult parse) => new()
        {
            AvoidPassages = OptionValues.Split(OptionValues.Read(parse, avoidPassage)),
            ViaPassages = OptionValues.Split(OptionValues.Read(parse, viaPassage)),
            AvoidCountries = OptionValues.Split(OptionValues.Read(parse, avoid)),
            Knots = OptionValues.Read(parse, knots),
            VesselTeu = OptionValues.Read(parse, vesselTeu),
            MaxSnapKm = OptionValues.Read(parse, maxSnap),
            Geometry = !OptionValues.Read(parse, noGeometry),
        };

        // With values that could not be read, the rest of a --from/--to query is checked in the same round (a route
        // on the lane graph takes microseconds).
        context.RequestChecks[command] = parse =>
            OptionValues.Read(parse, pairs) is null && OptionValues.Read(parse, from) is { } f && OptionValues.Read(parse, to) is { } t
                ? new SeaService(context.Workspace).Route(new SeaRequest(f, t, Options(parse))).Problems
                : [];
        command.SetAction(parse =>
        {
            var options = Options(parse);
            var service = new SeaService(context.Workspace);
            if (parse.GetValue(pairs) is { } pairsFile)
            {
                if (parse.GetValue(from) is not null || parse.GetValue(to) is not null)
                {
                    throw new CliUsageException("Use either --pairs or --from/--to, not both.");
                }

                return RunPairs(context, service, pairsFile, options, parse.GetValue(json));
            }

            var fromText = parse.GetValue(from) ?? throw new CliUsageException("--from is required (or use --pairs).");
            var toText = parse.GetValue(to) ?? throw new CliUsageException("--to is required (or use --pairs).");
            var outcome = service.Route(new SeaRequest(fromText, toText, options));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Stdout, outcome.Value);
            }
            else
            {
                Render(context.Console, outcome.Value, options.Knots);
            }

            return ExitCodes.Ok;
        });

        return command;
    }

    private static int RunPairs(CliContext context, SeaService service, string file, SeaRouteOptions options, bool json)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"--pairs: the pairs file '{file}' does not exist.");
        }

        // A FIFO or device would block the read or never end.
        if (CsvText.NotAFile(file) is { } what)
        {
            throw new CliUsageException($"--pairs: cannot read '{file}': it is {what}.");
        }

        var bag = new DiagnosticBag();
        string text;
        try
        {
            text = CsvText.Decode(File.ReadAllBytes(file), file, bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--pairs: cannot read '{file}': {ex.Message}");
        }

        var records = CsvParser.Parse(text, file, bag);
        var pairs = new List<SeaPair>();
        var lines = new List<int>();
        foreach (var record in records)
        {
            var f = record.Fields;
            if (pairs.Count == 0 && f.Count > 0 && !double.TryParse(f[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && f[0].Value.StartsWith("from", StringComparison.OrdinalIgnoreCase))
            {
                continue; // header
            }

            if (f.Count is 4 or 6)
            {
                // Optional 5th/6th columns label the two ends (shown instead of the coordinates).
                pairs.Add(new SeaPair($"{f[0].Value},{f[1].Value}", $"{f[2].Value},{f[3].Value}", f.Count == 6 ? f[4].Value : null, f.Count == 6 ? f[5].Value : null));
                lines.Add(record.Line);
            }
            else if (f.Count == 2)
            {
                pairs.Add(new SeaPair(f[0].Value, f[1].Value));
                lines.Add(record.Line);
            }
            else
            {
                bag.Error("CORR0005", file, record.Line, 1, $"A pair row has {f.Count} fields; expected 4 (from lon, from lat, to lon, to lat), 6 (the same plus two labels) or 2 (from, to).");
            }
        }

        bag.ThrowIfErrors();
        var outcome = service.Batch(new SeaBatchRequest(pairs, options));
        if (!outcome.IsValid)
        {
            // Problems of a pair become diagnostics at its row; option problems are usage errors.
            var options2 = outcome.Problems.Where(p => !p.Field.StartsWith("pairs[", StringComparison.Ordinal)).ToList();
            if (options2.Count > 0)
            {
                return context.Fail(options2);
            }

            foreach (var p in outcome.Problems)
            {
                var index = int.Parse(p.Field.AsSpan(6, p.Field.IndexOf(']', StringComparison.Ordinal) - 6), CultureInfo.InvariantCulture);
                bag.Error("CORR0104", file, lines[index], 1, p.Message);
            }

            bag.ThrowIfErrors();
        }

        var batch = outcome.Value;
        if (json)
        {
            JsonOutput.Write(context.Stdout, batch);
        }
        else
        {
            var table = new Table().AddColumns("From", "To", "km", "nm", "days", "Passages / reason");
            foreach (var r in batch.Results)
            {
                var found = r.DistanceKm is not null;
                table.AddRow(
                    Markup.Escape(Label(r.From)),
                    Markup.Escape(Label(r.To)),
                    found ? r.DistanceKm!.Value.ToString("N0", CultureInfo.InvariantCulture) : "-",
                    found ? r.DistanceNm!.Value.ToString("N0", CultureInfo.InvariantCulture) : "-",
                    found ? (r.Hours!.Value / 24).ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(found ? string.Join(", ", r.Passages!) : r.Reason!));
            }

            context.Console.Write(table);
            context.Console.MarkupLine(CultureInfo.InvariantCulture, $"{batch.Results.Count} pairs, query p50 {batch.QueryMicrosecondsP50:0.0} µs, total {batch.TotalSeconds:0.000} s (routing only).");
        }

        return ExitCodes.Ok;
    }

    private static string Label(SeaPlaceContract place) => place.Name ?? place.Query;

    private static void Render(IAnsiConsole console, SeaRouteDocument r, double knots)
    {
        var from = Label(r.From);
        var to = Label(r.To);
        if (r.DistanceKm is not { } km)
        {
            console.MarkupLine($"[bold]{Markup.Escape(from)} → {Markup.Escape(to)}[/]: no sea route. {Markup.Escape(r.Reason!)}");
            return;
        }

        var nm = r.DistanceNm!.Value;
        var hours = r.Hours!.Value;
        var passages = r.Passages!;
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(from)} → {Markup.Escape(to)}[/]: {km:N0} km = {nm:N0} nm, {hours:N0} h ({hours / 24:0.0} days) at {knots:0.#} kn");
        console.MarkupLine(Markup.Escape($"Passages: {(passages.Count == 0 ? "none" : string.Join(" → ", passages))}"));
        if (r.PassagesTooSmall.Count > 0)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Vessel {r.VesselTeu:N0} TEU: not using {string.Join(", ", r.PassagesTooSmall)} (too small; --vessel-teu to change)")));
        }

        console.MarkupLine(CultureInfo.InvariantCulture, $"Along lanes {r.LaneKm!.Value:N0} km; port to lane {r.SnapKm!.From:0} km and {r.SnapKm.To:0} km.");
    }
}
