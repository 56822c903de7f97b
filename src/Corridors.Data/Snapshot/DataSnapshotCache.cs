using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Corridors.Data.Sea;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Sea;
using Corridors.Serialization;

namespace Corridors.Data.Snapshot;

/// <summary>
/// What a data directory loads to, ready to use: the validated network definition with sea-lane distances applied,
/// the warnings its loading gave, and the sea-lane data (graph and gazetteer), null when the directory has none.
/// </summary>
/// <param name="Definition">The validated definition, sea-lane distances applied.</param>
/// <param name="Diagnostics">Warnings of loading the network files and routing the sea legs.</param>
/// <param name="Sea">The sea-lane data (graph, ports, warnings), or null without <c>sea/</c>.</param>
public sealed record DataSnapshot(NetworkDefinition Definition, IReadOnlyList<Diagnostic> Diagnostics, SeaDataLoadResult? Sea);

/// <summary>
/// Keeps a <see cref="DataSnapshot"/> on disk so that a process does not parse the CSV files and the sea-lane GeoJSON,
/// nor build the sea graph, again: one binary file per data content and build in the cache directory the front end
/// chooses (as <see cref="SeaLegCache"/> and the Caspian wait cache do), named by a SHA-256 of the data fingerprint
/// (<see cref="Store.DataFingerprint.Of"/>: every data file's name and bytes), the format version and the identity of
/// the Core and Data assemblies. A changed data file or a new build is a different name, so a stale snapshot is
/// never read. The file starts with a magic, the format version and the key, and ends with a SHA-256 of every byte
/// before it: an empty, truncated or edited file is reported (warning CORR0170), deleted and written again. Failing
/// to read or write the cache is never an error; the files are then loaded as without it.
/// </summary>
public static class DataSnapshotCache
{
    /// <summary>The format version; a file of another version is a different name and is never read.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "CORRSNAP"u8;

    private const int ChecksumBytes = 32;

    /// <summary>The key of a data fingerprint: hex SHA-256 over the format version, the build and the fingerprint.</summary>
    public static string Key(string dataFingerprint)
    {
        ArgumentNullException.ThrowIfNull(dataFingerprint);
        var build = typeof(SeaGraph).Assembly.ManifestModule.ModuleVersionId + "\n" + typeof(DataSnapshotCache).Assembly.ManifestModule.ModuleVersionId;
        return Store.DataFingerprint.OfText(string.Create(CultureInfo.InvariantCulture, $"data-snapshot/{FormatVersion}\n{build}\n{dataFingerprint}"))[..32];
    }

    /// <summary>The snapshot file of <paramref name="dataFingerprint"/> in <paramref name="cacheDirectory"/>.</summary>
    public static string FilePath(string cacheDirectory, string dataFingerprint) => Path.Combine(cacheDirectory, "data-" + Key(dataFingerprint) + ".bin");

    /// <summary>
    /// Reads the snapshot of <paramref name="dataFingerprint"/>. A missing file, or no cache directory, is a plain miss.
    /// A file that is not a regular file, is empty or truncated, fails its checksum or does not parse is a miss with
    /// <paramref name="problem"/> set (warning CORR0170); a damaged file is deleted, so the caller's rewrite replaces it.
    /// </summary>
    public static bool TryRead(string? cacheDirectory, string dataFingerprint, [MaybeNullWhen(false)] out DataSnapshot snapshot, out Diagnostic? problem)
    {
        snapshot = null;
        problem = null;
        if (cacheDirectory is null)
        {
            return false;
        }

        var path = FilePath(cacheDirectory, dataFingerprint);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (Csv.CsvText.NotAFile(path) is { } what)
            {
                problem = Damaged(path, $"it is {what}");
                return false;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: loaded from the files, and the write may replace it
        }

        if (Check(bytes, Key(dataFingerprint)) is { } reason)
        {
            problem = Discard(path, reason);
            return false;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - Magic.Length - ChecksumBytes, writable: false), Encoding.UTF8);
            reader.ReadInt32();
            reader.ReadString();
            snapshot = Read(reader);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                snapshot = null;
                problem = Discard(path, "it has bytes after its content");
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // The checksum matched, so only a writer of another build with the same key could get here.
            snapshot = null;
            problem = Discard(path, "its content does not parse");
            return false;
        }
    }

    /// <summary>Writes the snapshot (atomically: a temporary file, then a rename). I/O failures are ignored.</summary>
    public static void Write(string? cacheDirectory, string dataFingerprint, DataSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (cacheDirectory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(cacheDirectory);
            var path = FilePath(cacheDirectory, dataFingerprint);
            if (File.Exists(path) && Csv.CsvText.NotAFile(path) is not null)
            {
                return; // never replace a device, FIFO or directory someone put there
            }

            var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Key(dataFingerprint));
                DefinitionBinary.Write(writer, snapshot.Definition);
                DefinitionBinary.Write(writer, snapshot.Diagnostics);
                writer.Write(snapshot.Sea is not null);
                if (snapshot.Sea is { } sea)
                {
                    sea.GetGraphOrThrow().WriteTo(writer);
                    writer.WriteList(sea.Ports, static (w, p) =>
                    {
                        w.Write(p.Id);
                        w.Write(p.Name);
                        w.Write(p.Country);
                        w.Write(p.Lat);
                        w.Write(p.Lon);
                    });
                    DefinitionBinary.Write(writer, sea.Diagnostics.Items);
                }
            }

            var content = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var file = File.Create(temp))
                {
                    file.Write(content);
                    file.Write(SHA256.HashData(content));
                }

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
            // A read-only or full disk only costs the next process a load from the files.
        }
    }

    /// <summary>Why the bytes are not a sound snapshot of <paramref name="key"/>, or null when they are.</summary>
    private static string? Check(byte[] bytes, string key)
    {
        if (bytes.Length == 0)
        {
            return "it is empty";
        }

        if (bytes.Length < Magic.Length + sizeof(int) + ChecksumBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return "it does not start with the snapshot header";
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            return "its checksum does not match its content (the file is truncated or was edited)";
        }

        var version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != FormatVersion)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it is of format version {version}, not {FormatVersion}");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + sizeof(int), body.Length - Magic.Length - sizeof(int), writable: false), Encoding.UTF8);
        try
        {
            return reader.ReadString() == key ? null : "it was written for other data or another build";
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException)
        {
            return "its header does not parse";
        }
    }

    private static DataSnapshot Read(BinaryReader reader)
    {
        var definition = DefinitionBinary.Read(reader);
        var diagnostics = DefinitionBinary.ReadDiagnostics(reader);
        SeaDataLoadResult? sea = null;
        if (reader.ReadBoolean())
        {
            var graph = SeaGraph.ReadFrom(reader);
            var ports = reader.ReadList(static r => new SeaPort(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadDouble(), r.ReadDouble()));
            var bag = new DiagnosticBag();
            foreach (var d in DefinitionBinary.ReadDiagnostics(reader))
            {
                bag.Add(d);
            }

            sea = new SeaDataLoadResult(graph, ports, bag);
        }

        return new DataSnapshot(definition, diagnostics, sea);
    }

    private static Diagnostic Discard(string path, string reason)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The rewrite replaces it, or the next process tries again.
        }

        return Damaged(path, reason + "; it was discarded and is rebuilt from the data files");
    }

    private static Diagnostic Damaged(string path, string reason) =>
        new(DiagnosticSeverity.Warning, "CORR0170", path, 0, 0, $"The data snapshot cannot be used: {reason}.", "The cache is safe to delete; it is rebuilt when needed.");
}
