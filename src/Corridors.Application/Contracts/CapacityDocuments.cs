namespace Corridors.Application.Contracts;

/// <summary>The <c>bypass --json</c> document (docs/CLI.md).</summary>
/// <param name="Year">Network year.</param>
/// <param name="FromRegion">Origin region as asked.</param>
/// <param name="ToRegion">Destination region as asked.</param>
/// <param name="Avoided">Countries closed.</param>
/// <param name="WithSea">Whether ocean legs were kept.</param>
/// <param name="MaxFlowTeu">Maximum TEU per year; null when unbounded.</param>
/// <param name="Unbounded">True when elements without sourced capacity join the regions (the cut is then empty).</param>
/// <param name="MinCut">Elements of a minimum cut, largest first; their capacities sum to <paramref name="MaxFlowTeu"/>.</param>
/// <param name="Conversions">How trains per day and Mt per year became TEU per year.</param>
public sealed record BypassDocument(
    int Year,
    string FromRegion,
    string ToRegion,
    IReadOnlyList<string> Avoided,
    bool WithSea,
    double? MaxFlowTeu,
    bool Unbounded,
    IReadOnlyList<CutElementContract> MinCut,
    CapacityConversionsContract Conversions)
{
    /// <summary>The Caspian crossings' capacities at the year's sea level (null when the data has no Caspian tables).</summary>
    public CaspianCapacityContract? Caspian { get; init; }
}

/// <summary>The capacities the Caspian crossings get from the crossing simulation at a sea level.</summary>
/// <param name="SeaLevelM">Sea level, m BS (the scenario's, else the observed series and the default projection).</param>
/// <param name="Source">How the capacities were computed.</param>
/// <param name="Crossings">Each directed crossing of the year's network (basis <c>caspian_fleet</c>), by leg and direction.</param>
public sealed record CaspianCapacityContract(double SeaLevelM, string Source, IReadOnlyList<CutElementContract> Crossings);

/// <summary>One element of a minimum cut.</summary>
/// <param name="Kind"><c>leg</c> (one direction of it) or <c>node</c> (its handling capacity).</param>
/// <param name="Id">Leg or node id.</param>
/// <param name="From">Tail node of the direction cut (legs), or the node.</param>
/// <param name="To">Head node of the direction cut (legs), or the node.</param>
/// <param name="CapacityTeu">TEU per year.</param>
/// <param name="Basis"><c>teu_per_year</c>, <c>trains_per_day</c> or <c>mt_per_year</c>: the sourced column converted; <c>caspian_fleet</c>: a Caspian crossing's fleet capacity at the sea level.</param>
public sealed record CutElementContract(string Kind, string Id, string From, string To, double CapacityTeu, string Basis);

/// <summary>The conversion factors applied to capacities.</summary>
/// <param name="TeuPerTrain">TEU per train.</param>
/// <param name="GrossTonnesPerTeu">Gross tonnes per loaded TEU.</param>
/// <param name="Source">Where the factors come from.</param>
public sealed record CapacityConversionsContract(double TeuPerTrain, double GrossTonnesPerTeu, string Source);

/// <summary>The <c>leverage --json</c> document.</summary>
/// <param name="Year">Network year.</param>
/// <param name="FromRegion">Origin region.</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Avoided">Countries closed in every run.</param>
/// <param name="WithSea">Whether ocean legs were kept.</param>
/// <param name="MaxFlowTeu">Maximum flow with every transit country open; null when unbounded.</param>
/// <param name="Unbounded">True when the open network's maximum flow is unbounded (shares are then null).</param>
/// <param name="Countries">Transit countries, largest loss first.</param>
public sealed record LeverageDocument(
    int Year,
    string FromRegion,
    string ToRegion,
    IReadOnlyList<string> Avoided,
    bool WithSea,
    double? MaxFlowTeu,
    bool Unbounded,
    IReadOnlyList<CountryLeverageContract> Countries);

/// <summary>What one transit country's closure costs a region pair.</summary>
/// <param name="Code">ISO code.</param>
/// <param name="MaxFlowLossTeu">Maximum flow lost when it closes, TEU per year (null when the loss is unbounded).</param>
/// <param name="Share">Loss ÷ maximum flow (null when the open network is unbounded).</param>
/// <param name="MaxFlowWithoutTeu">Maximum flow with it closed (null when unbounded).</param>
public sealed record CountryLeverageContract(string Code, double? MaxFlowLossTeu, double? Share, double? MaxFlowWithoutTeu);

/// <summary>The <c>assign --tntp --json</c> document.</summary>
/// <param name="Method"><c>gp</c>, <c>bfw</c> or <c>fw</c>.</param>
/// <param name="Status"><c>converged</c>, <c>iteration-limit</c> or <c>unreachable</c>.</param>
/// <param name="RelativeGap">Relative gap at the end.</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="Seconds">Wall-clock seconds of the solve (not of reading the files).</param>
/// <param name="GapByIteration">Relative gap after each iteration, from iteration 0.</param>
/// <param name="Links">Links in file order, with the file's 1-based node numbers.</param>
public sealed record TntpAssignmentDocument(
    string Method,
    string Status,
    double RelativeGap,
    int Iterations,
    double Seconds,
    IReadOnlyList<double> GapByIteration,
    IReadOnlyList<TntpLinkContract> Links);

/// <summary>Equilibrium flow and cost of one TNTP link.</summary>
public sealed record TntpLinkContract(int From, int To, double Flow, double Cost);

