using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Diagnostics;

namespace Corridors.Application.Services;

/// <summary>
/// Capacity cases (<c>what</c> = <c>capacity-teu</c>): an element's TEU-per-year capacity against its observed volume.
/// <c>from</c> = <c>to</c> names one leg or node; two different node ids name every leg from the one to the other
/// (e.g. all Caspian lines from Aktau to Alat), whose directed capacities add up.
/// </summary>
public sealed partial class ModelValidationService
{
    /// <summary>The <c>from</c> cell of a capacity case must be a leg or node id of the data, and a different <c>to</c> a node id (CORR0301).</summary>
    private void CheckElement(ValidationCase c, string file, DiagnosticBag bag)
    {
        var d = workspace.Definition;
        if (c.To != c.From)
        {
            foreach (var (id, at) in new[] { (c.From, c.FromAt), (c.To, c.ToAt) })
            {
                if (!d.Nodes.Any(n => n.Id == id))
                {
                    bag.Error("CORR0301", file, at.Line, at.Column, $"Case '{c.Id}': '{id}' is not a node id.",
                        "A capacity case between two different elements names two node ids in nodes*.csv (every leg from the one to the other counts).");
                }
            }

            return;
        }

        if (!d.Legs.Any(l => l.Id == c.From) && !d.Nodes.Any(n => n.Id == c.From))
        {
            bag.Error("CORR0301", file, c.FromAt.Line, c.FromAt.Column, $"Case '{c.Id}': '{c.From}' is not a leg or node id.",
                "A capacity case names the element by its id in legs*.csv or nodes*.csv.");
        }
    }

    private ValidationCaseContract EvaluateCapacity(ValidationCase c, IReadOnlyDictionary<string, string> explanations)
    {
        var capacities = new CapacityService(workspace).Capacities(c.Year);
        var network = capacities.Network;
        double? model = null;
        string? reason = null;
        var node = c.To == c.From && network.TryGetNode(c.From, out var id) ? id.Value : -1;
        if (c.To != c.From)
        {
            // Every directed edge from the one node to the other: parallel lines add up.
            for (var e = 0; e < network.EdgeCount; e++)
            {
                if (network.Nodes[network.Tail[e]].Id == c.From && network.Nodes[network.Head[e]].Id == c.To)
                {
                    model = (model ?? 0) + capacities.EdgeTeuPerYear[e];
                }
            }
        }
        else if (node >= 0)
        {
            model = capacities.NodeTeuPerYear[node];
        }
        else
        {
            for (var e = 0; e < network.EdgeCount; e++)
            {
                if (network.Legs[network.EdgeLeg[e]].Id == c.From)
                {
                    model = Math.Max(model ?? 0, capacities.EdgeTeuPerYear[e]);
                }
            }
        }

        if (model is null)
        {
            reason = c.To != c.From
                ? string.Create(CultureInfo.InvariantCulture, $"No leg runs from '{c.From}' to '{c.To}' in the network of {c.Year}.")
                : string.Create(CultureInfo.InvariantCulture, $"'{c.From}' is not in the network of {c.Year}.");
        }
        else if (double.IsPositiveInfinity(model.Value))
        {
            reason = "The element has no sourced capacity, so it cannot be checked.";
            model = null;
        }

        var pass = model is { } m && m >= c.BandLow && m <= c.BandHigh;
        if (!pass && model is { } value)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"The model's capacity {Format(c.What, value)} TEU/yr is {(value < c.BandLow ? "below" : "above")} the band {Format(c.What, c.BandLow)}–{Format(c.What, c.BandHigh)}: the element carried {Format(c.What, c.Published)} TEU that year.");
        }

        return new ValidationCaseContract(
            c.Id, c.From, c.To, c.What, c.Corridor, c.Statistic, Unit(c.What), model is { } r ? Math.Round(r) : null, c.Published,
            new ValidationBand(c.BandLow, c.BandHigh), pass, c.Weight, c.Date, c.Year, c.ServiceLevel, null, c.Source, c.Notes,
            pass ? null : reason, pass ? null : explanations.GetValueOrDefault(c.Id));
    }
}
