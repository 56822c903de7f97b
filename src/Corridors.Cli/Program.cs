using System.Text;

namespace Corridors.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return CorridorsApp.Run(args, Console.Out, Console.Error, CliEnvironment.FromProcess());
    }
}
