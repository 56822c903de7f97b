using System.Collections.Frozen;

namespace Corridors.Network;

/// <summary>
/// The validated, year-independent description of the corridor network as loaded from data files. Freeze it
/// for a given year with <see cref="CorridorNetwork.Build(NetworkDefinition, int)"/>.
/// </summary>
public sealed class NetworkDefinition
{
    /// <summary>Creates a definition. Callers (the loader, test builders) are responsible for validation.</summary>
    public NetworkDefinition(
        IReadOnlyList<Country> countries,
        IReadOnlyList<Passage> passages,
        IReadOnlyList<Node> nodes,
        IReadOnlyList<Leg> legs,
        IReadOnlyList<Vessel> vessels,
        IReadOnlyList<Service> services,
        IReadOnlyList<EmissionFactor> emissionFactors,
        IReadOnlyList<Parameter> parameters)
    {
        Countries = countries;
        Passages = passages;
        Nodes = nodes;
        Legs = legs;
        Vessels = vessels;
        Services = services;
        EmissionFactors = emissionFactors;
        Parameters = parameters;
        CountryById = countries.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        PassageById = passages.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        NodeById = nodes.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
        LegById = legs.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        VesselById = vessels.ToFrozenDictionary(v => v.Id, StringComparer.Ordinal);
        EmissionFactorById = emissionFactors.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        ParameterByKey = parameters.ToFrozenDictionary(p => p.Key, StringComparer.Ordinal);
        ServicesByLeg = services.GroupBy(s => s.Leg, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Service>)g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Times that depend on the service level (service_levels.csv), in file order.</summary>
    /// <value>Empty: every level runs on the legs' and nodes' own figures.</value>
    public IReadOnlyList<ServiceLevelFigure> ServiceLevelFigures { get; init; } = [];

    /// <summary>Passage tolls, surcharges and per-load fees (charges.csv), in file order.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<Charge> Charges { get; init; } = [];

    /// <summary>Direction-dependent tariff factors (rate_factors.csv), in file order.</summary>
    /// <value>Empty.</value>
    public IReadOnlyList<RateFactor> RateFactors { get; init; } = [];

    /// <summary>Other names of the nodes (place_names.csv): UN/LOCODEs, exonyms and aliases, in file order.</summary>
    /// <value>Empty: places are known by their nodes' ids, names and aliases only.</value>
    public IReadOnlyList<PlaceName> PlaceNames { get; init; } = [];

    /// <summary>Countries, in file order.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Passages, in file order.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Nodes, in file order.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Legs, in file order.</summary>
    public IReadOnlyList<Leg> Legs { get; }

    /// <summary>Vessels, in file order.</summary>
    public IReadOnlyList<Vessel> Vessels { get; }

    /// <summary>Services, in file order.</summary>
    public IReadOnlyList<Service> Services { get; }

    /// <summary>Emission factors, in file order.</summary>
    public IReadOnlyList<EmissionFactor> EmissionFactors { get; }

    /// <summary>Global parameters, in file order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Countries by ISO code.</summary>
    public FrozenDictionary<string, Country> CountryById { get; }

    /// <summary>Passages by id.</summary>
    public FrozenDictionary<string, Passage> PassageById { get; }

    /// <summary>Nodes by id.</summary>
    public FrozenDictionary<string, Node> NodeById { get; }

    /// <summary>Legs by id.</summary>
    public FrozenDictionary<string, Leg> LegById { get; }

    /// <summary>Vessels by id.</summary>
    public FrozenDictionary<string, Vessel> VesselById { get; }

    /// <summary>Emission factors by id.</summary>
    public FrozenDictionary<string, EmissionFactor> EmissionFactorById { get; }

    /// <summary>Parameters by key.</summary>
    public FrozenDictionary<string, Parameter> ParameterByKey { get; }

    /// <summary>Services grouped by the leg they run on.</summary>
    public FrozenDictionary<string, IReadOnlyList<Service>> ServicesByLeg { get; }

    /// <summary>A copy of this definition with other legs (same ids or not); everything else, service-level figures included, carries over.</summary>
    public NetworkDefinition WithLegs(IReadOnlyList<Leg> legs) => With(legs: legs);

    /// <summary>
    /// A copy of this definition with the tables given replaced and every other table carried over: the one place
    /// that knows every table, so derived definitions (sea-lane distances, scenarios) never drop one.
    /// </summary>
    public NetworkDefinition With(
        IReadOnlyList<Country>? countries = null,
        IReadOnlyList<Node>? nodes = null,
        IReadOnlyList<Leg>? legs = null,
        IReadOnlyList<Vessel>? vessels = null,
        IReadOnlyList<Service>? services = null,
        IReadOnlyList<ServiceLevelFigure>? serviceLevelFigures = null) =>
        new(countries ?? Countries, Passages, nodes ?? Nodes, legs ?? Legs, vessels ?? Vessels, services ?? Services, EmissionFactors, Parameters)
        {
            ServiceLevelFigures = serviceLevelFigures ?? ServiceLevelFigures,
            Charges = Charges,
            RateFactors = RateFactors,
            PlaceNames = PlaceNames,
        };

    /// <summary>Value of a parameter, or <paramref name="fallback"/> when the data does not define it.</summary>
    public double Parameter(string key, double fallback) =>
        ParameterByKey.TryGetValue(key, out var p) ? p.Value : fallback;

    /// <summary>The emission factor that applies to a leg: its own, else the default for its mode, else null.</summary>
    public EmissionFactor? EmissionFactorFor(Leg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.EmissionFactor is { } id && EmissionFactorById.TryGetValue(id, out var own))
        {
            return own;
        }

        foreach (var factor in EmissionFactors)
        {
            if (factor.IsDefault && factor.Mode == leg.Mode)
            {
                return factor;
            }
        }

        return null;
    }
}
