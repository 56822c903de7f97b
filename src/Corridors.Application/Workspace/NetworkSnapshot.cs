using Corridors.Network;
using Corridors.Reliability;
using Corridors.Routing;

namespace Corridors.Application.Workspace;

/// <summary>
/// Everything derived from the network of one (scenario, year): the frozen network, its routing attributes and its
/// place resolver. Immutable and shared between threads; routers are lent per call (<see cref="RentRouter"/>).
/// </summary>
public sealed class NetworkSnapshot
{
    private readonly ObjectPool<CorridorRouter> _routers;

    internal NetworkSnapshot(CorridorsWorkspace workspace, string scenario, CorridorNetwork network)
    {
        Workspace = workspace;
        Scenario = scenario;
        Network = network;
        Graph = new RoutingGraph(network);
        Places = new PlaceResolver(network);
        _routers = new ObjectPool<CorridorRouter>(() => new CorridorRouter(Graph));
    }

    /// <summary>The workspace the snapshot belongs to.</summary>
    public CorridorsWorkspace Workspace { get; }

    /// <summary>The scenario name.</summary>
    public string Scenario { get; }

    /// <summary>The network year.</summary>
    public int Year => Network.Year;

    /// <summary>The service level whose times the network carries.</summary>
    public ServiceLevel ServiceLevel => Network.ServiceLevel;

    /// <summary>The frozen network of the year.</summary>
    public CorridorNetwork Network { get; }

    /// <summary>Query-independent routing attributes, shared by every router of the snapshot.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>Resolves what users type to nodes.</summary>
    public PlaceResolver Places { get; }

    /// <summary>The reliability model of the data (loaded on first use).</summary>
    public ReliabilityModel ReliabilityModel => Workspace.ReliabilityModel;

    /// <summary>The data fingerprint (which files the results come from).</summary>
    public string DataFingerprint => Workspace.DataFingerprint;

    /// <summary>Lends a router (search work arrays) for one call on one thread; dispose the lease to return it.</summary>
    public RouterLease RentRouter() => new(_routers.Rent());

    /// <summary>A router lent by <see cref="RentRouter"/>.</summary>
    public readonly struct RouterLease : IDisposable
    {
        private readonly ObjectPool<CorridorRouter>.Lease _lease;

        internal RouterLease(ObjectPool<CorridorRouter>.Lease lease) => _lease = lease;

        /// <summary>The router.</summary>
        public CorridorRouter Router => _lease.Value;

        /// <summary>Returns the router to the snapshot.</summary>
        public void Dispose() => _lease.Dispose();
    }
}
