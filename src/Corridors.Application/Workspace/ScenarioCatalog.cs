using System.Collections.Concurrent;
using Corridors.Application.Requests;
using Corridors.Data.Scenarios;
using Corridors.Diagnostics;
using Corridors.Scenarios;

namespace Corridors.Application.Workspace;

/// <summary>
/// The scenarios of a workspace: the presets of <c>data/scenarios/</c> and scenario files given by path, read and
/// checked against the baseline definition (<see cref="ScenarioReader"/>) and applied once per file content
/// (<see cref="ScenarioApplier"/>). Thread-safe.
/// </summary>
public sealed class ScenarioCatalog
{
    /// <summary>The name diagnostics of a scenario given as text carry as their file.</summary>
    public const string InlineFile = "(request)";

    private readonly CorridorsWorkspace _workspace;
    private readonly BoundedCache<string, AppliedScenario> _applied;
    private readonly ConcurrentDictionary<string, bool> _named = new(StringComparer.Ordinal);

    internal ScenarioCatalog(CorridorsWorkspace workspace)
    {
        _workspace = workspace;
        _applied = new(workspace.Options.MaxCachedScenarios, StringComparer.Ordinal);
    }

    /// <summary>Applied scenarios held in memory now (at most <see cref="WorkspaceOptions.MaxCachedScenarios"/>).</summary>
    public int CachedCount => _applied.Count;

    /// <summary>The preset directory: <c>scenarios/</c> of the data directory.</summary>
    public string PresetDirectory => Path.Combine(_workspace.DataDirectory, "scenarios");

    /// <summary>The reader, checking against the baseline definition.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public ScenarioReader Reader => new(_workspace.BaseDefinition, PresetDirectory);

    /// <summary>The preset names, sorted.</summary>
    public IReadOnlyList<string> Presets => Directory.Exists(PresetDirectory)
        ? [.. Directory.EnumerateFiles(PresetDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>
    /// The file <paramref name="text"/> names: a preset (case-insensitive), or with <paramref name="allowFiles"/> a
    /// path to a <c>.json</c> file; or a problem for <paramref name="field"/> with the presets and a suggestion.
    /// </summary>
    public Outcome<string> Locate(string text, bool allowFiles, string field = "scenario")
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        if (name.Length > RequestText.MaxLength)
        {
            return Outcome<string>.Invalid(field, RequestText.TooLong("A scenario name"));
        }

        var preset = Presets.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
        if (preset is not null)
        {
            return Outcome<string>.Ok(Path.Combine(PresetDirectory, preset + ".json"));
        }

        var looksLikeFile = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal);
        if (allowFiles && looksLikeFile)
        {
            return File.Exists(name)
                ? Outcome<string>.Ok(Path.GetFullPath(name))
                : Outcome<string>.Invalid(field, $"The scenario file '{RequestText.Quote(name)}' does not exist.");
        }

        var suggestion = Routing.PlaceResolver.Closest(name.ToLowerInvariant(), Presets);
        var known = $"presets: {string.Join(", ", Presets.Prepend(CorridorsWorkspace.BaselineScenario))}";
        return Outcome<string>.Invalid(field, suggestion is not null
            ? $"Unknown scenario '{RequestText.Quote(name)}'; did you mean '{suggestion}'? ({known})."
            : $"Unknown scenario '{RequestText.Quote(name)}'; {known}{(allowFiles ? ", or a .json file" : string.Empty)}.");
    }

    /// <summary>Reads and checks the scenario <paramref name="text"/> names, with every diagnostic.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public Outcome<ScenarioLoadResult> Load(string text, bool allowFiles, string field = "scenario")
    {
        var located = Locate(text, allowFiles, field);
        return located.IsValid ? Outcome<ScenarioLoadResult>.Ok(Reader.Load(located.Value)) : located.Cast<ScenarioLoadResult>();
    }

