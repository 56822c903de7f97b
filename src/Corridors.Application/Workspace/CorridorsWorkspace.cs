using System.Collections.Concurrent;
using Corridors.Application.Runs;
using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Data.Store;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Reliability;
using Microsoft.Extensions.Logging;

namespace Corridors.Application.Workspace;

/// <summary>
/// The one entry object of the application layer, built once from <see cref="WorkspaceOptions"/> (as
/// <c>NpgsqlDataSource</c> is built from its builder) and shared by every request and thread. It loads lazily: the
/// network definition on first use, one <see cref="NetworkSnapshot"/> per (scenario, year) when first asked for,
/// the reliability model and the sea-lane graph only when a request needs them. Everything it hands out is
/// immutable, except the routers and sea routers that snapshots lend per call.
/// </summary>
/// <remarks>
/// Loading failures (bad data files) throw <see cref="InputDataException"/> with every diagnostic, every time the
/// failed part is asked for; warnings are logged once (category <c>Corridors.Data</c>: network and sea-leg routing
/// warnings at Debug; reliability warnings and a damaged sea-leg cache, CORR0127, at Warning).
/// </remarks>
public sealed class CorridorsWorkspace
{
    /// <summary>The scenario name of the unmodified bundled or given data.</summary>
    public const string BaselineScenario = "baseline";

    private readonly Lazy<NetworkDefinition> _definition;
    private readonly Lazy<ReliabilityModel> _reliability;
    private readonly Lazy<SeaDataLoadResult> _seaData;
    private readonly Lazy<SeaSnapshot> _sea;
    private readonly Lazy<Services.PublishedRates> _publishedRates;
    private readonly Lazy<string> _fingerprint;
    private readonly ConcurrentDictionary<(string Scenario, int Year, ServiceLevel Level), Lazy<NetworkSnapshot>> _snapshots = new();
    private readonly ILogger _dataLog;

    /// <summary>Creates the workspace; nothing is loaded until asked for.</summary>
    public CorridorsWorkspace(WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        _dataLog = options.LoggerFactory.CreateLogger("Corridors.Data");
        _seaData = new(() => SeaDataLoader.Load(DataDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _definition = new(LoadDefinition, LazyThreadSafetyMode.ExecutionAndPublication);
        _reliability = new(LoadReliability, LazyThreadSafetyMode.ExecutionAndPublication);
        _sea = new(LoadSea, LazyThreadSafetyMode.ExecutionAndPublication);
        _fingerprint = new(() => ResultStore.Fingerprint(DataDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _publishedRates = new(() => new Services.PublishedRates(this), LazyThreadSafetyMode.ExecutionAndPublication);
        Runs = new RunRecorder(this);
    }

    /// <summary>The options the workspace was built from.</summary>
    public WorkspaceOptions Options { get; }

    /// <summary>The data directory as a full path.</summary>
    public string DataDirectory { get; }

    /// <summary>The clock (<see cref="WorkspaceOptions.TimeProvider"/>).</summary>
    public TimeProvider Clock => Options.TimeProvider;

    /// <summary>The validated network definition with sea-lane distances applied.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkDefinition Definition => _definition.Value;

    /// <summary>The reliability model (<c>reliability.csv</c>).</summary>
    /// <exception cref="InputDataException">The file has errors.</exception>
    public ReliabilityModel ReliabilityModel => _reliability.Value;

    /// <summary>True when the data directory has a sea-lane network (<c>sea/</c>).</summary>
    public bool HasSeaLanes => SeaDataLoader.Exists(DataDirectory);

    /// <summary>The sea-lane graph and its gazetteer.</summary>
    /// <exception cref="InputDataException">The sea-lane files are missing or have errors.</exception>
    public SeaSnapshot Sea => _sea.Value;

    /// <summary>The port gazetteer (<c>data/sea/ports.csv</c>), read with the sea lanes on first use; empty without them.</summary>
    public IReadOnlyList<SeaPort> Gazetteer => HasSeaLanes ? _seaData.Value.Ports : [];

    /// <summary>SHA-256 over the data files: which data a stored run was computed from.</summary>
    public string DataFingerprint => _fingerprint.Value;

    /// <summary>Published all-in corridor rates (data/validation/cases.csv), read on first use.</summary>
    public Services.PublishedRates PublishedRates => _publishedRates.Value;

    /// <summary>Stores results in the run store (<see cref="WorkspaceOptions.StorePath"/>).</summary>
    public RunRecorder Runs { get; }

    /// <summary>The network of <paramref name="year"/> under <paramref name="scenario"/>, built once and shared.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkSnapshot Snapshot(int year, string scenario = BaselineScenario) => Snapshot(year, ServiceLevel.Groupage, scenario);

    /// <summary>
    /// The network of <paramref name="year"/> under <paramref name="scenario"/> with the times of service level
    /// <paramref name="level"/>, built once and shared.
    /// </summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkSnapshot Snapshot(int year, ServiceLevel level, string scenario = BaselineScenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!string.Equals(scenario, BaselineScenario, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unknown scenario '{scenario}'; only '{BaselineScenario}' exists so far.", nameof(scenario));
        }

        var lazy = _snapshots.GetOrAdd((scenario, year, level), key => new Lazy<NetworkSnapshot>(
            () => new NetworkSnapshot(this, key.Scenario, CorridorNetwork.Build(Definition, key.Year, key.Level)),
            LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    private NetworkDefinition LoadDefinition()
    {
        var result = NetworkLoader.Load(DataDirectory);
        foreach (var d in result.Diagnostics)
        {
            if (!d.IsError)
            {
                Log.DataDiagnostic(_dataLog, LogLevel.Debug, d.ToString());
            }
        }

        var definition = result.GetDefinitionOrThrow();

        // Sea legs take their distance from the sea-lane graph (docs/DATA.md, "Sea lanes").
        var sea = new DiagnosticBag();
        definition = SeaDataLoader.WithSeaLaneDistances(definition, DataDirectory, sea, Options.CacheDirectory, () => _seaData.Value);
        foreach (var d in sea.Items)
        {
            if (!d.IsError)
            {
                // A damaged sea-leg cache (CORR0127) is said at the default level: it was discarded and rebuilt.
                Log.DataDiagnostic(_dataLog, d.Code == "CORR0127" ? LogLevel.Warning : LogLevel.Debug, d.ToString());
            }
        }

        sea.ThrowIfErrors();
        Log.NetworkLoaded(_dataLog, NetworkLoader.DisplayPath(DataDirectory), definition.Nodes.Count, definition.Legs.Count);
        return definition;
    }

    private ReliabilityModel LoadReliability()
    {
        var bag = new DiagnosticBag();
        var model = NetworkLoader.LoadReliability(DataDirectory, bag, Definition);
        foreach (var d in bag.Items)
        {
            if (!d.IsError)
            {
                Log.DataDiagnostic(_dataLog, LogLevel.Warning, d.ToString());
            }
        }

        bag.ThrowIfErrors();
        return model;
    }

    private SeaSnapshot LoadSea()
    {
        var data = _seaData.Value;
        var graph = data.GetGraphOrThrow();
        // The corridor network's seaports come first in the gazetteer, so 'Poti' means the network's node. A data
        // directory with sea lanes but no network files is allowed (sea-only questions).
        var definition = File.Exists(Path.Combine(DataDirectory, "nodes.csv")) ? Definition : null;
        return new SeaSnapshot(graph, data.Ports, definition);
    }
}
