namespace Corridors.Application.Contracts;

/// <summary>A scenario as listed or compared: name, title and fingerprint.</summary>
/// <param name="Name">Preset or file name (<c>baseline</c> for the data as it is).</param>
/// <param name="Title">One-line title.</param>
/// <param name="Fingerprint">SHA-256 of the scenario file and the files it extends; null for the baseline.</param>
public sealed record ScenarioInfoContract(string Name, string? Title, string? Fingerprint);

/// <summary>The <c>scenario list --json</c> document.</summary>
/// <param name="Presets">The presets of data/scenarios/.</param>
public sealed record ScenarioListDocument(IReadOnlyList<ScenarioInfoContract> Presets);

/// <summary>The <c>scenario show --json</c> document: the merged scenario and what it changes in the definition.</summary>
/// <param name="Scenario">Name, title and fingerprint.</param>
/// <param name="Description">What it assumes.</param>
/// <param name="BaseYear">The year it describes.</param>
/// <param name="Extends">The chain of scenarios it extends, nearest first.</param>
/// <param name="Elements">One line per closure and change, in the order applied.</param>
/// <param name="Sources">Sources of its assumptions.</param>
/// <param name="Changes">Counts of what differs from the baseline definition (nodes, legs, services closed or changed).</param>
public sealed record ScenarioShowDocument(
    ScenarioInfoContract Scenario, string? Description, int? BaseYear, IReadOnlyList<string> Extends, IReadOnlyList<string> Elements,
    IReadOnlyList<string> Sources, IReadOnlyDictionary<string, int> Changes);

/// <summary>One problem of a scenario document, located in the text and named by its JSON path.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">Diagnostic code (CORR0800–CORR0812, docs/DATA.md).</param>
/// <param name="Field">The JSON path of the value at fault, e.g. <c>$.closures[0].country</c> (<c>$</c>: the document).</param>
/// <param name="File">The document (<c>(request)</c>) or the preset it extends where the problem is.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole document.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, when known.</param>
public sealed record ScenarioDiagnosticContract(string Severity, string Code, string Field, string File, int Line, int Column, string Message, string? Hint);

/// <summary>A scenario document checked against the data (<c>POST /api/scenarios/validate</c>): every problem at once.</summary>
/// <param name="Valid">True when there is no error (warnings allowed).</param>
/// <param name="Diagnostics">Every error and warning, in document order.</param>
/// <param name="Scenario">When valid: the merged scenario and what it changes, as <c>scenario show</c> gives it.</param>
public sealed record ScenarioValidationDocument(bool Valid, IReadOnlyList<ScenarioDiagnosticContract> Diagnostics, ScenarioShowDocument? Scenario);

/// <summary>The best route of one corridor for one OD pair under one scenario.</summary>
/// <param name="Corridor">Corridor name.</param>
/// <param name="Family">Corridor family.</param>
/// <param name="Days">Expected door-to-door days (routing).</param>
/// <param name="P50Days">Simulated median days.</param>
/// <param name="P90Days">Simulated 90th percentile days.</param>
/// <param name="CostUsd">Cost, USD (a lower bound when <paramref name="CostIsLowerBound"/>).</param>
/// <param name="CostIsLowerBound">Some legs have no known price.</param>
/// <param name="Co2eKg">kg CO2e.</param>
/// <param name="Countries">Countries crossed.</param>
/// <param name="Passages">Passages used.</param>
public sealed record CorridorOutcomeContract(
    string Corridor, string Family, double Days, double? P50Days, double? P90Days, double CostUsd, bool CostIsLowerBound, double Co2eKg,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Passages);

/// <summary>One OD pair under one scenario.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Corridors">The best route per corridor (none when no route exists).</param>
/// <param name="Problem">Why there is no answer (an unknown place), else null.</param>
public sealed record OdScenarioContract(string Scenario, IReadOnlyList<CorridorOutcomeContract> Corridors, string? Problem);

/// <summary>One OD pair under every scenario compared.</summary>
/// <param name="From">Origin as given.</param>
/// <param name="To">Destination as given.</param>
/// <param name="Scenarios">Baseline first, then each scenario.</param>
public sealed record OdComparisonContract(string From, string To, IReadOnlyList<OdScenarioContract> Scenarios);

/// <summary>A leg or node whose assigned flow is at or above the bottleneck threshold of its capacity.</summary>
/// <param name="Kind"><c>leg</c> or <c>node</c>.</param>
/// <param name="Id">Leg or node id (a leg's direction as <c>id from→to</c>).</param>
/// <param name="FlowTeu">TEU per year.</param>
/// <param name="CapacityTeu">TEU per year.</param>
/// <param name="Utilisation">Flow ÷ capacity.</param>
public sealed record BottleneckContract(string Kind, string Id, double FlowTeu, double? CapacityTeu, double Utilisation);

