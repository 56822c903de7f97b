using System.Globalization;

namespace Corridors.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Suspicious but loadable; reported, does not fail a load.</summary>
    Warning,

    /// <summary>The input cannot be used; the load fails after all problems are collected.</summary>
    Error,
}

/// <summary>
/// One problem found in an input file, located by file, 1-based line and 1-based character column.
/// </summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Code">Stable code such as <c>CORR0107</c> (documented in docs/DATA.md).</param>
/// <param name="File">Path of the file as given to the loader.</param>
/// <param name="Line">1-based physical line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based character column where the offending field starts; 0 when unknown.</param>
/// <param name="Message">A sentence that says what is wrong.</param>
/// <param name="Hint">Optional sentence that says how to fix it.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Message,
    string? Hint = null)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic in the MSBuild style: <c>file(line,col): error CODE: message Hint: ...</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var location = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"({Line},{Math.Max(Column, 1)})") : string.Empty;
        var hint = Hint is null ? string.Empty : " Hint: " + Hint;
        return $"{File}{location}: {severity} {Code}: {Message}{hint}";
    }
}
