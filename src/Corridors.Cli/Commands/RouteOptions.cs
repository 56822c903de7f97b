using System.CommandLine;
using Corridors.Application.Requests;

namespace Corridors.Cli.Commands;

/// <summary>The query options shared by <c>route</c> and <c>compare</c>; one instance per command.</summary>
internal sealed class RouteOptions
{
    public Option<string> From { get; } = new("--from") { Description = "Origin: node id, name or alias (case and accents ignored, e.g. Xian, Xi'an).", Required = true };

    public Option<string> To { get; } = new("--to") { Description = "Destination: node id, name or alias.", Required = true };

    public Option<int?> Year { get; } = CommonOptions.DepartureYear();

    public Option<string?> Service { get; } = new("--service") { Description = "Service level: groupage (default: a single container or wagon in ordinary traffic) or block-train (a whole scheduled train: booked sailings, border priority); compare also takes both." };

    public Option<string?> Depart { get; } = new("--depart") { Description = "Departure date (UTC), yyyy-MM-dd or yyyy-MM-ddTHH:mm; default today. Scheduled services are looked up from it." };

    public Option<double?> Teu { get; } = new("--teu") { Description = "Number of TEU (default 1)." };

    public Option<double?> Feu { get; } = new("--feu") { Description = "Number of 40' containers (FEU): each takes 2 TEU of space (feu_teu) and is charged feu_cost_factor (1.6) 20' rates; added to --teu." };

    public Option<double?> Hc { get; } = new("--hc") { Description = "Number of 40' high-cube containers: each takes 2 TEU of space (hc_teu) and is charged hc_cost_factor (1.6, as a 40') 20' rates; added to --teu and --feu." };

    public Option<double?> TonnesPerTeu { get; } = new("--tonnes-per-teu") { Description = "Cargo tonnes per TEU for CO2e (default: parameter teu_cargo_tonnes)." };

    public Option<string[]> Avoid { get; } = new("--avoid") { Description = "Countries to avoid (ISO codes or names, comma-separated or repeated), e.g. RU,BY or Russia." };

    public Option<bool> AvoidSanctioned { get; } = new("--avoid-sanctioned") { Description = "Avoid every country under broad sanctions in countries.csv (today RU, BY, IR), as a forwarder's insurer would." };

    public Option<string[]> AvoidPassage { get; } = new("--avoid-passage") { Description = "Passages to avoid (ids, e.g. suez, bosporus, volga-don)." };

    public Option<string[]> AvoidMode { get; } = new("--avoid-mode") { Description = "Modes to avoid: rail, road, ferry, feeder, ocean, inland-waterway." };

    public Option<string[]> RequireMode { get; } = new("--require-mode") { Description = "Modes the route must use at least once each." };

    public Option<string[]> Via { get; } = new("--via") { Description = "Places the route must pass (names or ids)." };

    public Option<string[]> ViaCountry { get; } = new("--via-country") { Description = "Countries the route must pass (ISO codes)." };

    public Option<string[]> ViaPassage { get; } = new("--via-passage") { Description = "Passages the route must use (ids)." };

    public Option<int?> MaxTransshipments { get; } = new("--max-transshipments") { Description = "At most this many transshipments (mode changes, gauge changes, transfer legs)." };

    public Option<bool> AllowClosed { get; } = new("--allow-closed") { Description = "Allow countries whose transit is closed in the baseline." };

    public Option<string> By { get; } = new("--by") { Description = "Objective: time, cost, co2 or generalized.", DefaultValueFactory = _ => "time" };

    public Option<bool> TimeValue { get; } = new("--time-value") { Description = "Add the time value of cargo to cost (parameters cargo_value_usd_per_teu and inventory_cost_rate_per_year, or --cargo-value)." };

    public Option<double?> CargoValue { get; } = new("--cargo-value") { Description = "Cargo value in USD per TEU for the time value of cargo (implies --time-value)." };

    public Option<double?> UsdPerHour { get; } = new("--usd-per-hour") { Description = "Generalized cost: USD per door-to-door hour." };

    public Option<double?> UsdPerTonneCo2 { get; } = new("--usd-per-tco2") { Description = "Generalized cost: USD per tonne CO2e." };

