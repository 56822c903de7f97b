using System.CommandLine;
using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Services;
using Corridors.Routing;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors places [NAME] [--country KZ] [--kind seaport] [--near LON,LAT] [--limit N] [--year Y] [--json]</c>:
/// the places a routing question may name, or how one name resolves.
/// </summary>
internal static class PlacesCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "A place to look up as --from/--to would read it: name, exonym, alias, UN/LOCODE or lon,lat.", Arity = ArgumentArity.ZeroOrOne };
        var country = new Option<string?>("--country") { Description = "Only places in this country (ISO code or name, e.g. KZ or Kazakhstan)." };
        var kind = new Option<string?>("--kind") { Description = "Only places of this kind: terminal, dry-port, seaport, border, junction or city." };
        var near = new Option<string?>("--near") { Description = "Nearest first from this point, 'lon,lat' (e.g. 44.8,41.7), with distances." };
        var limit = new Option<int?>("--limit", "-n") { Description = "At most this many places (with --near: the nearest)." };
        var year = CommonOptions.Year();
        var json = CommonOptions.Json();
        var command = new Command("places", "List the places routes can start, end or pass through (with every name they answer to), or resolve one name.")
        {
            name, country, kind, near, limit, year, json,
        };
        // With values that could not be read, the rest of a listing is checked in the same round (listing is cheap).
        context.RequestChecks[command] = parse => OptionValues.Read(parse, name) is null
            ? new PlaceService(context.Workspace).List(new PlaceListRequest(OptionValues.Read(parse, year), OptionValues.Read(parse, country), OptionValues.Read(parse, kind),
                OptionValues.Read(parse, near), OptionValues.Read(parse, limit))).Problems
            : [];
        command.SetAction(parse =>
        {
            var service = new PlaceService(context.Workspace);
            if (parse.GetValue(name) is { } text)
            {
                var lookup = service.Lookup(new PlaceLookupRequest(text, parse.GetValue(year)));
                if (!lookup.IsValid)
                {
                    return context.Fail(lookup.Problems);
                }

                if (parse.GetValue(json))
                {
                    JsonOutput.Write(context.Stdout, lookup.Value);
                }
                else
                {
                    RenderLookup(context.Console, lookup.Value);
                }

                return lookup.Value.Status == PlaceMatchStatus.Found ? ExitCodes.Ok : ExitCodes.Usage;
            }

            var outcome = service.List(new PlaceListRequest(parse.GetValue(year), parse.GetValue(country), parse.GetValue(kind), parse.GetValue(near), parse.GetValue(limit)));
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
                Render(context.Console, outcome.Value);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void RenderLookup(IAnsiConsole console, PlacesDocument d)
    {
        switch (d.Status)
        {
            case PlaceMatchStatus.Found:
                console.MarkupLine($"[bold]{Markup.Escape(d.Place!.Name)}[/] ({Markup.Escape(d.Place.Id)})");
                break;
            case PlaceMatchStatus.Ambiguous:
                console.MarkupLine($"'{Markup.Escape(d.Query)}' matches several places: {Markup.Escape(string.Join(", ", d.Candidates.Select(c => $"{c.Name} ({c.Id})")))}; give the id.");
                break;
            default:
                console.MarkupLine(d.Candidates.Count == 0
                    ? $"'{Markup.Escape(d.Query)}' is not a place in the network."
                    : $"'{Markup.Escape(d.Query)}' is not a place in the network. Did you mean {Markup.Escape(string.Join(", ", d.Candidates.Select(c => $"{c.Name} ({c.Id})")))}?");
                break;
        }

        if (d.Note is not null)
        {
            console.MarkupLine($"[dim]note:[/] {Markup.Escape(d.Note)}");
        }
    }

    private static void Render(IAnsiConsole console, PlaceListDocument d)
    {
        var near = d.Places.Any(p => p.DistanceKm is not null);
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Place");
        table.AddColumn("Id");
        table.AddColumn("Ctry");
        table.AddColumn("Kind");
        table.AddColumn(new TableColumn("Lon,Lat").RightAligned());
        if (near)
        {
            table.AddColumn(new TableColumn("km").RightAligned());
        }

        table.AddColumn("Also known as");
        foreach (var p in d.Places)
        {
            var kind = p.Kind + (p.Road ? " +road" : string.Empty);
            var cells = new List<string>
            {
                Markup.Escape(p.Name), Markup.Escape(p.Id), p.Country, kind,
                string.Create(CultureInfo.InvariantCulture, $"{p.Lon:0.00},{p.Lat:0.00}"),
            };
            if (near)
            {
                cells.Add(p.DistanceKm!.Value.ToString("N0", CultureInfo.InvariantCulture));
            }

            cells.Add(Markup.Escape(string.Join(", ", p.Aliases)));
            table.AddRow([.. cells]);
        }

        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, $"{d.Places.Count} place(s) in the {d.Year} network. '+road': a truck can reach it; coordinates and towns outside the network stand in by the nearest such place.");
    }
}
