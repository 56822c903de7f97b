using System.CommandLine;

namespace Corridors.Cli;

/// <summary>Options shared by many commands. Create new instances per command (System.CommandLine options belong to one parent).</summary>
internal static class CommonOptions
{
    /// <summary>The network year; the baseline data covers 2020–2035.</summary>
    public const int DefaultYear = Application.Requests.NetworkYears.Default;

    public static Option<string?> Data() => new("--data")
    {
        Description = "Directory with the network CSV files (default: the bundled data/ folder, or CORRIDORS_DATA).",
        Recursive = true,
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log debug details and print stack traces of unexpected errors to stderr.",
        Recursive = true,
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = "Where results are stored: the SQLite file (default: CORRIDORS_STORE, else $XDG_DATA_HOME/corridors/corridors.db, i.e. ~/.local/share/corridors/corridors.db; `runs list` prints it), or with --store-provider postgresql a connection string (or CORRIDORS_STORE).",
        Recursive = true,
    };

    public static Option<string?> StoreProvider() => new("--store-provider")
    {
        Description = "The run store's database: sqlite (default) or postgresql (or CORRIDORS_STORE_PROVIDER).",
        Recursive = true,
    };

    public static Option<bool> NoStore() => new("--no-store")
    {
        Description = "Do not store the result in the SQLite result store.",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print results as JSON on stdout (field names documented in docs/CLI.md).",
    };

    /// <summary>First year the baseline data covers.</summary>
    public const int MinYear = Application.Requests.NetworkYears.Min;

    /// <summary>Last year the baseline data covers.</summary>
    public const int MaxYear = Application.Requests.NetworkYears.Max;

    /// <summary>
    /// The network year of a routing question: without it, the departure's year (and without a departure, this year),
    /// so a 2024 departure runs on the 2024 network. Its range is checked by the application layer.
    /// </summary>
    public static Option<int?> DepartureYear() => new("--year")
    {
        Description = $"Network year: only infrastructure in service that year is used ({MinYear}–{MaxYear}); default: the year of --depart, else this year.",
    };

    /// <summary>The network year; its range is checked by the application layer (the HTTP API shares the check).</summary>
    public static Option<int> Year() => new("--year")
    {
        Description = $"Network year: only infrastructure in service that year is used ({MinYear}–{MaxYear}).",
        DefaultValueFactory = _ => DefaultYear,
    };
}
