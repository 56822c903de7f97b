using System.Globalization;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Network;

namespace Corridors.Application.Services;

/// <summary><c>network info</c>, <c>export geojson</c> and <c>data validate</c>.</summary>
/// <param name="workspace">The workspace.</param>
public sealed class NetworkService(CorridorsWorkspace workspace)
{
    /// <summary>What the network of a year contains.</summary>
    public Outcome<NetworkSummaryDocument> Info(NetworkInfoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Year(request.Year) is { } problem
            ? Outcome<NetworkSummaryDocument>.Invalid([problem])
            : Outcome<NetworkSummaryDocument>.Ok(NetworkSummaryDocument.Of(workspace.Snapshot(request.Year ?? NetworkYears.Default).Network));
    }

    /// <summary>The frozen network of a year (for the GeoJSON export).</summary>
    public Outcome<CorridorNetwork> Network(NetworkInfoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Year(request.Year) is { } problem
            ? Outcome<CorridorNetwork>.Invalid([problem])
            : Outcome<CorridorNetwork>.Ok(workspace.Snapshot(request.Year ?? NetworkYears.Default).Network);
    }

    /// <summary>Checks the data files of <paramref name="directory"/> (default: the workspace's) and reports every problem.</summary>
    public static (ValidationDocument Document, NetworkLoadResult Result) Validate(string directory)
    {
        var result = NetworkLoader.Load(directory);
        return (ValidationDocument.Of(directory, result), result);
    }

    private static RequestProblem? Year(int? year) => year is { } y && y is < NetworkYears.Min or > NetworkYears.Max
        ? new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"{y} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max})."))
        : null;
}
