using BenchmarkDotNet.Running;
using Corridors.Benchmarks;

if (args.Length > 0 && args[0] == "sea-compare")
{
    return SeaCompare.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "caspian")
{
    return CaspianBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "api-profile")
{
    return ApiProfile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "open-loop")
{
    return OpenLoop.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "tntp")
{
    return TntpBenchmark.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
