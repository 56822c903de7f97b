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
        var network = Network(request);
        return network.IsValid
            ? Outcome<NetworkSummaryDocument>.Ok(NetworkSummaryDocument.Of(network.Value))
            : Outcome<NetworkSummaryDocument>.Invalid(network.Problems);
    }

    /// <summary>The frozen network of a year and service level (for the GeoJSON export).</summary>
    public Outcome<CorridorNetwork> Network(NetworkInfoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (YearProblem(request.Year) is { } problem)
        {
            problems.Add(problem);
        }

        var level = ServiceLevels.Parse(request.ServiceLevel, allowBoth: false, "serviceLevel", problems)[0];
        return problems.Count > 0
            ? Outcome<CorridorNetwork>.Invalid(problems)
            : Outcome<CorridorNetwork>.Ok(workspace.Snapshot(request.Year ?? NetworkYears.Default, level).Network);
    }

    /// <summary>What opens, closes or changes between two network years (<c>network diff</c>); both years are checked.</summary>
    public Outcome<NetworkDiffDocument> Diff(NetworkDiffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (YearProblem(request.FromYear) is { } fromProblem)
        {
            problems.Add(fromProblem with { Field = "fromYear" });
        }

        if (YearProblem(request.ToYear) is { } toProblem)
        {
            problems.Add(toProblem with { Field = "toYear" });
        }

        if (problems.Count > 0)
        {
            return Outcome<NetworkDiffDocument>.Invalid(problems);
        }

        return Outcome<NetworkDiffDocument>.Ok(NetworkDiffDocument.Of(workspace.Snapshot(request.FromYear).Network, workspace.Snapshot(request.ToYear).Network));
    }

    /// <summary>
    /// Checks every data file of <paramref name="directory"/> that a command reads (network tables, reliability.csv,
    /// sea/) and reports every problem (<see cref="NetworkLoader.Validate"/>). An empty or malformed path is a problem
    /// of the <c>directory</c> field; a missing directory is a located diagnostic.
    /// </summary>
    public static Outcome<DataValidation> Validate(string directory)
    {
        var problems = new List<RequestProblem>();
        if (!WorkspaceOptions.Check(directory, "directory", "The data directory", problems))
        {
            return Outcome<DataValidation>.Invalid(problems);
        }

        var result = NetworkLoader.Validate(directory);
        return Outcome<DataValidation>.Ok(new DataValidation(ValidationDocument.Of(directory, result), result));
    }

    /// <summary>The problem of a network year outside the data's years, else null.</summary>
    internal static RequestProblem? YearProblem(int? year) => year is { } y && y is < NetworkYears.Min or > NetworkYears.Max
        ? new RequestProblem("year", string.Create(CultureInfo.InvariantCulture, $"{y} is outside the years the network data covers ({NetworkYears.Min}–{NetworkYears.Max})."))
        : null;
}

/// <summary>The outcome of <see cref="NetworkService.Validate"/>: the document and the load result it describes.</summary>
/// <param name="Document">The validation document (<c>--json</c>).</param>
/// <param name="Result">Every diagnostic of every file, and the definition when there is no error.</param>
public sealed record DataValidation(ValidationDocument Document, NetworkLoadResult Result);
