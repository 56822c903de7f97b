using System.Text.Json;
using Corridors.Application.Requests;
using Corridors.Application.Runs;
using Corridors.Application.Workspace;

namespace Corridors.Api;

/// <summary>
/// The route documents answered lately, by normalised request: the bound <see cref="RouteRequest"/> (so spacing, field
/// order and letter case of the body do not matter), the scenario it runs under (name and content fingerprint), the
/// data fingerprint and, when the request gives no departure, today's date (the default departure). Snapshots are
/// immutable and every stochastic part is seeded, so the same key gives the same bytes; a hit skips routing and
/// serialising, and is still stored as a run of its own. At most <see cref="ApiHostOptions.RouteCacheEntries"/>
/// documents are held (least recently used dropped).
/// </summary>
internal sealed class RouteAnswers(ApiHostOptions options)
{
    private readonly BoundedCache<string, Answer>? _answers = options.RouteCacheEntries > 0 ? new(options.RouteCacheEntries, StringComparer.Ordinal) : null;

    /// <summary>A document as returned, and what its stored run records besides it.</summary>
    /// <param name="Json">The document.</param>
    /// <param name="Year">Network year.</param>
    /// <param name="Seed">Seed of a percentile simulation.</param>
    /// <param name="Scenario">Scenario name, null for the baseline.</param>
    /// <param name="ScenarioFingerprint">Scenario fingerprint.</param>
    public sealed record Answer(string Json, int Year, long? Seed, string? Scenario, string? ScenarioFingerprint)
    {
        /// <summary>The stored run's description for a request with body <paramref name="body"/>.</summary>
        public RunInfo Info(string command, string body) => new(command, body, Year, Seed) { Scenario = Scenario, ScenarioFingerprint = ScenarioFingerprint };
    }

    /// <summary>
    /// The key of <paramref name="request"/> under <paramref name="workspace"/>, or null when it is not cached (caching
    /// is off, or the request names a preset that does not open: the service reports it).
    /// </summary>
    public string? Key(CorridorsWorkspace workspace, RouteRequest request)
    {
        if (_answers is null)
        {
            return null;
        }

        var scenario = workspace.Scenario;
        if (!string.IsNullOrWhiteSpace(request.Query.Scenario))
        {
            // The preset is read again (as the service does), so an edited preset file is a new key.
            var opened = workspace.Scenarios.Open(request.Query.Scenario, allowFiles: false);
            if (!opened.IsValid)
            {
                return null;
            }

            scenario = opened.Value.Scenario;
        }

        var today = string.IsNullOrWhiteSpace(request.Query.Depart) ? workspace.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return string.Join('\n', workspace.DataFingerprint, scenario?.Key ?? CorridorsWorkspace.BaselineScenario, scenario?.Fingerprint, today, JsonSerializer.Serialize(request, JsonBody.Options));
    }

    /// <summary>The answer of <paramref name="key"/> when it is held.</summary>
    public bool TryGet(string? key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Answer answer)
    {
        answer = null;
        return key is not null && _answers!.TryGetValue(key, out answer);
    }

    /// <summary>Holds <paramref name="answer"/> for <paramref name="key"/> (nothing when <paramref name="key"/> is null).</summary>
    public void Set(string? key, Answer answer)
    {
        if (key is not null)
        {
            _answers!.Set(key, answer);
        }
    }
}
