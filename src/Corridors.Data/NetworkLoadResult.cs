using Corridors.Diagnostics;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>Outcome of loading a data directory: the definition (when there are no errors) and every diagnostic.</summary>
public sealed class NetworkLoadResult
{
    internal NetworkLoadResult(NetworkDefinition? definition, DiagnosticBag diagnostics, IReadOnlyList<string> files)
        : this(definition, diagnostics.Items, diagnostics.ErrorCount, diagnostics.WarningCount, files)
    {
    }

    internal NetworkLoadResult(NetworkDefinition? definition, IReadOnlyList<Diagnostic> diagnostics, int errorCount, int warningCount, IReadOnlyList<string> files)
    {
        Definition = definition;
        Diagnostics = diagnostics;
        ErrorCount = errorCount;
        WarningCount = warningCount;
        Files = files;
    }

    /// <summary>The validated definition, or null when any error was found.</summary>
    public NetworkDefinition? Definition { get; }

    /// <summary>Errors and warnings in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Number of errors.</summary>
    public int ErrorCount { get; }

    /// <summary>Number of warnings.</summary>
    public int WarningCount { get; }

    /// <summary>The files read, as shown in diagnostics.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The definition, or an <see cref="InputDataException"/> carrying every diagnostic.</summary>
    public NetworkDefinition GetDefinitionOrThrow() =>
        Definition ?? throw new InputDataException(Diagnostics, ErrorCount, WarningCount);
}
