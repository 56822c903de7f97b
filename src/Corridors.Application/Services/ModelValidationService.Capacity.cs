using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Diagnostics;

namespace Corridors.Application.Services;

/// <summary>Capacity cases (<c>what</c> = <c>capacity-teu</c>): an element's TEU-per-year capacity against its observed volume.</summary>
public sealed partial class ModelValidationService
{
    /// <summary>The <c>from</c> cell of a capacity case must be a leg or node id of the data (CORR0301).</summary>
    private void CheckElement(ValidationCase c, string file, DiagnosticBag bag)
    {
        var d = workspace.Definition;
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
        var node = network.TryGetNode(c.From, out var id) ? id.Value : -1;
        if (node >= 0)
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
            reason = string.Create(CultureInfo.InvariantCulture, $"'{c.From}' is not in the network of {c.Year}.");
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
