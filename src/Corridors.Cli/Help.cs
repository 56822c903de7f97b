namespace Corridors.Cli;

/// <summary>Help text conventions: every command's description ends with examples that run as written.</summary>
internal static class Help
{
    /// <summary><paramref name="description"/> followed by an "Examples:" block, one command line per line.</summary>
    public static string WithExamples(string description, params string[] examples) =>
        description + System.Environment.NewLine + System.Environment.NewLine + "Examples:" + System.Environment.NewLine
        + string.Join(System.Environment.NewLine, examples.Select(e => "  " + e));
}
