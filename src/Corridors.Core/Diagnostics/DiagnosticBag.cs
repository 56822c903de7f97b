namespace Corridors.Diagnostics;

/// <summary>
/// Collects diagnostics up to a cap so that a reader can report every problem at once instead of stopping
/// at the first.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Creates a bag.</summary>
    /// <param name="cap">Maximum number of diagnostics kept; later ones are counted but dropped.</param>
    public DiagnosticBag(int cap = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        Cap = cap;
    }

    /// <summary>Maximum number of diagnostics kept.</summary>
    /// <value>1000 unless set in the constructor.</value>
    public int Cap { get; }

    /// <summary>Number of errors seen, including dropped ones.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Number of warnings seen, including dropped ones.</summary>
    public int WarningCount { get; private set; }

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Diagnostics kept, in the order reported.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Reports a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }
        else
        {
            WarningCount++;
        }

        if (_items.Count < Cap)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Reports an error.</summary>
    public void Error(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, file, line, column, message, hint));

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, file, line, column, message, hint));

    /// <summary>Throws <see cref="InputDataException"/> when any error was reported.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new InputDataException(_items, ErrorCount, WarningCount);
        }
    }
}