    /// <summary>
    /// The workspace under the scenario <paramref name="text"/> names (<c>baseline</c>, null or empty: the baseline),
    /// or the problem of the name. A file with errors throws <see cref="InputDataException"/> with every diagnostic.
    /// </summary>
    /// <exception cref="InputDataException">The data files or the scenario file have errors.</exception>
    public Outcome<CorridorsWorkspace> Open(string? text, bool allowFiles, string field = "scenario")
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), CorridorsWorkspace.BaselineScenario, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<CorridorsWorkspace>.Ok(_workspace.Baseline);
        }

        var loaded = Load(text, allowFiles, field);
        if (!loaded.IsValid)
        {
            return loaded.Cast<CorridorsWorkspace>();
        }

        return Outcome<CorridorsWorkspace>.Ok(_workspace.ForScenario(Apply(loaded.Value)));
    }

    /// <summary>
    /// A scenario built in code (a sweep case) applied to the baseline definition, once per
    /// <paramref name="fingerprint"/>, which must identify its content.
    /// </summary>
    public AppliedScenario Apply(Scenario scenario, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        return _applied.GetOrAdd($"{scenario.Name}\0{fingerprint}", _ => new AppliedScenario(scenario, fingerprint, ScenarioApplier.Apply(_workspace.BaseDefinition, scenario)));
    }

    /// <summary>
    /// True when <paramref name="scenario"/> came from a file (a preset or a file the CLI was given), false when it
    /// was given by content (inline in a request, a sweep case): only named scenarios keep derived caches on disk.
    /// </summary>
    public bool IsNamed(AppliedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _named.ContainsKey(scenario.Key);
    }

    /// <summary>
    /// The workspace under a scenario given as JSON text (a request's inline <c>scenario</c> object), read and checked
    /// as a file is (<see cref="ScenarioReader.Parse"/>: <c>extends</c> names presets only) and keyed by its content
    /// fingerprint, or every error as a problem of <paramref name="field"/> and the JSON path within it
    /// (<c>scenario.closures[0].country</c>).
    /// </summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public Outcome<CorridorsWorkspace> OpenText(string json, string field = "scenario")
    {
        ArgumentNullException.ThrowIfNull(json);
        var loaded = Reader.Parse(json, InlineFile);
        return loaded.IsValid
            ? Outcome<CorridorsWorkspace>.Ok(_workspace.ForScenario(Apply(loaded.Scenario!, loaded.Fingerprint)))
            : Outcome<CorridorsWorkspace>.Invalid(Problems(loaded, field));
    }

    /// <summary>
    /// The errors of a scenario given as text as request problems: a diagnostic at <c>$.a.b</c> is a problem of
    /// <c>field.a.b</c> (its hint appended); errors in a preset it extends are problems of <c>field.extends</c>.
    /// </summary>
    public static IReadOnlyList<RequestProblem> Problems(ScenarioLoadResult loaded, string field = "scenario")
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var problems = new List<RequestProblem>();
        foreach (var d in loaded.Diagnostics.Where(d => d.IsError))
        {
            var (path, message) = SplitPath(d.Message);
            var hint = d.Hint is null ? string.Empty : " " + d.Hint;
            problems.Add(d.File == InlineFile
                ? new RequestProblem(field + path, message + hint)
                : new RequestProblem(field + ".extends", $"{d}"));
        }

        return problems.Count > 0 || loaded.IsValid ? problems : [new RequestProblem(field, "The scenario is not valid.")];
    }

    /// <summary><c>$.closures[0].country: unknown ...</c> → (<c>.closures[0].country</c>, <c>unknown ...</c>).</summary>
    internal static (string Path, string Message) SplitPath(string message)
    {
        if (message.StartsWith('$'))
        {
            var colon = message.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                var rest = message[(colon + 2)..];
                return (message[1..colon], rest.Length > 0 ? char.ToUpperInvariant(rest[0]) + rest[1..] : rest);
            }
        }

        return (string.Empty, message);
    }

    /// <summary>The scenario of a checked file applied to the baseline definition, once per file content.</summary>
    /// <exception cref="InputDataException">The scenario has errors.</exception>
    public AppliedScenario Apply(ScenarioLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var applied = Apply(loaded.GetScenarioOrThrow(), loaded.Fingerprint);
        _named[applied.Key] = true;
        return applied;
    }
}
