using Corridors.Application.Runs;
using Corridors.Data;
using Corridors.Data.Sea;
using Corridors.Data.Snapshot;
using Corridors.Data.Store;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Reliability;
using Corridors.Scenarios;
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
/// With a cache directory, the validated definition and the sea-lane data come from a binary snapshot
/// (<see cref="DataSnapshotCache"/>, keyed by <see cref="DataFingerprint"/>): the first load of some data writes it,
/// later processes read it instead of the CSV files and the GeoJSON; a damaged snapshot is reported once (CORR0170,
/// at Warning), discarded and rewritten.
/// Loading failures (bad data files) throw <see cref="InputDataException"/> with every diagnostic, every time the
/// failed part is asked for; warnings are logged once (category <c>Corridors.Data</c>: network and sea-leg routing
/// warnings at Debug; reliability warnings and a damaged sea-leg cache, CORR0127, at Warning).
/// </remarks>
public sealed class CorridorsWorkspace
{
    /// <summary>The scenario name of the unmodified bundled or given data.</summary>
    public const string BaselineScenario = "baseline";

    private readonly Lazy<NetworkDefinition> _definition;
    private readonly Lazy<(NetworkDefinition Definition, IReadOnlyList<Diagnostic> Warnings)> _definitionFiles;
    private readonly Lazy<DataSnapshot?> _stored;
    private readonly Lazy<ReliabilityModel> _reliability;
    private readonly Lazy<SeaDataLoadResult> _seaData;
    private readonly Lazy<SeaDataLoadResult> _seaFiles;
    private readonly Lazy<SeaSnapshot> _sea;
    private readonly Lazy<Services.PublishedRates> _publishedRates;
    private readonly Lazy<string> _fingerprint;
    private readonly BoundedCache<(string Scenario, int Year, ServiceLevel Level), NetworkSnapshot> _snapshots;
    private readonly BoundedCache<(string Scenario, int Year), CrossingWaits?> _crossingWaits;
    private readonly BoundedCache<(string Scenario, int Year), Capacity.CrossingCapacities?> _crossingCapacities;
    private readonly BoundedCache<(string Scenario, int Year), IReadOnlyDictionary<(string Leg, string From), Assignment.DelayCurve>?> _crossingWaitCurves;
    private readonly ILogger _dataLog;
    private readonly CorridorsWorkspace? _root;

