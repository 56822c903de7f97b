namespace Corridors.Data.Csv;

/// <summary>One field of a CSV row with the position where it starts (1-based line and character column).</summary>
/// <param name="Value">Unquoted text of the field.</param>
/// <param name="Line">1-based line where the field starts.</param>
/// <param name="Column">1-based character column where the field starts.</param>
public readonly record struct CsvField(string Value, int Line, int Column);

/// <summary>A CSV record: its fields and the line it starts on.</summary>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Fields">Fields in order.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields);
