namespace Corridors.Application.Requests;

/// <summary><c>bypass</c>: maximum TEU per year from one region to another with countries avoided.</summary>
/// <param name="FromRegion">Origin region: an ISO country code (<c>CN</c>) or a membership in countries.csv (<c>EU</c>).</param>
/// <param name="ToRegion">Destination region, the same way.</param>
/// <param name="Avoid">ISO codes of countries closed to transit.</param>
/// <param name="Year">Network year (<see cref="NetworkYears.Default"/> when null).</param>
/// <param name="WithSea">Keep ocean legs (overland only by default).</param>
public sealed record BypassRequest(string? FromRegion, string? ToRegion, IReadOnlyList<string> Avoid, int? Year = null, bool WithSea = false);

/// <summary><c>leverage</c>: the share of a region pair's maximum flow each transit country could stop.</summary>
/// <param name="FromRegion">Origin region.</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Year">Network year.</param>
/// <param name="WithSea">Keep ocean legs.</param>
/// <param name="Avoid">Countries already closed in every run (e.g. RU, to ask who holds the keys to the bypass).</param>
public sealed record LeverageRequest(string? FromRegion, string? ToRegion, int? Year = null, bool WithSea = false, IReadOnlyList<string>? Avoid = null);

/// <summary><c>assign --tntp</c>: user equilibrium on a network in the TNTP formats.</summary>
/// <param name="NetworkFile">The <c>*_net.tntp</c> file.</param>
/// <param name="TripsFile">The <c>*_trips.tntp</c> file.</param>
/// <param name="Gap">Target relative gap (1e-5 when null).</param>
/// <param name="MaxIterations">Iteration limit (1000 when null).</param>
/// <param name="Method"><c>gp</c> (gradient projection, default), <c>bfw</c> (bi-conjugate Frank–Wolfe) or <c>fw</c>.</param>
/// <param name="TollFactor">Weight of tolls in the cost (the file's &lt;TOLL FACTOR&gt; when null).</param>
/// <param name="DistanceFactor">Weight of length in the cost (the file's &lt;DISTANCE FACTOR&gt; when null).</param>
public sealed record TntpAssignRequest(
    string? NetworkFile,
    string? TripsFile,
    double? Gap = null,
    int? MaxIterations = null,
    string? Method = null,
    double? TollFactor = null,
    double? DistanceFactor = null);

/// <summary><c>assign --demand</c>: region-to-region TEU demand assigned to the year's corridor network.</summary>
/// <param name="DemandFile">A <c>data/demand/*.csv</c> file.</param>
/// <param name="Year">Network year (the demand rows of that year are used); the demand file's single year when null.</param>
/// <param name="Method"><c>ue</c> (user equilibrium, default) or <c>so</c> (system optimum).</param>
/// <param name="Scale">Factor applied to every demand row (1 when null), for growth scenarios.</param>
/// <param name="Gap">Target relative gap (1e-5 when null).</param>
/// <param name="MaxIterations">Iteration limit (1000 when null).</param>
/// <param name="UnservedPenaltyUsd">System optimum: USD per TEU left unserved (<see cref="Services.CapacityService.DefaultUnservedPenaltyUsd"/> when null).</param>
/// <param name="DemandYear">The demand rows of this year are assigned (the network year when null), so a later network can carry a file's demand.</param>
public sealed record CorridorAssignRequest(
    string? DemandFile, int? Year = null, string? Method = null, double? Scale = null, double? Gap = null, int? MaxIterations = null,
    double? UnservedPenaltyUsd = null, int? DemandYear = null);

/// <summary><c>invest</c>: which planned project adds the most bypass capacity on its own.</summary>
/// <param name="FromRegion">Origin region.</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Avoid">Countries closed to transit.</param>
/// <param name="Year">Base year: the network in service that year.</param>
/// <param name="Horizon">Last opening year of the projects considered (<see cref="NetworkYears.Max"/> when null).</param>
/// <param name="WithSea">Keep ocean legs.</param>
public sealed record InvestmentRequest(string? FromRegion, string? ToRegion, IReadOnlyList<string> Avoid, int? Year = null, int? Horizon = null, bool WithSea = false);
