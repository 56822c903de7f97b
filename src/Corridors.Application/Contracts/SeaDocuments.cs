using System.Text.Json.Serialization;

namespace Corridors.Application.Contracts;

/// <summary>
/// The <c>sea</c> document: distance, time, passages and geometry of one port-to-port route, or
/// <c>distanceKm: null</c> and a reason. Fields may be added; none may be renamed.
/// </summary>
public sealed record SeaRouteDocument
{
    /// <summary>Distance in km; null when there is no route.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Why there is no route.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>Distance in nautical miles.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DistanceNm { get; init; }

    /// <summary>Sailing hours at <see cref="Knots"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Hours { get; init; }

    /// <summary>Passages crossed, in order.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Passages { get; init; }

    /// <summary>The route as a GeoJSON LineString (unless left out).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LineStringContract? Geometry { get; init; }

    /// <summary>Vessel speed used for <see cref="Hours"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Knots { get; init; }

    /// <summary>Distance along the lanes (without the port-to-lane snaps).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LaneKm { get; init; }

    /// <summary>Port-to-lane distances at each end.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SnapContract? SnapKm { get; init; }

    /// <summary>The origin as resolved.</summary>
    public required SeaPlaceContract From { get; init; }

    /// <summary>The destination as resolved.</summary>
    public required SeaPlaceContract To { get; init; }

    /// <summary>Passages avoided (asked for, or controlled by an avoided country).</summary>
    public required IReadOnlyList<string> AvoidedPassages { get; init; }

    /// <summary>Passages the route had to cross.</summary>
    public required IReadOnlyList<string> ViaPassages { get; init; }

    /// <summary>Vessel size in TEU.</summary>
    public required int VesselTeu { get; init; }

    /// <summary>Passages in the lane network too small for the vessel.</summary>
    public required IReadOnlyList<string> PassagesTooSmall { get; init; }
}

/// <summary>A GeoJSON LineString.</summary>
/// <param name="Type">Always <c>LineString</c>.</param>
/// <param name="Coordinates">Positions as [lon, lat].</param>
public sealed record LineStringContract(string Type, IReadOnlyList<double[]> Coordinates);

/// <summary>Port-to-lane distances, km.</summary>
public sealed record SnapContract(double From, double To);

/// <summary>A resolved sea place.</summary>
/// <param name="Query">What was asked for.</param>
/// <param name="Id">Node id or UN/LOCODE; null for coordinates.</param>
/// <param name="Name">Display name; null for coordinates.</param>
/// <param name="Country">ISO code; null for coordinates.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Lat">Latitude.</param>
public sealed record SeaPlaceContract(string Query, string? Id, string? Name, string? Country, double Lon, double Lat);

/// <summary>The <c>sea --pairs</c> document: one route per pair, with routing timings.</summary>
/// <param name="Results">One route document per pair, in order.</param>
/// <param name="QueryMicrosecondsP50">Median routing time per pair.</param>
/// <param name="TotalSeconds">Total routing time.</param>
public sealed record SeaBatchDocument(IReadOnlyList<SeaRouteDocument> Results, double QueryMicrosecondsP50, double TotalSeconds);
