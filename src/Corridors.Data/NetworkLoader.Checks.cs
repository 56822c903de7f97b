using System.Globalization;
using Corridors.Geo;
using Corridors.Network;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>Slack for the great-circle check per end with verified (S) coordinates, km.</summary>
    private const double VerifiedSlackKm = 2;

    /// <summary>Slack per end with unverified (U, ±0.2°) coordinates, km: 0.2° of latitude ≈ 22 km.</summary>
    private const double UnverifiedSlackKm = 22;

    /// <summary>Transfers join two sides of one place; ends further apart than this are suspicious.</summary>
    private const double TransferMaxSpanKm = 60;

    private static void CheckEmissionDefaults(LoadContext ctx)
    {
        var defaults = new Dictionary<TransportMode, (EmissionFactor Factor, Csv.CsvRow Row)>();
        foreach (var (factor, row) in ctx.Factors.Rows)
        {
            if (!factor.IsDefault)
            {
                continue;
            }

            if (defaults.TryGetValue(factor.Mode, out var first))
            {
                row.Error("default", "CORR0101", $"Emission factor '{factor.Id}' is a second default for mode '{Words.Name(factor.Mode)}'; the first is '{first.Factor.Id}' at line {first.Row.Line}.");
                continue;
            }

            defaults[factor.Mode] = (factor, row);
        }

        if (ctx.Factors.Rows.Count == 0)
        {
            return;
        }

        var reported = new HashSet<TransportMode>();
        foreach (var (leg, row) in ctx.Legs.Rows)
        {
            if (leg.EmissionFactor is null && leg.Mode != TransportMode.Transfer && !defaults.ContainsKey(leg.Mode) && reported.Add(leg.Mode))
            {
                row.Error("mode", "CORR0110", $"Leg '{leg.Id}' has mode '{Words.Name(leg.Mode)}' but no emission factor is the default for that mode.",
                    "Mark one factor of that mode as default in emission_factors.csv, or set the leg's emission_factor.");
            }
        }
    }

    /// <summary>
    /// Distances against the great circle (shorter is an error; more than 3× is a warning, except for ocean legs,
    /// whose detours round continents are real — the sea-lane graph checks those), transfer spans, rail gauges
    /// at both ends, and the Caspian rule.
    /// </summary>
    /// <summary>First and last year of the baseline data; service coverage is checked over this range.</summary>
    public const int FirstYear = 2020;

    /// <summary>Last year of the baseline data.</summary>
    public const int LastYear = 2035;

    /// <summary>
    /// Ferry and feeder legs need a service in every year they are open: without one, routing cannot know how long
    /// cargo waits for a sailing and would assume none. Reports the open years without a service (CORR0123).
    /// </summary>
    private static void CheckServices(LoadContext ctx)
    {
        var servicesByLeg = ctx.Services.Rows.GroupBy(s => s.Item.Leg, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.Item).ToList(), StringComparer.Ordinal);
        foreach (var (leg, row) in ctx.Legs.Rows)
        {
            if (leg.Mode is not (TransportMode.Ferry or TransportMode.Feeder))
            {
                continue;
            }

            var services = servicesByLeg.GetValueOrDefault(leg.Id) ?? [];
            var uncovered = Enumerable.Range(FirstYear, LastYear - FirstYear + 1)
                .Where(y => leg.Validity.IsActive(y) && !services.Any(s => s.Validity.IsActive(y)))
                .ToList();
            if (uncovered.Count > 0)
            {
                row.Warning("id", "CORR0123",
                    $"{(leg.Mode == TransportMode.Ferry ? "Ferry" : "Feeder")} leg '{leg.Id}' has no service in {YearRanges(uncovered)}, so waiting for a sailing is unknown there.",
                    "Add the service (services.csv) with its departures per week, or limit the leg's years.");
            }
        }
    }

    /// <summary>
    /// Ocean legs are mainline services: both ends must be open-sea ports deep enough for the mainline ship
    /// (parameter <c>mainline_draft_m</c>). A known depth below it is CORR0129 (serve such a port by a feeder from a hub);
    /// an end with no <c>depth_m</c> is warning CORR0130, since the rule cannot judge it. Without the parameter
    /// nothing is checked.
    /// </summary>
    private static void CheckPortDepths(LoadContext ctx)
    {
        if (!ctx.Parameters.TryGet("mainline_draft_m", out var draft, out _))
        {
            return;
        }

        var unknownDepth = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (leg, row) in ctx.Legs.Rows)
        {
            if (leg.Mode != TransportMode.Ocean)
            {
                continue;
            }

            foreach (var (end, column) in new[] { (leg.From, "from"), (leg.To, "to") })
            {
                if (!ctx.Nodes.TryGet(end, out var port, out var portRow) || port.Sea == SeaArea.Caspian)
                {
                    continue; // an unknown node and an ocean leg into the Caspian are reported elsewhere (CORR0119)
                }

                if (port.DepthM is { } depth && depth < draft.Value)
                {
                    row.Error(column, "CORR0129",
                        Invariant($"Ocean leg '{leg.Id}' calls at '{port.Id}', {depth} m deep, but the mainline ship needs {draft.Value} m (parameter mainline_draft_m)."),
                        "Serve the port by a feeder leg from a hub port, or check its depth_m.");
                }
                else if (port.DepthM is null && unknownDepth.Add(port.Id))
                {
                    portRow.Warning("depth_m", "CORR0130",
                        Invariant($"Seaport '{port.Id}' has ocean legs but no depth_m, so whether the mainline ship ({draft.Value} m draft) can call there is not checked."),
                        "Add the depth at its container berths or access channel, with its source.");
                }
            }
        }
    }

    private static string YearRanges(List<int> years)
    {
        var parts = new List<string>();
        for (var i = 0; i < years.Count;)
        {
            var j = i;
            while (j + 1 < years.Count && years[j + 1] == years[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? years[i].ToString(CultureInfo.InvariantCulture) : Invariant($"{years[i]}–{years[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static void CheckGeometry(LoadContext ctx)
    {
        foreach (var (leg, row) in ctx.Legs.Rows)
        {
            if (!ctx.Nodes.TryGet(leg.From, out var a, out _) || !ctx.Nodes.TryGet(leg.To, out var b, out _))
            {
                continue;
            }

            var what = $"Leg '{leg.Id}'";
            if (double.IsNaN(a.Lat + a.Lon + b.Lat + b.Lon))
            {
                continue; // bad coordinates were reported already; distances from them would only add noise
            }

            var gc = GeoMath.GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon);
            if (leg.Mode == TransportMode.Transfer)
            {
                if (gc > TransferMaxSpanKm)
                {
                    row.Warning("to", "CORR0113", Invariant($"{what} is a transfer between nodes {gc:F0} km apart; a transfer happens at one place."));
                }
            }
            else if (double.TryParse(row.Text("distance_km"), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                var slack = (a.CoordinatesVerified ? VerifiedSlackKm : UnverifiedSlackKm) + (b.CoordinatesVerified ? VerifiedSlackKm : UnverifiedSlackKm);
                if (leg.DistanceKm < gc - slack)
                {
                    row.Error("distance_km", "CORR0112",
                        Invariant($"{what} is {leg.DistanceKm:F0} km long, shorter than the {gc:F0} km great-circle distance between '{a.Id}' and '{b.Id}'."),
                        "Check the distance and both nodes' coordinates.");
                }
                else if (gc > 10 && leg.DistanceKm > 3 * gc + slack && leg.Mode != TransportMode.Ocean)
                {
                    row.Warning("distance_km", "CORR0113",
                        Invariant($"{what} is {leg.DistanceKm:F0} km long, more than 3× the {gc:F0} km great-circle distance between '{a.Id}' and '{b.Id}'."),
                        "Check the distance and both nodes' coordinates.");
                }
            }

            if (leg.Mode == TransportMode.Rail && leg.GaugeMm is { } gauge)
            {
                foreach (var end in new[] { a, b })
                {
                    if (end.GaugesMm.Count > 0 && !end.GaugesMm.Contains(gauge))
                    {
                        row.Error("gauge_mm", "CORR0118",
                            Invariant($"{what} is {gauge} mm gauge but node '{end.Id}' serves only {string.Join("/", end.GaugesMm)} mm."),
                            "Model the gauge change as a transfer leg between two nodes, one per gauge.");
                    }
                }
            }

            CheckCaspian(leg, a, b, row, what);
        }
    }

    /// <summary>
    /// The Caspian is landlocked: water legs touching a Caspian port must be Caspian ferry/feeder crossings, or an
    /// inland waterway through Russia tagged with its passage (Volga–Don).
    /// </summary>
    private static void CheckCaspian(Leg leg, Node a, Node b, Csv.CsvRow row, string what)
    {
        if (!leg.IsWater)
        {
            return;
        }

        var caspianEnds = (a.Sea == SeaArea.Caspian ? 1 : 0) + (b.Sea == SeaArea.Caspian ? 1 : 0);
        if (leg.Mode is TransportMode.Ferry or TransportMode.Feeder && caspianEnds == 1)
        {
            row.Error("mode", "CORR0119", $"{what} is a {Words.Name(leg.Mode)} between the Caspian and another sea; the Caspian has no sea link to the ocean.",
                "A water link out of the Caspian is an inland-waterway leg through Russia (passage volga-don).");
        }
        else if (leg.Mode == TransportMode.Ocean && caspianEnds > 0)
        {
            row.Error("mode", "CORR0119", $"{what} is an ocean leg touching a Caspian port; the Caspian is crossed only by its ferry and feeder services.");
        }
        else if (leg.Mode == TransportMode.InlandWaterway && caspianEnds > 0 && (!leg.Passages.Contains("volga-don") || !leg.Countries.Contains("RU")))
        {
            row.Error("passages", "CORR0119", $"{what} is an inland waterway out of the Caspian but is not tagged with passage 'volga-don' and country 'RU'.");
        }
        else if (leg.Mode == TransportMode.InlandWaterway && caspianEnds > 0 && leg.OpenMonths is null)
        {
            row.Warning("open_months", "CORR0119", $"{what} leaves the Caspian through Russian waterways but has no open_months; they freeze in winter.");
        }
    }

    /// <summary>The network (all years together) must be one connected piece; each other piece is reported once.</summary>
    private static void CheckConnectivity(LoadContext ctx)
    {
        var nodes = ctx.Nodes.Rows;
        if (nodes.Count == 0)
        {
            return;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            index[nodes[i].Item.Id] = i;
        }

        var parent = Enumerable.Range(0, nodes.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (leg, _) in ctx.Legs.Rows)
        {
            if (index.TryGetValue(leg.From, out var a) && index.TryGetValue(leg.To, out var b))
            {
                parent[Find(a)] = Find(b);
            }
        }

        var components = Enumerable.Range(0, nodes.Count).GroupBy(Find).OrderByDescending(g => g.Count()).ToList();
        foreach (var component in components.Skip(1))
        {
            var members = component.ToList();
            var (first, row) = nodes[members[0]];
            var names = string.Join(", ", members.Take(5).Select(i => $"'{nodes[i].Item.Id}'")) + (members.Count > 5 ? ", ..." : string.Empty);
            var message = members.Count == 1
                ? $"Node '{first.Id}' is not connected to the rest of the network (no leg joins it)."
                : $"{members.Count} nodes ({names}) form a piece that is not connected to the rest of the network.";
            row.Error("id", "CORR0114", message, "Add the legs that join it, or remove the nodes.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