    public Option<double?> UsdPerRisk { get; } = new("--usd-per-risk") { Description = "Generalized cost: USD per risk point (hour × country risk weight)." };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<bool> Summary { get; } = new("--summary") { Description = "One line per route (rank, corridor, days, USD, kg CO2e, sanctions) instead of the tables." };

    public Option<bool> Csv { get; } = new("--csv") { Description = "The routes as CSV on stdout: one row per route with every criterion, then excluded corridors with their reason." };

    public Option<string?> GeoJson { get; } = new("--geojson") { Description = "Also write the routes as a GeoJSON FeatureCollection (one feature per leg; water legs follow the sea lanes) to this file." };

    public void AddTo(Command command)
    {
        Option[] all =
        [
            From, To, Year, Service, Depart, Teu, Feu, Hc, TonnesPerTeu, Avoid, AvoidSanctioned, AvoidPassage, AvoidMode, RequireMode, Via, ViaCountry,
            ViaPassage, MaxTransshipments, AllowClosed, By, TimeValue, CargoValue, UsdPerHour, UsdPerTonneCo2, UsdPerRisk, Json, GeoJson,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Adds the table forms of <c>route</c> and <c>compare</c> (<c>--summary</c>, <c>--csv</c>); reliability has its own.</summary>
    public void AddTableFormsTo(Command command)
    {
        command.Options.Add(Summary);
        command.Options.Add(Csv);
    }

    /// <summary>The request the options describe (values are checked by the application layer, all at once).</summary>
    public RouteQueryRequest ToRequest(ParseResult parse) => new()
    {
        From = OptionValues.Read(parse, From)!,
        To = OptionValues.Read(parse, To)!,
        Year = OptionValues.Read(parse, Year),
        ServiceLevel = OptionValues.Read(parse, Service),
        Depart = OptionValues.Read(parse, Depart),
        Teu = OptionValues.Read(parse, Teu),
        Feu = OptionValues.Read(parse, Feu),
        Hc = OptionValues.Read(parse, Hc),
        TonnesPerTeu = OptionValues.Read(parse, TonnesPerTeu),
        AvoidCountries = OptionValues.Split(OptionValues.Read(parse, Avoid)),
        AvoidPassages = OptionValues.Split(OptionValues.Read(parse, AvoidPassage)),
        AvoidModes = OptionValues.Split(OptionValues.Read(parse, AvoidMode)),
        RequireModes = OptionValues.Split(OptionValues.Read(parse, RequireMode)),
        Via = OptionValues.Split(OptionValues.Read(parse, Via)),
        ViaCountries = OptionValues.Split(OptionValues.Read(parse, ViaCountry)),
        ViaPassages = OptionValues.Split(OptionValues.Read(parse, ViaPassage)),
        MaxTransshipments = OptionValues.Read(parse, MaxTransshipments),
        AllowClosedCountries = OptionValues.Read(parse, AllowClosed),
        AvoidSanctioned = OptionValues.Read(parse, AvoidSanctioned),
        By = OptionValues.Read(parse, By),
        TimeValue = OptionValues.Read(parse, TimeValue),
        CargoValueUsdPerTeu = OptionValues.Read(parse, CargoValue),
        UsdPerHour = OptionValues.Read(parse, UsdPerHour),
        UsdPerTonneCo2 = OptionValues.Read(parse, UsdPerTonneCo2),
        UsdPerRisk = OptionValues.Read(parse, UsdPerRisk),
    };

    /// <summary>
    /// Registers the request check of <paramref name="command"/>: the problems <see cref="RouteQueryResolver"/> finds in
    /// the options that could be read, reported with the parse errors of the others (all problems in one round).
    /// </summary>
    public void RegisterCheck(CliContext context, Command command) =>
        context.RequestChecks[command] = parse =>
        {
            var request = ToRequest(parse);
            if (string.Equals(request.ServiceLevel?.Trim(), ServiceLevels.Both, StringComparison.OrdinalIgnoreCase) && command.Name == "compare")
            {
                request = request with { ServiceLevel = null };
            }

            return RouteQueryResolver.Resolve(request, context.Workspace).Problems;
        };
}
