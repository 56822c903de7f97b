using System.Collections.Concurrent;
using System.Diagnostics;
using Corridors.Application.Workspace;
using Corridors.Cli;
using Corridors.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corridors.Tests.Fuzz;

/// <summary>
/// Everything a fuzz run may touch, made once in a fresh temp folder: output targets (new paths, existing files,
/// directories, a FIFO, a symbolic link to a sentinel file kept <em>outside</em> the folder, a link to /dev/null, a
/// device node when the process may make one), run stores (good, garbage, truncated, a directory), pairs files,
/// data copies and caches. After the run, <see cref="CheckNothingWrittenOutside"/> proves the CLI wrote nowhere else:
/// the sentinel, the bundled data, /dev/null and the working directory are as they were.
/// </summary>
internal sealed class FuzzWorld : IDisposable
{
    private readonly ConcurrentDictionary<(string Data, string? Store, string? Cache), Lazy<CorridorsWorkspace>> _workspaces = new();
    private readonly HashSet<string> _sharedData;
    private readonly HashSet<string?> _sharedStores;
    private readonly Dictionary<string, (long Length, DateTime Written)> _bundledBefore;
    private readonly bool _defaultStoreExisted;

    public FuzzWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "corridors-fuzz-" + Guid.NewGuid().ToString("N"));
        Outside = Root + "-outside";
        foreach (var dir in new[] { Root, Outside, Out, Stores, Pairs, Cache, Cases })
        {
            Directory.CreateDirectory(dir);
        }

        // The runs read copies, so the check below is not fooled by someone editing data/ meanwhile.
        Data = Path.Combine(Root, "data");
        Mini = Path.Combine(Root, "mini");
        Copy(RepoPaths.Data, Data, withSea: true);
        Copy(MiniFixture, Mini, withSea: false);

        Sentinel = Path.Combine(Outside, "sentinel.txt");
        File.WriteAllText(Sentinel, "sentinel");

        // Output targets.
        File.WriteAllText(Path.Combine(Out, "existing.geojson"), "old");
        Directory.CreateDirectory(Path.Combine(Out, "dir"));
        File.CreateSymbolicLink(Path.Combine(Out, "link-outside.geojson"), Sentinel);
        File.CreateSymbolicLink(Path.Combine(Out, "link-devnull"), "/dev/null");
        HasFifo = HardeningTests.TryMakeFifo(Fifo);
        HasDevice = TryMakeNullDevice(Device);

        // Stores.
        GoodStore = Path.Combine(Stores, "runs.db");
        File.WriteAllBytes(Path.Combine(Stores, "garbage.db"), [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))]);
        var seed = CliRunner.RunWith(Environment(useShared: false), "compare", "--data", Mini, "--from", "Xian", "--to", "Duisburg", "--depart", "2026-03-03", "--json", "--store", GoodStore);
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not seed the fuzz store: " + seed.Stderr);
        }

        File.WriteAllBytes(Path.Combine(Stores, "truncated.db"), File.ReadAllBytes(GoodStore)[..2048]);
        Directory.CreateDirectory(Path.Combine(Stores, "dir.db"));
        File.CreateSymbolicLink(Path.Combine(Stores, "link.db"), Sentinel);

        // Pairs files.
        void Pair(string name, string text) => File.WriteAllText(Path.Combine(Pairs, name), text);
        Pair("good.csv", "from_lon,from_lat,to_lon,to_lat\n121.9,30.6,4.0,51.95\n28.65,44.18,23.62,37.93,Constanta,Piraeus\n");
        Pair("names.csv", "from,to\nCNSHA,NLRTM\nPoti,Rotterdam\nAktau,NLRTM\n");
        Pair("nan.csv", "121.9,30.6,4.0,51.95\nNaN,NaN,4.0,51.95\n1e309,0,0,0\n");
        Pair("fields.csv", "121.9,30.6,4.0\n\"unclosed,1,2,3\n");
        Pair("long.csv", $"from,to\n{new string('x', 20_000)},NLRTM\n");
        Pair("cr.csv", "from,to\rCNSHA,NLRTM\rPoti,Rotterdam\r");
        Pair("empty.csv", string.Empty);
        Pair("cases.csv", "id,from,to,what,corridor,statistic,published,band_low,band_high,date,service_level,weight,source,notes\n"
            + "fuzz-days,Xian,Duisburg,days,northern,value,15,1,100,2026-03-03,block-train,1,\"Test source, https://example.org/a, 2026-01-01\",\n");
        File.WriteAllBytes(Path.Combine(Pairs, "binary.csv"), [0x66, 0x72, 0x6F, 0x6D, 0x2C, 0xFF, 0x00, 0xC0, 0xAF, 0x0A, 0x61, 0x2C, 0x62]);

        _sharedData = [Path.GetFullPath(Data), Path.GetFullPath(Mini)];
        _sharedStores = [null, GoodStore];
        _bundledBefore = Snapshot(Data).Concat(Snapshot(Mini)).ToDictionary();
        _defaultStoreExisted = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), ".corridors"));
    }

    /// <summary>The temp folder every write goes to.</summary>
    public string Root { get; }

    /// <summary>A folder outside <see cref="Root"/> that nothing may write to.</summary>
    public string Outside { get; }

    /// <summary>A file in <see cref="Outside"/> that links in <see cref="Out"/> point to.</summary>
    public string Sentinel { get; }

    public string Out => Path.Combine(Root, "out");

    public string Stores => Path.Combine(Root, "store");

    public string Pairs => Path.Combine(Root, "pairs");

    public string Cache => Path.Combine(Root, "cache");

    public string Cases => Path.Combine(Root, "cases");

    public string Fifo => Path.Combine(Out, "fifo");

    public string Device => Path.Combine(Out, "null-device");

    public bool HasFifo { get; }

    public bool HasDevice { get; }

    public string GoodStore { get; }

    /// <summary>The CLI test fixture network (fast to load: Xi'an, Duisburg, Rotterdam, ...).</summary>
    public static string MiniFixture => Path.Combine(RepoPaths.Root, "test", "Corridors.Cli.Tests", "TestData", "mini");

    /// <summary>A copy of the bundled data (with sea/), read by the command-line cases.</summary>
    public string Data { get; }

    /// <summary>A copy of <see cref="MiniFixture"/>.</summary>
    public string Mini { get; }

    /// <summary>
    /// The environment of a fuzz run: bundled data, the temp store and cache. With <paramref name="useShared"/>, runs on
    /// the bundled or mini data with a known store share one workspace per (data, store, cache), so thousands of
    /// runs do not reload the network; the shared workspaces log nowhere (their first run's writers are gone later).
    /// </summary>
    public CliEnvironment Environment(bool useShared = true, string? cache = null) => new(Data, GoodStore, cache ?? Cache, null, TimeProvider.System)
    {
        Workspaces = useShared ? Shared : null,
    };

    private CorridorsWorkspace? Shared(WorkspaceOptions options)
    {
        string data;
        try
        {
            data = Path.GetFullPath(options.DataDirectory);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!_sharedData.Contains(data) || !_sharedStores.Contains(options.Store?.ConnectionString))
        {
            return null;
        }

        return _workspaces.GetOrAdd((data, options.Store?.ConnectionString, options.CacheDirectory), _ => new Lazy<CorridorsWorkspace>(
            () => new CorridorsWorkspace(options with { LoggerFactory = NullLoggerFactory.Instance }))).Value;
    }

    /// <summary>Problems found after the run: anything written outside <see cref="Root"/>, temp files left behind.</summary>
    public List<string> CheckNothingWrittenOutside()
    {
        var problems = new List<string>();
        if (File.ReadAllText(Sentinel) != "sentinel")
        {
            problems.Add($"the sentinel {Sentinel} outside the temp folder was changed");
        }

        if (Directory.GetFileSystemEntries(Outside).Length != 1)
        {
            problems.Add($"files appeared next to the sentinel: {string.Join(", ", Directory.GetFileSystemEntries(Outside))}");
        }

        if (FileKinds.Of("/dev/null") != PathKind.Special)
        {
            problems.Add("/dev/null is no longer a device");
        }

        foreach (var suffix in new[] { "-journal", "-wal", "-shm" })
        {
            if (File.Exists("/dev/null" + suffix))
            {
                problems.Add($"/dev/null{suffix} was created");
            }
        }

        if (FileKinds.Of(Path.Combine(Out, "link-outside.geojson")) != PathKind.SymbolicLink || FileKinds.Of(Path.Combine(Out, "link-devnull")) != PathKind.SymbolicLink)
        {
            problems.Add("a symbolic link given as an output was replaced");
        }

        if (HasFifo && FileKinds.Of(Fifo) != PathKind.Special)
        {
            problems.Add("the FIFO given as an output was replaced");
        }

        if (HasDevice && FileKinds.Of(Device) != PathKind.Special)
        {
            problems.Add("the device node given as an output was replaced");
        }

        var after = Snapshot(Data).Concat(Snapshot(Mini)).ToDictionary();
        if (after.Count != _bundledBefore.Count || after.Any(kv => !_bundledBefore.TryGetValue(kv.Key, out var before) || before != kv.Value))
        {
            problems.Add("a data directory the runs read was written to");
        }

        if (!_defaultStoreExisted && Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), ".corridors")))
        {
            problems.Add("the default store .corridors/ was created in the working directory");
        }

        var temps = Directory.EnumerateFiles(Root, "*.tmp", SearchOption.AllDirectories).ToList();
        if (temps.Count > 0)
        {
            problems.Add($"temp files were left behind: {string.Join(", ", temps.Take(5))}");
        }

        return problems;
    }

    public void Dispose()
    {
        foreach (var dir in new[] { Root, Outside })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Copies a data directory (the CSV files, and sea/ when asked).</summary>
    public static void Copy(string from, string to, bool withSea)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*.csv"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        // The sea lanes and the Caspian crossing tables travel with the full copy, so their commands are fuzzed too.
        foreach (var folder in new[] { "sea", "caspian" })
        {
            var source = Path.Combine(from, folder);
            if (withSea && Directory.Exists(source))
            {
                Directory.CreateDirectory(Path.Combine(to, folder));
                foreach (var file in Directory.EnumerateFiles(source))
                {
                    File.Copy(file, Path.Combine(to, folder, Path.GetFileName(file)));
                }
            }
        }
    }

    private static Dictionary<string, (long Length, DateTime Written)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)));

    /// <summary>Makes a character device like /dev/null (1,3) with mknod(1); only root may, elsewhere this is skipped.</summary>
    private static bool TryMakeNullDevice(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("mknod", [path, "c", "1", "3"]) { UseShellExecute = false, RedirectStandardError = true });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0 && FileKinds.Of(path) == PathKind.Special;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