    /// <summary>Creates the workspace; nothing is loaded until asked for.</summary>
    public CorridorsWorkspace(WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        _dataLog = options.LoggerFactory.CreateLogger("Corridors.Data");
        _seaFiles = new(() => SeaDataLoader.Load(DataDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _definitionFiles = new(LoadDefinitionFiles, LazyThreadSafetyMode.ExecutionAndPublication);
        _stored = new(LoadSnapshot, LazyThreadSafetyMode.ExecutionAndPublication);
        _seaData = new(() => _stored.Value?.Sea ?? _seaFiles.Value, LazyThreadSafetyMode.ExecutionAndPublication);
        _definition = new(LoadDefinition, LazyThreadSafetyMode.ExecutionAndPublication);
        _reliability = new(LoadReliability, LazyThreadSafetyMode.ExecutionAndPublication);
        _sea = new(LoadSea, LazyThreadSafetyMode.ExecutionAndPublication);
        _fingerprint = new(() => Data.Store.DataFingerprint.Of(DataDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _publishedRates = new(() => new Services.PublishedRates(this), LazyThreadSafetyMode.ExecutionAndPublication);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCachedScenarios, 1);
        _snapshots = new(options.MaxCachedScenarios * 4);
        _crossingWaits = new(options.MaxCachedScenarios * 4);
        _crossingCapacities = new(options.MaxCachedScenarios * 4);
        _crossingWaitCurves = new(options.MaxCachedScenarios * 4);
        Scenarios = new ScenarioCatalog(this);
        Runs = new RunRecorder(this);
    }

    /// <summary>A view of <paramref name="root"/> under <paramref name="scenario"/>: every cache is the root's.</summary>
    private CorridorsWorkspace(CorridorsWorkspace root, AppliedScenario scenario)
    {
        _root = root;
        Options = root.Options;
        DataDirectory = root.DataDirectory;
        _dataLog = root._dataLog;
        _seaData = root._seaData;
        _seaFiles = root._seaFiles;
        _definition = root._definition;
        _definitionFiles = root._definitionFiles;
        _stored = root._stored;
        _reliability = root._reliability;
        _sea = root._sea;
        _fingerprint = root._fingerprint;
        _publishedRates = root._publishedRates;
        _snapshots = root._snapshots;
        _crossingWaits = root._crossingWaits;
        _crossingCapacities = root._crossingCapacities;
        _crossingWaitCurves = root._crossingWaitCurves;
        Scenarios = root.Scenarios;
        Scenario = scenario;
        Runs = new RunRecorder(this, root.Runs);
    }

    /// <summary>The scenario this workspace applies; null for the baseline.</summary>
    public AppliedScenario? Scenario { get; }

    /// <summary>The scenario's name, or <see cref="BaselineScenario"/>.</summary>
    public string ScenarioName => Scenario?.Name ?? BaselineScenario;

    /// <summary>The workspace of the unmodified data (this one when it applies no scenario).</summary>
    public CorridorsWorkspace Baseline => _root ?? this;

    /// <summary>Scenario files and presets (data/scenarios/), read against the baseline definition.</summary>
    public ScenarioCatalog Scenarios { get; }

    /// <summary>
    /// This workspace's data under <paramref name="scenario"/> (null = the baseline): a view that shares every cache,
    /// whose definition, snapshots and stored runs are the scenario's.
    /// </summary>
    public CorridorsWorkspace ForScenario(AppliedScenario? scenario) => scenario is null ? Baseline : new CorridorsWorkspace(Baseline, scenario);

    /// <summary>The options the workspace was built from.</summary>
    public WorkspaceOptions Options { get; }

    /// <summary>The data directory as a full path.</summary>
    public string DataDirectory { get; }

    /// <summary>The clock (<see cref="WorkspaceOptions.TimeProvider"/>).</summary>
    public TimeProvider Clock => Options.TimeProvider;

    /// <summary>The validated network definition with sea-lane distances applied.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkDefinition Definition => Scenario?.Definition ?? _definition.Value;

    /// <summary>The network definition of the data, without any scenario.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkDefinition BaseDefinition => _definition.Value;

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

    /// <summary>Stores results in the run store (<see cref="WorkspaceOptions.Store"/>).</summary>
    public RunRecorder Runs { get; }

    /// <summary>Networks (scenario, year, service level) held in memory now, at most four per <see cref="WorkspaceOptions.MaxCachedScenarios"/>.</summary>
    public int CachedSnapshotCount => _snapshots.Count;

    /// <summary>The network of <paramref name="year"/> under <paramref name="scenario"/>, built once and shared.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkSnapshot Snapshot(int year, string scenario) => Snapshot(year, ServiceLevel.Groupage, scenario);

    /// <summary>The network of <paramref name="year"/> under this workspace's scenario, built once and shared.</summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkSnapshot Snapshot(int year) => Snapshot(year, ServiceLevel.Groupage);

    /// <summary>
    /// The network of <paramref name="year"/> under the preset <paramref name="scenario"/> with the times of service level
    /// <paramref name="level"/>, built once and shared.
    /// </summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    /// <exception cref="InputDataException">The data files or the scenario file have errors.</exception>
    public NetworkSnapshot Snapshot(int year, ServiceLevel level, string scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var opened = Scenarios.Open(scenario, allowFiles: false);
        return opened.IsValid
            ? opened.Value.Snapshot(year, level)
            : throw new ArgumentException(opened.Problems[0].Message, nameof(scenario));
    }

    /// <summary>
    /// The network of <paramref name="year"/> under this workspace's scenario with the times of service level
    /// <paramref name="level"/>, built once and shared by every view of the same data. The groupage network carries
    /// the year's simulated Caspian crossing waits (<see cref="CrossingWaitsFor"/>); block trains keep booked sailings.
    /// </summary>
    /// <exception cref="InputDataException">The data files have errors.</exception>
    public NetworkSnapshot Snapshot(int year, ServiceLevel level)
    {
        return _snapshots.GetOrAdd((Scenario?.Key ?? BaselineScenario, year, level), key =>
            new NetworkSnapshot(this, ScenarioName, CorridorNetwork.Build(Definition, key.Year, key.Level, key.Level == ServiceLevel.Groupage ? CrossingWaitsFor(key.Year) : null)));
    }

    /// <summary>
    /// The simulated Caspian crossing waits that the groupage network of <paramref name="year"/> carries
    /// (<see cref="Services.CaspianService.CrossingWaitsFor"/>), computed once per year and kept in the cache
    /// directory; null when <see cref="WorkspaceOptions.SimulateCrossings"/> is off, the data has no caspian/ folder,
    /// or the year has no Caspian line or demand.
    /// </summary>
    /// <exception cref="InputDataException">The Caspian tables have errors.</exception>
    public CrossingWaits? CrossingWaitsFor(int year)
    {
        if (!Options.SimulateCrossings || !NetworkLoader.HasCaspian(DataDirectory))
        {
            return null;
        }

        // A scenario's fleet, sea level and demand change the waits: each scenario has its own.
        // Only the baseline's and named scenarios' waits are kept on disk: scenarios given by content (inline in a
        // request, sweep cases) would otherwise add a file per request.
        var scenario = Scenario?.Key ?? BaselineScenario;
        var disk = Scenario is null || Scenarios.IsNamed(Scenario) ? Options.CacheDirectory : null;
        return _crossingWaits.GetOrAdd((scenario, year), key =>
            Services.CrossingWaitCache.GetOrCompute(disk, DataFingerprint, key.Scenario, key.Year, () => new Services.CaspianService(this).CrossingWaitsFor(key.Year)));
    }

    /// <summary>
    /// The Caspian crossing capacities of <paramref name="year"/> at the year's sea level under this workspace's
    /// scenario (<see cref="Services.CaspianService.CrossingCapacitiesFor"/>), computed once per year; null when the
    /// data has no caspian/ folder or the year has no Caspian line.
    /// </summary>
    /// <exception cref="InputDataException">The Caspian tables have errors.</exception>
    public Capacity.CrossingCapacities? CrossingCapacitiesFor(int year)
    {
        if (!NetworkLoader.HasCaspian(DataDirectory))
        {
            return null;
        }

        return _crossingCapacities.GetOrAdd((Scenario?.Key ?? BaselineScenario, year), key => new Services.CaspianService(this).CrossingCapacitiesFor(key.Year));
    }

    /// <summary>
    /// The Caspian crossings' simulated wait curves of <paramref name="year"/> as the corridor assignment's
    /// volume-delay functions (<see cref="Services.CaspianService.CrossingWaitCurves"/>), computed once per year and
    /// scenario; null when <see cref="WorkspaceOptions.SimulateCrossings"/> is off, the data has no caspian/ folder,
    /// or the year has no Caspian line (the crossings then keep BPR on their fleet capacity).
    /// </summary>
    /// <exception cref="InputDataException">The Caspian tables have errors.</exception>
    public IReadOnlyDictionary<(string Leg, string From), Assignment.DelayCurve>? CrossingWaitCurvesFor(int year)
    {
        if (!Options.SimulateCrossings || !NetworkLoader.HasCaspian(DataDirectory))
        {
            return null;
        }

        return _crossingWaitCurves.GetOrAdd((Scenario?.Key ?? BaselineScenario, year), key => new Services.CaspianService(this).CrossingWaitCurves(key.Year));
    }

    private NetworkDefinition LoadDefinition() => _stored.Value?.Definition ?? _definitionFiles.Value.Definition;

    /// <summary>
    /// The snapshot of the data from the cache directory, else built from the files (when they have no errors) and
    /// written there; null without a cache directory or when the files have errors (the callers then throw them).
    /// </summary>
    private DataSnapshot? LoadSnapshot()
    {
        if (Options.CacheDirectory is not { } cache)
        {
            return null;
        }

        if (DataSnapshotCache.TryRead(cache, DataFingerprint, out var stored, out var problem))
        {
            foreach (var d in stored.Diagnostics)
            {
                Log.DataDiagnostic(_dataLog, LogLevel.Debug, d.ToString());
            }

            Log.NetworkLoaded(_dataLog, NetworkLoader.DisplayPath(DataDirectory), stored.Definition.Nodes.Count, stored.Definition.Legs.Count);
            return stored;
        }

        if (problem is not null)
        {
            Log.DataDiagnostic(_dataLog, LogLevel.Warning, problem.ToString());
        }

        try
        {
            var sea = HasSeaLanes ? _seaFiles.Value : null;
            if (sea is { Diagnostics.HasErrors: true })
            {
                return null;
            }

            var (definition, warnings) = _definitionFiles.Value;
            var snapshot = new DataSnapshot(definition, warnings, sea);
            DataSnapshotCache.Write(cache, DataFingerprint, snapshot);
            return snapshot;
        }
        catch (InputDataException)
        {
            return null; // Definition and Sea throw the same diagnostics when asked
        }
    }

    private (NetworkDefinition Definition, IReadOnlyList<Diagnostic> Warnings) LoadDefinitionFiles()
    {
        var result = NetworkLoader.Load(DataDirectory);
        var warnings = new List<Diagnostic>();
        foreach (var d in result.Diagnostics)
        {
            if (!d.IsError)
            {
                Log.DataDiagnostic(_dataLog, LogLevel.Debug, d.ToString());
                warnings.Add(d);
            }
        }

        var definition = result.GetDefinitionOrThrow();

        // Sea legs take their distance from the sea-lane graph (docs/DATA.md, "Sea lanes").
        var sea = new DiagnosticBag();
        definition = SeaDataLoader.WithSeaLaneDistances(definition, DataDirectory, sea, Options.CacheDirectory, () => _seaFiles.Value);
        foreach (var d in sea.Items)
        {
            if (!d.IsError)
            {
                // A damaged sea-leg cache (CORR0127) is said at the default level: it was discarded and rebuilt. It
                // is not a warning about the data, so a snapshot does not repeat it.
                Log.DataDiagnostic(_dataLog, d.Code == "CORR0127" ? LogLevel.Warning : LogLevel.Debug, d.ToString());
                if (d.Code != "CORR0127")
                {
                    warnings.Add(d);
                }
            }
        }

        sea.ThrowIfErrors();
        Log.NetworkLoaded(_dataLog, NetworkLoader.DisplayPath(DataDirectory), definition.Nodes.Count, definition.Legs.Count);
        return (definition, warnings);
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
