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
/// to read or write the cache is never an error: the distances are then routed.
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

    public static bool TryRead(string? dir, string key, out IReadOnlyList<SeaLegDistance> distances, out IReadOnlyList<Diagnostic> diagnostics)
    {
        distances = [];
        diagnostics = [];
        if (dir is null)
        {
            return false;
        }

        try
        {
            var path = Path.Combine(dir, "sea-legs-" + key + ".json");
            if (!File.Exists(path))
            {
                return false;
            }

            // A tab-separated text file: trivial to parse, no serializer to warm up in a short-lived process.
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var list = new List<SeaLegDistance>();
            var diags = new List<Diagnostic>();
            foreach (var line in File.ReadAllLines(path))
            {
                var f = line.Split('\t');
                if (f[0] == "L" && f.Length == 4)
                {
                    list.Add(new SeaLegDistance(f[1], double.Parse(f[2], ci), f[3].Length == 0 ? [] : f[3].Split(';')));
                }
                else if (f[0] == "D" && f.Length == 8)
                {
                    diags.Add(new Diagnostic(f[1] == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, f[2], f[3],
                        int.Parse(f[4], ci), int.Parse(f[5], ci), f[6], f[7].Length == 0 ? null : f[7]));
                }
                else if (f[0] != "#")
                {
                    return false;
                }
            }

            distances = list;
            diagnostics = diags;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return false;
        }
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
            var path = Path.Combine(dir, "sea-legs-" + key + ".json");
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var text = new StringBuilder("#\tcorridors sea-leg distances (cache; safe to delete)\n");
            foreach (var d in distances)
            {
                text.Append(ci, $"L\t{Clean(d.LegId)}\t{d.DistanceKm:R}\t{Clean(string.Join(';', d.Passages))}\n");
            }

            foreach (var d in diagnostics)
            {
                text.Append(ci, $"D\t{(d.IsError ? "error" : "warning")}\t{Clean(d.Code)}\t{Clean(d.File)}\t{d.Line}\t{d.Column}\t{Clean(d.Message)}\t{Clean(d.Hint ?? string.Empty)}\n");
            }

            File.WriteAllText(temp, text.ToString());
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk only costs the next process a re-route.
        }
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
