namespace Corridors.Cli;

/// <summary>Entry point shared by the program and the CLI tests (placeholder until the command tree lands).</summary>
internal static class CorridorsApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("corridors");
        return 0;
    }
}
