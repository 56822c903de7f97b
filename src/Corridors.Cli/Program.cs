using System.Text;

namespace Corridors.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // A one-shot command serialises each contract type once: System.Text.Json's reflection accessors are cheaper
        // then than generating IL for them (start-up, issue 16; bench/startup). The long-running `serve` keeps IL.
        if (args.Length == 0 || args[0] != "serve")
        {
            AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
        }

        Console.OutputEncoding = Encoding.UTF8;
        return CorridorsApp.Run(args, Console.Out, Console.Error, CliEnvironment.FromProcess());
    }
}
