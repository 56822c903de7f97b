namespace Corridors.Cli;

/// <summary>Process exit codes (documented in docs/CLI.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int InputData = 2;
    public const int Unexpected = 3;
}