/// <summary>The assignment under one scenario.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="DemandTeu">Demand assigned (after the scenario's growth).</param>
/// <param name="UnservedTeu">Demand without a path.</param>
/// <param name="CorridorShares">TEU per year by corridor (as <c>assign</c>).</param>
/// <param name="Bottlenecks">Elements at or above the threshold, most used first.</param>
/// <param name="Appear">Bottlenecks not in the baseline.</param>
/// <param name="Vanish">Baseline bottlenecks that are not bottlenecks here.</param>
public sealed record AssignmentOutcomeContract(
    string Scenario, double DemandTeu, double UnservedTeu, IReadOnlyDictionary<string, double> CorridorShares, IReadOnlyList<BottleneckContract> Bottlenecks,
    IReadOnlyList<string> Appear, IReadOnlyList<string> Vanish);

/// <summary>The assignment part of a comparison.</summary>
/// <param name="Year">Network year.</param>
/// <param name="DemandFile">Demand file.</param>
/// <param name="DemandYear">Year of the demand rows assigned.</param>
/// <param name="Threshold">Utilisation from which an element is a bottleneck.</param>
/// <param name="Scenarios">Baseline first.</param>
public sealed record AssignmentComparisonContract(int Year, string DemandFile, int DemandYear, double Threshold, IReadOnlyList<AssignmentOutcomeContract> Scenarios);

/// <summary>Bypass capacity and leverage under one scenario.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="MaxFlowTeu">Maximum TEU per year between the regions (null = unbounded).</param>
/// <param name="MinCut">The elements that cap it.</param>
/// <param name="Leverage">Per transit country, the flow lost when it closes.</param>
public sealed record CapacityOutcomeContract(string Scenario, double? MaxFlowTeu, IReadOnlyList<CutElementContract> MinCut, IReadOnlyList<CountryLeverageContract> Leverage);

/// <summary>The capacity part of a comparison.</summary>
/// <param name="FromRegion">Origin region.</param>
/// <param name="ToRegion">Destination region.</param>
/// <param name="Year">Network year.</param>
/// <param name="Scenarios">Baseline first.</param>
public sealed record CapacityComparisonContract(string FromRegion, string ToRegion, int Year, IReadOnlyList<CapacityOutcomeContract> Scenarios);

/// <summary>The Caspian crossing of the year under one scenario (one simulated year, <c>caspian</c>).</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="SeaLevelM">Caspian level, m (Baltic system).</param>
/// <param name="LiftTeu">TEU one sailing of every vessel lifts at that level (design TEU × payload factor).</param>
/// <param name="DemandTeu">Container demand simulated, TEU a year.</param>
/// <param name="ThroughputTeu">TEU that sailed.</param>
/// <param name="MeanWaitHours">Mean wait for a sailing.</param>
/// <param name="P90WaitHours">90th percentile wait.</param>
/// <param name="BacklogTeu">TEU still waiting at the end.</param>
public sealed record CaspianOutcomeContract(string Scenario, double SeaLevelM, double LiftTeu, double DemandTeu, double ThroughputTeu, double MeanWaitHours, double P90WaitHours, double BacklogTeu);

/// <summary>The <c>scenario compare --json</c> document.</summary>
/// <param name="Year">Network year of the routes and the capacity.</param>
/// <param name="Scenarios">Baseline first, then the scenarios compared.</param>
/// <param name="Routes">Per OD pair.</param>
/// <param name="Assignment">The assignment, when a demand file was given.</param>
/// <param name="Capacity">Bypass capacity and leverage.</param>
/// <param name="Caspian">The Caspian crossing of the year (sea level, lift, throughput, waits), baseline first; empty when the data has no Caspian model.</param>
/// <param name="Samples">Monte Carlo trips per route for P50/P90.</param>
/// <param name="Seed">Seed of the simulations.</param>
public sealed record ScenarioComparisonDocument(
    int Year, IReadOnlyList<ScenarioInfoContract> Scenarios, IReadOnlyList<OdComparisonContract> Routes, AssignmentComparisonContract? Assignment,
    CapacityComparisonContract? Capacity, IReadOnlyList<CaspianOutcomeContract> Caspian, int Samples, long Seed);

/// <summary>One case of a sweep: the parameter values and the outputs.</summary>
/// <param name="Index">Case number (row-major over the parameters).</param>
/// <param name="Parameters">Parameter values by name.</param>
/// <param name="Outputs">Output values by name (null when not defined, e.g. no route).</param>
public sealed record SweepCaseContract(int Index, IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double?> Outputs);

/// <summary>The <c>scenario sweep --json</c> document.</summary>
/// <param name="Scenario">The scenario swept over (baseline when none).</param>
/// <param name="Year">Network year.</param>
/// <param name="Parameters">Parameter names, in sweep order.</param>
/// <param name="Outputs">Output names.</param>
/// <param name="Seed">Seed of every stochastic output (the same in every case).</param>
/// <param name="Cases">Every case, in index order.</param>
public sealed record SweepDocument(string Scenario, int Year, IReadOnlyList<string> Parameters, IReadOnlyList<string> Outputs, long Seed, IReadOnlyList<SweepCaseContract> Cases);
