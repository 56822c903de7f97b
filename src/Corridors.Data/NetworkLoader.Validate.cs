using Corridors.Data.Sea;
using Corridors.Diagnostics;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>
    /// Checks every file a command reads from <paramref name="directory"/>, as <c>corridors data validate</c> does: the
    /// network tables (<see cref="Load"/>), <c>reliability.csv</c> (against the network, as <c>reliability</c> reads it)
    /// and, when <c>sea/</c> is present, the sea-lane files and the ocean legs routed on them (as every command that
    /// loads the network does), and when <c>caspian/</c> is present, the Caspian crossing tables (as <c>caspian</c> reads
    /// them). Each diagnostic is reported once. Never throws for bad content.
    /// </summary>
    /// <returns>
    /// The network's definition (without the sea-lane distances applied) when no file has an error, and every
    /// diagnostic of every file, capped at <paramref name="diagnosticCap"/>.
    /// </returns>
    public static NetworkLoadResult Validate(string directory, int diagnosticCap = 1000)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var network = Load(directory, diagnosticCap);
        if (!Directory.Exists(directory))
        {
            return network;
        }

        var diagnostics = new List<Diagnostic>(network.Diagnostics);
        var errors = network.ErrorCount;
        var warnings = network.WarningCount;
        var files = new List<string>(network.Files);
        void Add(DiagnosticBag bag)
        {
            foreach (var d in bag.Items)
            {
                if (diagnostics.Count < diagnosticCap)
                {
                    diagnostics.Add(d);
                }
            }

            errors += bag.ErrorCount;
            warnings += bag.WarningCount;
        }

        var reliabilityPath = Path.Combine(directory, ReliabilityFile);
        if (File.Exists(reliabilityPath))
        {
            files.Add(DisplayPath(reliabilityPath));
            var reliability = new DiagnosticBag(diagnosticCap);
            LoadReliability(directory, reliability, network.Definition);
            Add(reliability);
        }

        if (SeaDataLoader.Exists(directory))
        {
            foreach (var name in SeaDataLoader.Files)
            {
                var path = Path.Combine(directory, SeaDataLoader.Folder, name);
                if (File.Exists(path))
                {
                    files.Add(DisplayPath(path));
                }
            }

            // The sea files' own diagnostics and, with a valid network, the routing of its ocean legs; no cache, so
            // the check runs on the files as they are.
            var sea = SeaDataLoader.Load(directory);
            var seaBag = new DiagnosticBag(diagnosticCap);
            if (network.Definition is { } definition)
            {
                SeaDataLoader.WithSeaLaneDistances(definition, directory, seaBag, cacheDirectory: null, () => sea);
            }
            else
            {
                foreach (var d in sea.Diagnostics.Items)
                {
                    seaBag.Add(d);
                }
            }

            Add(seaBag);
        }

        if (HasCaspian(directory))
        {
            // The Caspian crossing tables, against the network's ports and vessels, as `caspian` reads them.
            foreach (var path in Directory.EnumerateFiles(Path.Combine(directory, CaspianFolder), "*.csv").Order(StringComparer.Ordinal))
            {
                files.Add(DisplayPath(path));
            }

            var caspian = new DiagnosticBag(diagnosticCap);
            LoadCaspian(directory, caspian, network.Definition);
            Add(caspian);
        }

        return new NetworkLoadResult(errors == 0 ? network.Definition : null, diagnostics, errors, warnings, files);
    }
}
