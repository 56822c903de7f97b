using Corridors.Network;

namespace Corridors.Capacity;

/// <summary>Where an element's TEU-per-year capacity comes from.</summary>
public enum CapacityBasis : byte
{
    /// <summary>No capacity is sourced: the element is treated as uncapacitated.</summary>
    Unlimited,

    /// <summary>A sourced TEU per year figure, used as given.</summary>
    TeuPerYear,

    /// <summary>Trains per day (per direction) × TEU per train × 365.</summary>
    TrainsPerDay,

    /// <summary>Mt per year × 10⁶ ÷ gross tonnes per TEU: an upper bound that gives all the tonnage to containers.</summary>
    MtPerYear,

    /// <summary>A Caspian crossing: the crossing simulation's fleet capacity at the year's sea level (<see cref="CrossingCapacities"/>).</summary>
    CaspianFleet,
}

/// <summary>Factors that turn trains per day and Mt per year into TEU per year.</summary>
/// <param name="TeuPerTrain">Average TEU on one container train.</param>
/// <param name="GrossTonnesPerTeu">Gross mass of one loaded TEU (cargo plus box), tonnes.</param>
public sealed record CapacityConversions(double TeuPerTrain, double GrossTonnesPerTeu)
{
    /// <summary>TEU per year of a sourced capacity, and its basis (TEU first, then trains per day, then Mt per year).</summary>
    public (double TeuPerYear, CapacityBasis Basis) Convert(double? teuPerYear, double? trainsPerDay, double? mtPerYear) =>
        teuPerYear is { } teu ? (teu, CapacityBasis.TeuPerYear)
        : trainsPerDay is { } trains ? (trains * TeuPerTrain * 365, CapacityBasis.TrainsPerDay)
        : mtPerYear is { } mt ? (mt * 1e6 / GrossTonnesPerTeu, CapacityBasis.MtPerYear)
        : (double.PositiveInfinity, CapacityBasis.Unlimited);
}

/// <summary>
/// Capacities of one year's <see cref="CorridorNetwork"/> frozen into arrays: TEU per year for each directed edge
/// (a leg's capacity applies to each direction, as <c>capacity_trains_per_day</c> is given per direction) and for
/// each node's handling; <see cref="double.PositiveInfinity"/> where nothing is sourced. Caspian crossings take their
/// capacity from <see cref="CrossingCapacities"/> (the simulation's payload at the sea level) when given.
/// </summary>
public sealed class CorridorCapacities
{
    private readonly double[] _edge;
    private readonly CapacityBasis[] _edgeBasis;
    private readonly double[] _node;
    private readonly CapacityBasis[] _nodeBasis;

    private CorridorCapacities(CorridorNetwork network, CapacityConversions conversions, CrossingCapacities? crossings)
    {
        Network = network;
        Conversions = conversions;
        Crossings = crossings;
        _edge = new double[network.EdgeCount];
        _edgeBasis = new CapacityBasis[network.EdgeCount];
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var leg = network.Legs[network.EdgeLeg[e]];
            (_edge[e], _edgeBasis[e]) = crossings is not null && crossings.TryGet(leg.Id, network.Nodes[network.Tail[e]].Id, out var fleet)
                ? (fleet, CapacityBasis.CaspianFleet)
                : conversions.Convert(leg.CapacityTeuPerYear, leg.CapacityTrainsPerDay, leg.CapacityMtPerYear);
        }

        _node = new double[network.NodeCount];
        _nodeBasis = new CapacityBasis[network.NodeCount];
        for (var v = 0; v < network.NodeCount; v++)
        {
            var node = network.Nodes[v];
            (_node[v], _nodeBasis[v]) = conversions.Convert(node.HandlingTeuPerYear, null, node.HandlingMtPerYear);
        }
    }

    /// <summary>The network the arrays belong to.</summary>
    public CorridorNetwork Network { get; }

    /// <summary>The conversion factors used.</summary>
    public CapacityConversions Conversions { get; }

    /// <summary>The Caspian crossing capacities put on their edges, or null when none were given.</summary>
    public CrossingCapacities? Crossings { get; }

    /// <summary>TEU per year of each directed edge.</summary>
    public ReadOnlySpan<double> EdgeTeuPerYear => _edge;

    /// <summary>Basis of each edge capacity.</summary>
    public ReadOnlySpan<CapacityBasis> EdgeBasis => _edgeBasis;

    /// <summary>Handling TEU per year of each node.</summary>
    public ReadOnlySpan<double> NodeTeuPerYear => _node;

    /// <summary>Basis of each node capacity.</summary>
    public ReadOnlySpan<CapacityBasis> NodeBasis => _nodeBasis;

    /// <summary>Freezes the capacities of <paramref name="network"/>.</summary>
    /// <param name="network">The year's network.</param>
    /// <param name="conversions">Trains per day and Mt per year to TEU.</param>
    /// <param name="crossings">Caspian crossing capacities at the year's sea level; they take the place of the legs' own columns on their edges.</param>
    public static CorridorCapacities Freeze(CorridorNetwork network, CapacityConversions conversions, CrossingCapacities? crossings = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(conversions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(conversions.TeuPerTrain);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(conversions.GrossTonnesPerTeu);
        return new CorridorCapacities(network, conversions, crossings);
    }
}
