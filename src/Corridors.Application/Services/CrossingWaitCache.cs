using System.Globalization;
using System.Text.Json;
using Corridors.Data;
using Corridors.Network;

namespace Corridors.Application.Services;

/// <summary>
/// Keeps the simulated Caspian crossing waits of a network year on disk (the workspace's cache directory), keyed by
/// the year, the scenario, the data fingerprint the workspace already computes for stored runs
/// (<see cref="Data.Store.DataFingerprint.Of"/>) and the build of Core and Application, so a CLI call does not re-simulate the crossing: a hit costs a file read, a miss
/// the three simulated years (tens of milliseconds). A damaged or stale file is ignored and rewritten.
/// </summary>
internal static class CrossingWaitCache
{
    private const string Prefix = "caspian-waits-";

    /// <summary>The waits from the cache, or computed by <paramref name="compute"/> and stored.</summary>
    public static CrossingWaits? GetOrCompute(string? cacheDirectory, string dataFingerprint, string scenario, int year, Func<CrossingWaits?> compute)
    {
        if (cacheDirectory is null)
        {
            return compute();
        }

        var path = Path.Combine(cacheDirectory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year}-{Key(dataFingerprint, scenario)}.json"));
        if (TryRead(path, year, out var cached))
        {
            return cached;
        }

        var waits = compute();
        Write(path, year, waits);
        return waits;
    }

    private static string Key(string dataFingerprint, string scenario)
    {
        var build = typeof(CrossingWaits).Assembly.ManifestModule.ModuleVersionId + "\n" + typeof(CrossingWaitCache).Assembly.ManifestModule.ModuleVersionId;
        return Data.Store.DataFingerprint.OfText($"{scenario}\n{build}\n{dataFingerprint}")[..24];
    }

    private static bool TryRead(string path, int year, out CrossingWaits? waits)
    {
        waits = null;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("year").GetInt32() != year)
            {
                return false;
            }

            if (root.GetProperty("none").GetBoolean())
            {
                return true;
            }

            var entries = root.GetProperty("waits").EnumerateArray().Select(e => new KeyValuePair<(string, string), CrossingWait>(
                (e.GetProperty("leg").GetString()!, e.GetProperty("from").GetString()!),
                new CrossingWait(e.GetProperty("meanHours").GetDouble(), e.GetProperty("p90Hours").GetDouble()))).ToList();
            waits = new CrossingWaits(year, root.GetProperty("source").GetString()!, entries);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static void Write(string path, int year, CrossingWaits? waits)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = File.Create(temp))
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteNumber("year", year);
                w.WriteBoolean("none", waits is null);
                w.WriteString("source", waits?.Source ?? string.Empty);
                w.WriteStartArray("waits");
                foreach (var (key, wait) in waits?.Entries ?? [])
                {
                    w.WriteStartObject();
                    w.WriteString("leg", key.Leg);
                    w.WriteString("from", key.From);
                    w.WriteNumber("meanHours", wait.MeanHours);
                    w.WriteNumber("p90Hours", wait.P90Hours);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next call a simulation.
        }
    }
}
