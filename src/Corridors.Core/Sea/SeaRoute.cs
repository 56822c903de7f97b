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

    /// <summary>A required passage is too small for the vessel (<see cref="SeaRouteRequest.VesselTeu"/>).</summary>
    VesselTooLarge,
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

    /// <summary>
    /// Container-ship size in TEU: passages whose <see cref="PassageSizeLimit.MaxTeu"/> is smaller are not used
    /// (see <see cref="SeaGraph.PassagesClosedTo"/>). Zero (the default of a new request) applies no size limit;
    /// <see cref="MainlineVesselTeu"/> is the typical Asia–North Europe ship.
    /// </summary>
    public int VesselTeu { get; init; }

    /// <summary>Typical vessel of an Asia–North Europe mainline service, in TEU.</summary>
    /// <value>
    /// 17,000 TEU: Sea-Intelligence (via Lloyd's List, 'Red Sea rerouting sees no change in boxship size', 11 March 2024,
    /// https://mykn.kuehne-nagel.com/news/article/red-sea-rerouting-sees-no-change-in-boxship-s-12-Mar-2024): the average
    /// vessel size on Asia–northern Europe has been stable at 17,000–18,000 TEU since January 2023 (picked the low end).
    /// Range in other sources: 15,217 TEU (Alphaliner, Asia–Europe average, 1 August 2022) to 18,000 TEU.
    /// Either way larger than the Panama Canal's Neopanamax limit (about 14,000 TEU).
    /// </value>
    public const int MainlineVesselTeu = 17000;

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
/// <param name="PassageMask">Passages traversed (bits of <see cref="SeaGraph.Passages"/>); for <see cref="SeaRouteStatus.VesselTooLarge"/>, the required passages too small for the vessel.</param>
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
