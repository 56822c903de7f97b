using Corridors.Serialization;

namespace Corridors.Sea;

/// <summary>The sea graph as bytes, for the binary snapshot of the data (Corridors.Data's <c>DataSnapshotCache</c>).</summary>
public sealed partial class SeaGraph
{
    /// <summary>
    /// Writes everything the graph was built from, and its landmark tables (a dozen Dijkstra runs), so that
    /// <see cref="ReadFrom"/> rebuilds it without the GeoJSON, the builder or the landmark searches.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteArray<double>(_lon);
        writer.WriteArray<double>(_lat);
        writer.WriteArray<int>(_vertexNode);
        writer.WriteArray<int>(_vertexChain);
        writer.WriteArray<int>(_vertexPos);
        writer.WriteArray<int>(_nodeVertex);
        writer.WriteArray<int>(_chainFirst);
        writer.WriteArray<int>(_chainVertex);
        writer.WriteArray<double>(_chainOffsetKm);
        writer.WriteArray<ulong>(_chainSegmentMask);
        writer.WriteList<PassageGate>(_gates, static (w, g) =>
        {
            w.Write(g.Id);
            w.Write(g.Lon1);
            w.Write(g.Lat1);
            w.Write(g.Lon2);
            w.Write(g.Lat2);
            w.WriteStrings(g.Countries);
            w.Write(g.SizeLimit is not null);
            if (g.SizeLimit is { } s)
            {
                w.WriteOptional(s.MaxTeu);
                w.WriteOptional(s.MaxLengthM);
                w.WriteOptional(s.MaxBeamM);
                w.WriteOptional(s.MaxDraftM);
                w.Write(s.Source);
            }
        });
        writer.WriteList<LandlockedBasin>(_basins, static (w, b) =>
        {
            w.Write(b.Id);
            w.Write(b.Name);
            w.Write(b.MinLon);
            w.Write(b.MinLat);
            w.Write(b.MaxLon);
            w.Write(b.MaxLat);
        });
        writer.WriteArray<double>(_basinLon);
        writer.WriteArray<double>(_basinLat);
        writer.WriteArray<int>(_basinOf);
        var r = BuildReport;
        foreach (var n in (ReadOnlySpan<int>)[r.InputLines, r.InputCoordinates, r.DistinctVertices, r.StitchedAntimeridianVertices, r.Components, r.KeptVertices, r.BasinVertices, r.DroppedComponents, r.DroppedVertices])
        {
            writer.Write(n);
        }

        writer.WriteList(r.GateCrossings.ToArray(), static (w, kv) =>
        {
            w.Write(kv.Key);
            w.Write(kv.Value);
        });
        writer.Write(_landmarkCount);
        writer.WriteArray<double>(_landmarkDist);
    }

    /// <summary>Reads a graph written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="EndOfStreamException">The bytes end too early.</exception>
    /// <exception cref="InvalidDataException">The bytes are not a graph of this build.</exception>
    public static SeaGraph ReadFrom(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lon = reader.ReadArray<double>();
        var lat = reader.ReadArray<double>();
        var vertexNode = reader.ReadArray<int>();
        var vertexChain = reader.ReadArray<int>();
        var vertexPos = reader.ReadArray<int>();
        var nodeVertex = reader.ReadArray<int>();
        var chainFirst = reader.ReadArray<int>();
        var chainVertex = reader.ReadArray<int>();
        var chainOffsetKm = reader.ReadArray<double>();
        var chainSegmentMask = reader.ReadArray<ulong>();
        var gates = reader.ReadList(static r =>
        {
            var gate = new PassageGate(r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadStrings());
            return r.ReadBoolean()
                ? gate with { SizeLimit = new PassageSizeLimit(r.ReadOptionalInt(), r.ReadOptionalDouble(), r.ReadOptionalDouble(), r.ReadOptionalDouble(), r.ReadString()) }
                : gate;
        });
        var basins = reader.ReadList(static r => new LandlockedBasin(r.ReadString(), r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()));
        var basinLon = reader.ReadArray<double>();
        var basinLat = reader.ReadArray<double>();
        var basinOf = reader.ReadArray<int>();
        var counts = new int[9];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = reader.ReadInt32();
        }

        var crossings = reader.ReadList(static r => KeyValuePair.Create(r.ReadString(), r.ReadInt32()));
        var report = new SeaGraphBuildReport(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8],
            new Dictionary<string, int>(crossings, StringComparer.Ordinal));
        var landmarkCount = reader.ReadInt32();
        var landmarks = reader.ReadArray<double>();
        if (chainFirst.Length == 0 || basinLon.Length != basinLat.Length || landmarks.Length != (long)landmarkCount * nodeVertex.Length)
        {
            throw new InvalidDataException("The stored sea graph's arrays do not fit together.");
        }

        return new SeaGraph(lon, lat, vertexNode, vertexChain, vertexPos, nodeVertex, chainFirst, chainVertex, chainOffsetKm, chainSegmentMask,
            gates, basins, basinLon, basinLat, basinOf, report, (landmarkCount, landmarks));
    }
}
