using System.Diagnostics;
using System.Security.Cryptography;

namespace Corridors.Tests;

/// <summary>
/// The Native AOT build (what <c>./corridors</c> runs) answers every command as the JIT build does, byte for byte:
/// stdout, stderr, exit code and the files it writes. The oracle is the same program run in-process; the trimmed,
/// reflection-free executable is the subject. <c>scripts/test.sh</c> publishes it and names it in
/// <c>CORRIDORS_AOT_EXE</c>; without that variable (an IDE run) the tests skip, and the CI run sets it.
/// </summary>
public sealed class NativeAotParityTests
{
    private const string Depart = "2026-03-03";

    /// <summary>Commands that reach every front-end path AOT can break: JSON documents, enums, tables, CSV, plots (Skia), OR-Tools, the simulation, the sea graph and the data snapshot.</summary>
    public static TheoryData<string> Commands() =>
    [
        "--help",
        "route --help",
        "sea --from Shanghai --to Rotterdam",
        "sea --from Shanghai --to Rotterdam --json",
        $"route --from Xian --to Duisburg --depart {Depart}",
        $"route --from Xian --to Duisburg --depart {Depart} --json",
        $"route --from Xian --to Duisburg --depart {Depart} --csv",
        $"route --from Xian --to Duisburg --depart {Depart} --geojson",
        $"compare --from Xian --to Duisburg --depart {Depart}",
        $"compare --from Xian --to Duisburg --depart {Depart} --service-level both --json",
        $"compare --from Xian --to Duisburg --depart {Depart} --plot {{out}}/compare.svg",
        $"compare --from Xian --to Duisburg --depart {Depart} --plot {{out}}/compare.png",
        $"reliability --from Almaty --to Istanbul --depart {Depart} --samples 2000 --json",
        "places Genova",
        "places --country KZ --json",
        "network info --json",
        "network diff --from 2026 --to 2030",
        "caspian --days 60 --json",
        "bypass --from-region CN --to-region EU --avoid RU,BY --json",
        "leverage --from-region CN --to-region EU --json",
        "assign --demand {data}/demand/2024.csv --json",
        "scenario list --json",
        "route --from Xian --to Nowhere",
        "route --from Xian --to Duisburg --teu -3 --depart yesterday",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_native_executable_answers_as_the_program_in_process(string command)
    {
        var exe = Environment.GetEnvironmentVariable("CORRIDORS_AOT_EXE");
        if (string.IsNullOrEmpty(exe))
        {
            Assert.Skip("CORRIDORS_AOT_EXE is not set (scripts/test.sh publishes the native build and sets it).");
        }

        var outAot = Directory.CreateTempSubdirectory("corridors-aot-").FullName;
        var outJit = Directory.CreateTempSubdirectory("corridors-jit-").FullName;
        var native = await RunNative(exe, Arguments(command, outAot));
        var managed = CliRunner.RunWith(CliRunner.Environment() with { Columns = 120 }, Arguments(command, outJit));

        native.Stderr.ShouldBe(AsNative(managed.Stderr, outJit, outAot), $"stderr of {command}");
        native.Stdout.ShouldBe(AsNative(managed.Stdout, outJit, outAot), $"stdout of {command}");
        native.ExitCode.ShouldBe(managed.ExitCode, $"exit code of {command}");
        Files(outAot).ShouldBe(Files(outJit), $"files written by {command}");
    }

    /// <summary>The command's arguments, run without a store, with <c>{out}</c> a folder of its own and <c>{data}</c> the bundled data.</summary>
    private static string[] Arguments(string command, string outDirectory) =>
        ["--no-store", .. command.Replace("{out}", outDirectory, StringComparison.Ordinal).Replace("{data}", RepoPaths.Data, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// The in-process text as the executable would print it: its own output folder, and the program name in usage
    /// lines (System.CommandLine names the root command after the process, here the test host).
    /// </summary>
    private static string AsNative(string text, string outJit, string outAot) =>
        text.Replace(outJit, outAot, StringComparison.Ordinal).Replace(typeof(NativeAotParityTests).Assembly.GetName().Name + " ", "corridors ", StringComparison.Ordinal);

    /// <summary>Names and SHA-256 of the files in a folder.</summary>
    private static IReadOnlyList<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")];

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNative(string exe, string[] arguments)
    {
        var environment = CliRunner.Environment();
        var start = new ProcessStartInfo(exe, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.Environment["CORRIDORS_DATA"] = environment.DataDirectory;
        start.Environment["CORRIDORS_STORE"] = environment.StorePath;
        start.Environment["CORRIDORS_CACHE"] = environment.CacheDirectory;
        start.Environment["COLUMNS"] = "120";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
