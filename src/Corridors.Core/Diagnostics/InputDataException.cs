using System.Text;

namespace Corridors.Diagnostics;

/// <summary>
/// Thrown when input data (network files, scenario files) has errors. Carries every diagnostic found, not
/// only the first.
/// </summary>
public sealed class InputDataException : Exception
{
    /// <summary>Creates the exception from the collected diagnostics.</summary>
    public InputDataException(IReadOnlyList<Diagnostic> diagnostics, int errorCount, int warningCount)
        : base(BuildMessage(diagnostics, errorCount))
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = diagnostics;
        ErrorCount = errorCount;
        WarningCount = warningCount;
    }

    /// <summary>Every diagnostic kept (errors and warnings), in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Number of errors found, including any beyond the cap.</summary>
    public int ErrorCount { get; }

    /// <summary>Number of warnings found, including any beyond the cap.</summary>
    public int WarningCount { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(GetType().FullName).Append(": ").AppendLine(Message);
        foreach (var diagnostic in Diagnostics)
        {
            text.Append("  ").AppendLine(diagnostic.ToString());
        }

        text.Append(StackTrace);
        return text.ToString();
    }

    private static string BuildMessage(IReadOnlyList<Diagnostic>? diagnostics, int errorCount)
    {
        var first = diagnostics?.FirstOrDefault(d => d.IsError);
        return first is null
            ? $"The input data has {errorCount} error(s)."
            : $"The input data has {errorCount} error(s); the first is: {first}";
    }
}
