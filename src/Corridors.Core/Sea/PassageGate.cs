namespace Corridors.Sea;

/// <summary>
/// A gate line across a strait, canal or cape: a sea lane segment that crosses the line traverses the passage.
/// Gates are drawn from land to land so that only the lanes through the passage cross them.
/// </summary>
/// <param name="Id">Passage id as in <c>data/passages.csv</c> (<c>suez</c>, <c>cape-good-hope</c>, ...).</param>
/// <param name="Lon1">Longitude of the first end in degrees.</param>
/// <param name="Lat1">Latitude of the first end in degrees.</param>
/// <param name="Lon2">Longitude of the second end in degrees.</param>
/// <param name="Lat2">Latitude of the second end in degrees.</param>
/// <param name="Countries">ISO codes of the coastal or controlling countries; avoiding one of them avoids the passage.</param>
public sealed record PassageGate(string Id, double Lon1, double Lat1, double Lon2, double Lat2, IReadOnlyList<string> Countries)
{
    /// <summary>Largest vessel the passage admits, or null when it has no size limit that matters for container ships.</summary>
    public PassageSizeLimit? SizeLimit { get; init; }
}

/// <summary>
/// The largest vessel a canal or strait admits (locks, width, depth). Routing uses <see cref="MaxTeu"/>: a route for a
/// vessel larger than that must not traverse the passage. The dimensions are kept for display and provenance.
/// </summary>
/// <param name="MaxTeu">Largest container ship in TEU that fits, or null when no TEU figure applies.</param>
/// <param name="MaxLengthM">Largest length overall in metres, or null.</param>
/// <param name="MaxBeamM">Largest beam in metres, or null.</param>
/// <param name="MaxDraftM">Largest draft in metres, or null.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record PassageSizeLimit(int? MaxTeu, double? MaxLengthM, double? MaxBeamM, double? MaxDraftM, string Source);

/// <summary>
/// A landlocked water body (the Caspian) given by a bounding box. Lane fragments lying wholly inside it are kept
/// out of the routing graph but remembered, so that a query from such a basin is answered "no sea route" with the
/// basin's name instead of being snapped to a far-away ocean lane.
/// </summary>
/// <param name="Id">Basin id, e.g. <c>caspian</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="MinLon">West edge in degrees.</param>
/// <param name="MinLat">South edge in degrees.</param>
/// <param name="MaxLon">East edge in degrees.</param>
/// <param name="MaxLat">North edge in degrees.</param>
public sealed record LandlockedBasin(string Id, string Name, double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>True when the point lies inside the box.</summary>
    public bool Contains(double lon, double lat) => lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;
}

/// <summary>What the builder kept and dropped, for logs and docs.</summary>
/// <param name="InputLines">Polylines given to the builder.</param>
/// <param name="InputCoordinates">Coordinates given, before de-duplication.</param>
/// <param name="DistinctVertices">Vertices after de-duplication (1e-5 degree grid) and antimeridian stitching.</param>
/// <param name="StitchedAntimeridianVertices">Coordinates at longitude -180 folded onto +180 (stitching the antimeridian).</param>
/// <param name="Components">Connected components before pruning.</param>
/// <param name="KeptVertices">Vertices of the routing graph (the largest component).</param>
/// <param name="BasinVertices">Vertices kept aside as landlocked-basin lanes (not routable).</param>
/// <param name="DroppedComponents">Small components dropped (fragments not connected to the ocean network).</param>
/// <param name="DroppedVertices">Vertices in the dropped components.</param>
/// <param name="GateCrossings">Number of lane segments crossing each gate, by passage id (0 = passage not in the network).</param>
public sealed record SeaGraphBuildReport(
    int InputLines,
    int InputCoordinates,
    int DistinctVertices,
    int StitchedAntimeridianVertices,
    int Components,
    int KeptVertices,
    int BasinVertices,
    int DroppedComponents,
    int DroppedVertices,
    IReadOnlyDictionary<string, int> GateCrossings);