/// <summary>The <c>assign --demand --json</c> document.</summary>
/// <param name="Year">Network year.</param>
/// <param name="Method"><c>ue</c> (user equilibrium) or <c>so</c> (system optimum).</param>
/// <param name="Status"><c>converged</c>, <c>iteration-limit</c> or <c>unreachable</c> (some demand unserved) under <c>ue</c>; <c>optimal</c> or <c>not-solved</c> under <c>so</c>.</param>
/// <param name="RelativeGap">Relative gap at the end: the equilibrium gap under <c>ue</c>; |primal − dual| ÷ |primal| of the linear program under <c>so</c>.</param>
/// <param name="Iterations">Iterations run (simplex pivots under <c>so</c>).</param>
/// <param name="DemandTeu">Demand assigned, TEU per year (after scaling).</param>
/// <param name="UnservedTeu">Demand without a path (<c>ue</c>), or left unserved at the penalty because no capacity is left for it (<c>so</c>).</param>
/// <param name="CorridorShares">TEU per year entering Russia (northern), crossing the Caspian (middle) and entering Iran (southern); a flow can count in two.</param>
/// <param name="Legs">Every directed leg with flow, largest utilisation first.</param>
/// <param name="Nodes">Nodes with a handling capacity and flow, largest utilisation first.</param>
/// <param name="Optimum">The system optimum's cost terms (null under <c>ue</c>).</param>
public sealed record CorridorAssignmentDocument(
    int Year,
    string Method,
    string Status,
    double RelativeGap,
    int Iterations,
    double DemandTeu,
    double UnservedTeu,
    IReadOnlyDictionary<string, double> CorridorShares,
    IReadOnlyList<LegFlowContract> Legs,
    IReadOnlyList<NodeFlowContract> Nodes,
    SystemOptimumContract? Optimum = null);

/// <summary>What the system optimum minimised and how it was solved.</summary>
/// <param name="ObjectiveUsd">USD per year: tariffs, charges and time value of the TEU carried, plus the penalty of those unserved.</param>
/// <param name="UnservedPenaltyUsd">USD per TEU left unserved.</param>
/// <param name="TimeValueUsdPerTeuHour">Time value of one TEU of cargo per hour.</param>
/// <param name="Solver">The linear-programming solver and its version.</param>
/// <param name="CostBasis">What the costs are, in a sentence.</param>
public sealed record SystemOptimumContract(double ObjectiveUsd, double UnservedPenaltyUsd, double TimeValueUsdPerTeuHour, string Solver, string CostBasis);

/// <summary>Flow on one direction of a leg.</summary>
/// <param name="Id">Leg id.</param>
/// <param name="From">Tail node of the direction.</param>
/// <param name="To">Head node.</param>
/// <param name="FlowTeu">TEU per year.</param>
/// <param name="CapacityTeu">TEU per year, null when no capacity is sourced.</param>
/// <param name="Utilisation">Flow ÷ capacity, null without a capacity.</param>
/// <param name="ShadowPrice">USD per extra TEU per year of capacity (system optimum only; null under user equilibrium).</param>
public sealed record LegFlowContract(string Id, string From, string To, double FlowTeu, double? CapacityTeu, double? Utilisation, double? ShadowPrice);

/// <summary>Flow through one node with a handling capacity.</summary>
/// <param name="Id">Node id.</param>
/// <param name="FlowTeu">TEU per year handled.</param>
/// <param name="CapacityTeu">Handling capacity, TEU per year.</param>
/// <param name="Utilisation">Flow ÷ capacity.</param>
/// <param name="ShadowPrice">USD per extra TEU per year of handling capacity (system optimum only; null under user equilibrium).</param>
public sealed record NodeFlowContract(string Id, double FlowTeu, double CapacityTeu, double Utilisation, double? ShadowPrice = null);

/// <summary>The <c>invest --json</c> document.</summary>
/// <param name="Year">Base year.</param>
/// <param name="Horizon">Network year whose projects are ranked.</param>
/// <param name="FromRegion">Origin region.</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Avoided">Countries closed.</param>
/// <param name="WithSea">Whether ocean legs were kept.</param>
/// <param name="BaseMaxFlowTeu">Maximum flow over the elements in service in the base year (null when unbounded).</param>
/// <param name="HorizonMaxFlowTeu">Maximum flow with every element of the horizon network (null when unbounded).</param>
/// <param name="Projects">Projects, largest gain on their own first, then largest loss at the horizon.</param>
public sealed record InvestmentDocument(
    int Year,
    int Horizon,
    string FromRegion,
    string ToRegion,
    IReadOnlyList<string> Avoided,
    bool WithSea,
    double? BaseMaxFlowTeu,
    double? HorizonMaxFlowTeu,
    IReadOnlyList<ProjectGainContract> Projects);

/// <summary>What one project adds on its own.</summary>
/// <param name="Id">Leg or node id.</param>
/// <param name="Kind"><c>leg</c> or <c>node</c>.</param>
/// <param name="Status">planned, under-construction or operational (opening after the base year).</param>
/// <param name="OpenYear">Opening year, when known.</param>
/// <param name="AddedTeu">Maximum flow gained, TEU per year (null when the project makes it unbounded).</param>
/// <param name="MaxFlowWithTeu">Maximum flow with the project (null when unbounded).</param>
/// <param name="HorizonLossTeu">Maximum flow lost at the horizon without this project while every other one is built (null when unbounded): what it is worth once the projects it depends on exist.</param>
public sealed record ProjectGainContract(string Id, string Kind, string Status, int? OpenYear, double? AddedTeu, double? MaxFlowWithTeu, double? HorizonLossTeu);
