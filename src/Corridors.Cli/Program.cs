namespace Corridors.Cli;

internal static class Program
{
    public static int Main(string[] args) => CorridorsApp.Run(args, Console.Out, Console.Error);
}
