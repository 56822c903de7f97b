using System.Security.Cryptography;
using System.Text;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Sea;

namespace Corridors.Data.Sea;

/// <summary>
/// Caches the routed sea-leg distances on disk, keyed by a SHA-256 of everything they depend on: the sea-lane files,
/// <c>passages.csv</c>, the ocean legs' vessel size, every sea leg's id, mode, end nodes (coordinates, kind, sea), passages, distance and row, the
/// tolerance, and the identity of the Core and Data assemblies (so a new build never reads an old result). A hit
/// saves building the sea graph on every <c>route</c>/<c>compare</c> process. The caller names the cache directory
/// (the front ends choose it: the CLI from <c>CORRIDORS_CACHE</c> or the XDG cache folder); null disables it. Failing
/// to read or write the cache is never an error: the distances are then routed. Each file starts with a header and a
/// format version and ends with a SHA-256 of everything before it, so an empty, truncated or edited file is detected,
/// reported (warning CORR0127), discarded and rewritten.
/// </summary>
internal static class SeaLegCache
{
    public static string Key(NetworkDefinition definition, string dataDirectory, double tolerance)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001f"));
        Add("sea-legs/1");
        Add(typeof(OceanLegDistances).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(SeaLegCache).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Add(OceanLegDistances.VesselTeu(definition).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in new[] { Path.Combine(SeaDataLoader.Folder, SeaDataLoader.NetworkFile), Path.Combine(SeaDataLoader.Folder, "gates.csv"), Path.Combine(SeaDataLoader.Folder, "basins.csv"), "passages.csv" })
        {
            var path = Path.Combine(dataDirectory, file);
            Add(file);
            if (File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        foreach (var leg in definition.Legs)
        {
            if (leg.Mode is not (TransportMode.Ocean or TransportMode.Feeder or TransportMode.Ferry))
            {
                continue;
            }

            Add(string.Join('|', leg.Id, leg.Mode, leg.From, leg.To, string.Join(';', leg.Passages),
                leg.DistanceKm.ToString("R", System.Globalization.CultureInfo.InvariantCulture), leg.Origin.File, leg.Origin.Line));
            foreach (var id in new[] { leg.From, leg.To })
            {
                if (definition.NodeById.TryGetValue(id, out var n))
                {
                    Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n.Id}|{n.Lon:R}|{n.Lat:R}|{n.Kind}|{n.Sea}|{n.Name}"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The format version written on the second line; a file of another version is discarded.</summary>
    public const int FormatVersion = 2;

    private const string Header = "#\tcorridors sea-leg distances (cache; safe to delete)";

    /// <summary>The cache file of <paramref name="key"/> in <paramref name="dir"/>.</summary>
    public static string FilePath(string dir, string key) => Path.Combine(dir, "sea-legs-" + key + ".txt");

    /// <summary>
    /// Reads the cached distances and diagnostics. A missing file (or no cache directory) is a plain miss. A file that
    /// is empty, truncated, of another version, fails its SHA-256 checksum or does not parse is deleted and reported
    /// in <paramref name="problem"/> (warning CORR0127, located at the line where reading stopped); the caller routes
    /// the legs again and writes a new file.
    /// </summary>
    public static bool TryRead(string? dir, string key, out IReadOnlyList<SeaLegDistance> distances, out IReadOnlyList<Diagnostic> diagnostics, out Diagnostic? problem)
    {
        distances = [];
        diagnostics = [];
        problem = null;
        if (dir is null)
        {
            return false;
        }

        var path = FilePath(dir, key);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (Csv.CsvText.NotAFile(path) is { } what)
            {
                problem = Damaged(path, 0, $"it is {what}");
                return false;
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: routed again, and the write below may replace it
        }
        catch (DecoderFallbackException)
        {
            problem = Discard(path, 1, "it is not UTF-8 text");
            return false;
        }

        if (Parse(text, out var list, out var diags) is { } failure)
        {
            problem = Discard(path, failure.Line, failure.Reason);
            return false;
        }

        distances = list;
        diagnostics = diags;
        return true;
    }

    /// <summary>Checks and parses a cache file's text; null when it is sound, else where and why it is not.</summary>
    internal static (int Line, string Reason)? Parse(string text, out List<SeaLegDistance> distances, out List<Diagnostic> diagnostics)
    {
        distances = [];
        diagnostics = [];
        if (text.Length == 0)
        {
            return (1, "it is empty");
        }

        // The checksum line is last; it covers every byte before it.
        var body = text.EndsWith('\n') ? text[..^1] : text;
        var lastBreak = body.LastIndexOf('\n');
        var lines = text.Split('\n');
        var lineCount = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        if (lastBreak < 0 || !body[(lastBreak + 1)..].StartsWith("S\t", StringComparison.Ordinal))
        {
            return (lineCount, "it has no checksum line (the file is truncated)");
        }

        var expected = body[(lastBreak + 3)..];
        var actual = Checksum(text[..(lastBreak + 1)]);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return (lineCount, "its checksum does not match its content");
        }

        if (lines[0] != Header)
        {
            return (1, "it does not start with the cache header");
        }

        if (lineCount < 2 || lines[1] != string.Create(System.Globalization.CultureInfo.InvariantCulture, $"V\t{FormatVersion}"))
        {
            return (2, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it is not of format version {FormatVersion}"));
        }

        var ci = System.Globalization.CultureInfo.InvariantCulture;
        for (var i = 2; i < lineCount - 1; i++)
        {
            var f = lines[i].Split('\t');
            if (f[0] == "L" && f.Length == 4 && double.TryParse(f[2], System.Globalization.NumberStyles.Float, ci, out var km) && double.IsFinite(km) && km >= 0)
            {
                distances.Add(new SeaLegDistance(f[1], km, f[3].Length == 0 ? [] : f[3].Split(';')));
            }
            else if (f[0] == "D" && f.Length == 8 && int.TryParse(f[4], ci, out var line) && int.TryParse(f[5], ci, out var column))
            {
                diagnostics.Add(new Diagnostic(f[1] == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, f[2], f[3],
                    line, column, f[6], f[7].Length == 0 ? null : f[7]));
            }
            else
            {
                return (i + 1, "a line does not parse");
            }
        }

        return null;
    }

    public static void Write(string? dir, string key, IReadOnlyList<SeaLegDistance> distances, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (dir is null)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(dir);
            var path = FilePath(dir, key);
            if (File.Exists(path) && Csv.CsvText.NotAFile(path) is not null)
            {
                return; // never replace a device, FIFO or directory someone put there
            }

            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var text = new StringBuilder(Header).Append('\n').Append(ci, $"V\t{FormatVersion}\n");
            foreach (var d in distances)
            {
                text.Append(ci, $"L\t{Clean(d.LegId)}\t{d.DistanceKm:R}\t{Clean(string.Join(';', d.Passages))}\n");
            }

            foreach (var d in diagnostics)
            {
                text.Append(ci, $"D\t{(d.IsError ? "error" : "warning")}\t{Clean(d.Code)}\t{Clean(d.File)}\t{d.Line}\t{d.Column}\t{Clean(d.Message)}\t{Clean(d.Hint ?? string.Empty)}\n");
            }

            var content = text.ToString();
            try
            {
                File.WriteAllText(temp, content + "S\t" + Checksum(content) + "\n");
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk only costs the next process a re-route.
        }
    }

    private static string Checksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Diagnostic Discard(string path, int line, string reason)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The rewrite replaces it, or the next process tries again.
        }

        return Damaged(path, line, reason + "; it was discarded and the sea legs are routed again");
    }

    private static Diagnostic Damaged(string path, int line, string reason) =>
        new(DiagnosticSeverity.Warning, "CORR0127", path, line, line > 0 ? 1 : 0, $"The sea-leg cache file cannot be used: {reason}.", "The cache is safe to delete; it is rebuilt when needed.");

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
