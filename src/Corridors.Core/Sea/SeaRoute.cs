using Corridors.Geo;

namespace Corridors.Sea;

/// <summary>Outcome of a sea-route query.</summary>
public enum SeaRouteStatus
{
    /// <summary>A route was found.</summary>
    Found,

    /// <summary>No route satisfies the constraints (avoided or required passages), or the ends are not connected.</summary>
    Unreachable,

    /// <summary>An end lies on a landlocked basin (the Caspian) with no sea connection to the ocean.</summary>
    Landlocked,

    /// <summary>An end is farther from any sea lane than the snapping limit.</summary>
    TooFarFromLanes,
}

/// <summary>A port-to-port sea-route query. Coordinates in degrees (WGS 84).</summary>
public readonly struct SeaRouteRequest
{
    /// <summary>Creates a request between two points with no constraints.</summary>
    public SeaRouteRequest(double fromLon, double fromLat, double toLon, double toLat)
    {
        FromLon = fromLon;
        FromLat = fromLat;
        ToLon = toLon;
        ToLat = toLat;
        MaxSnapKm = DefaultMaxSnapKm;
    }

    /// <summary>Default snapping limit in km.</summary>
    /// <value>300 km: farther than any bundled port from its nearest lane vertex (the densified network spaces vertices up to a few hundred km apart on the open ocean), near enough to refuse inland points.</value>
    public const double DefaultMaxSnapKm = 300;

    /// <summary>Origin longitude.</summary>
    public double FromLon { get; }

    /// <summary>Origin latitude.</summary>
    public double FromLat { get; }

    /// <summary>Destination longitude.</summary>
    public double ToLon { get; }

    /// <summary>Destination latitude.</summary>
    public double ToLat { get; }

    /// <summary>Passages the route must not traverse (bits of <see cref="SeaGraph.Passages"/>).</summary>
    public ulong AvoidMask { get; init; }

    /// <summary>Passages the route must traverse, each at least once (at most <see cref="SeaRouter.MaxVia"/> bits).</summary>
    public ulong ViaMask { get; init; }

    /// <summary>Largest distance in km from a point to its nearest lane vertex.</summary>
    /// <value><see cref="DefaultMaxSnapKm"/>.</value>
    public double MaxSnapKm { get; init; }
}

/// <summary>Result of a sea-route query. A value type: computing it allocates nothing.</summary>
/// <param name="Status">Outcome.</param>
/// <param name="DistanceKm">Port-to-port distance in km: access legs plus the lane path (NaN unless found).</param>
/// <param name="LaneKm">Length along the lanes between the snapped vertices in km.</param>
/// <param name="FromSnapKm">Great-circle distance from the origin to its snapped lane vertex.</param>
/// <param name="ToSnapKm">Great-circle distance from the destination to its snapped lane vertex.</param>
/// <param name="PassageMask">Passages traversed (bits of <see cref="SeaGraph.Passages"/>).</param>
/// <param name="Basin">The landlocked basin an end lies on, for <see cref="SeaRouteStatus.Landlocked"/>.</param>
/// <param name="BasinAtOrigin">True when the landlocked or too-far end is the origin.</param>
public readonly record struct SeaRoute(
    SeaRouteStatus Status,
    double DistanceKm,
    double LaneKm,
    double FromSnapKm,
    double ToSnapKm,
    ulong PassageMask,
    LandlockedBasin? Basin,
    bool BasinAtOrigin)
{
    /// <summary>True when a route was found.</summary>
    public bool IsFound => Status == SeaRouteStatus.Found;

    /// <summary>Distance in nautical miles.</summary>
    public double DistanceNm => DistanceKm / GeoMath.KmPerNauticalMile;

    /// <summary>Sailing time in hours at a constant speed in knots.</summary>
    public double Hours(double knots) => DistanceNm / knots;
}
