using System.Globalization;
using Corridors.Assignment;
using Corridors.Data.Csv;
using Corridors.Diagnostics;

namespace Corridors.Data.Tntp;

/// <summary>A TNTP network file: the assignment network and its links in file order (0-based nodes).</summary>
/// <param name="Network">The frozen network (zones first, through-node rule, toll and distance factors applied).</param>
/// <param name="Links">Links in file order; <see cref="TrafficNetwork.InputIndex"/> refers to this list.</param>
public sealed record TntpNetwork(TrafficNetwork Network, IReadOnlyList<TrafficLink> Links);

/// <summary>One row of a TNTP flow file (best-known link flows), with the file's 1-based node numbers.</summary>
/// <param name="From">Tail node (1-based).</param>
/// <param name="To">Head node (1-based).</param>
/// <param name="Volume">Link flow.</param>
/// <param name="Cost">Link cost at that flow.</param>
public readonly record struct TntpLinkFlow(int From, int To, double Volume, double Cost);

/// <summary>
/// Reads the TNTP formats of the Transportation Networks for Research collection: <c>*_net.tntp</c> (links with
/// BPR parameters), <c>*_trips.tntp</c> (origin–destination demand) and <c>*_flow.tntp</c> (link flows). Every
/// problem is reported as a diagnostic with its file, line and column (CORR0001 for a missing or unreadable file, CORR0702–CORR0709) and the read
/// throws one <see cref="InputDataException"/> listing them all.
/// </summary>
public static class TntpReader
{
    /// <summary>Reads a network file.</summary>
    /// <param name="path">The <c>*_net.tntp</c> file.</param>
    /// <param name="costWeights">
    /// Toll and distance weights in the generalised cost; null takes the file's <c>&lt;TOLL FACTOR&gt;</c> and
    /// <c>&lt;DISTANCE FACTOR&gt;</c> (0 when absent). Some networks give them only in their README.
    /// </param>
    public static TntpNetwork ReadNetwork(string path, (double Toll, double Distance)? costWeights = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var lines = ReadLines(path, bag);
        var meta = ReadMetadata(path, lines, bag, out var body);
        var zones = RequiredInt(meta, "NUMBER OF ZONES", path, bag);
        var nodes = RequiredInt(meta, "NUMBER OF NODES", path, bag);
        var declaredLinks = RequiredInt(meta, "NUMBER OF LINKS", path, bag);
        var firstThrough = OptionalNumber(meta, "FIRST THRU NODE", path, bag) ?? 1;
        var tollFactor = OptionalNumber(meta, "TOLL FACTOR", path, bag) ?? 0;
        var distanceFactor = OptionalNumber(meta, "DISTANCE FACTOR", path, bag) ?? 0;
        if (zones > MaxZones || nodes > MaxNodes)
        {
            bag.Error("CORR0702", path, meta[zones > MaxZones ? "NUMBER OF ZONES" : "NUMBER OF NODES"].Line, 1,
                $"At most {MaxZones:N0} zones and {MaxNodes:N0} nodes are supported.");
            bag.ThrowIfErrors();
        }

        if (zones > nodes && nodes > 0)
        {
            bag.Error("CORR0703", path, meta["NUMBER OF ZONES"].Line, 1, $"<NUMBER OF ZONES> {zones} exceeds <NUMBER OF NODES> {nodes}.");
        }

        var links = new List<TrafficLink>();
        for (var i = body; i < lines.Length; i++)
        {
            var fields = Fields(lines[i]);
            if (fields.Count == 0)
            {
                continue;
            }

            var lineNo = i + 1;
            if (fields.Count < 7)
            {
                bag.Error("CORR0704", path, lineNo, fields[0].Column, $"A link row needs at least 7 fields (init_node term_node capacity length free_flow_time b power); found {fields.Count}.");
                continue;
            }

            var from = Node(fields[0], nodes, path, lineNo, bag);
            var to = Node(fields[1], nodes, path, lineNo, bag);
            var capacity = NonNegative(fields[2], "capacity", path, lineNo, bag);
            var length = NonNegative(fields[3], "length", path, lineNo, bag);
            var time = NonNegative(fields[4], "free_flow_time", path, lineNo, bag);
            var b = NonNegative(fields[5], "b", path, lineNo, bag);
            var power = NonNegative(fields[6], "power", path, lineNo, bag);
            var toll = fields.Count > 8 ? NonNegative(fields[8], "toll", path, lineNo, bag) : 0;
            if (b > 0 && time > 0 && capacity == 0)
            {
                bag.Error("CORR0705", path, lineNo, fields[2].Column, "capacity must be positive on a link with b > 0 and a positive free-flow time.");
            }

            links.Add(new TrafficLink(from - 1, to - 1, capacity, length, time, b, power, toll));
        }

        if (declaredLinks > 0 && links.Count != declaredLinks && !bag.HasErrors)
        {
            bag.Error("CORR0706", path, meta["NUMBER OF LINKS"].Line, 1, $"<NUMBER OF LINKS> says {declaredLinks} but the file has {links.Count} link rows.");
        }

        bag.ThrowIfErrors();
        if (costWeights is { } weights)
        {
            (tollFactor, distanceFactor) = weights;
        }

        var network = TrafficNetwork.Create(nodes, zones, (int)firstThrough - 1, links, tollFactor, distanceFactor);
        return new TntpNetwork(network, links);
    }

    /// <summary>Reads a trips file for a network with <paramref name="zoneCount"/> zones.</summary>
    public static TripTable ReadTrips(string path, int zoneCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var lines = ReadLines(path, bag);
        var meta = ReadMetadata(path, lines, bag, out var body);
        var zones = RequiredInt(meta, "NUMBER OF ZONES", path, bag);
        if (zones != zoneCount && meta.ContainsKey("NUMBER OF ZONES"))
        {
            bag.Error("CORR0703", path, meta["NUMBER OF ZONES"].Line, 1, $"<NUMBER OF ZONES> is {zones} but the network has {zoneCount} zones.");
        }

        var table = new TripTable(zoneCount);
        var origin = -1;
        for (var i = body; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            var lineNo = i + 1;
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.StartsWith("Origin", StringComparison.OrdinalIgnoreCase))
            {
                var fields = Fields(line);
                if (fields.Count != 2)
                {
                    bag.Error("CORR0707", path, lineNo, 1, "An origin line reads 'Origin N'.");
                    origin = -1;
                    continue;
                }

                origin = Node(fields[1], zoneCount, path, lineNo, bag) - 1;
                continue;
            }

            var column = 1;
            foreach (var entry in line.Split(';'))
            {
                var entryColumn = column;
                column += entry.Length + 1;
                if (entry.Trim().Length == 0)
                {
                    continue;
                }

                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                var start = entryColumn + entry.Length - entry.TrimStart().Length;
                if (colon < 0)
                {
                    bag.Error("CORR0707", path, lineNo, start, $"Expected 'destination : demand', found '{entry.Trim()}'.");
                    continue;
                }

                if (origin < 0)
                {
                    bag.Error("CORR0707", path, lineNo, start, "Demand appears before any 'Origin N' line.");
                    break;
                }

                var destination = Node(new Field(entry[..colon].Trim(), start), zoneCount, path, lineNo, bag) - 1;
                var valueText = entry[(colon + 1)..];
                var valueColumn = entryColumn + colon + 1 + valueText.Length - valueText.TrimStart().Length;
                var q = NonNegative(new Field(valueText.Trim(), valueColumn), "demand", path, lineNo, bag);
                if (destination >= 0 && q > 0)
                {
                    table[origin, destination] = table[origin, destination] + q;
                }
            }
        }

        bag.ThrowIfErrors();
        return table;
    }

    /// <summary>Reads a flow file (header line <c>From To Volume Cost</c>, then one row per link).</summary>
    public static IReadOnlyList<TntpLinkFlow> ReadFlows(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var lines = ReadLines(path, bag);
        var rows = new List<TntpLinkFlow>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = Fields(lines[i]);
            if (fields.Count == 0 || (rows.Count == 0 && !char.IsAsciiDigit(fields[0].Text[0])))
            {
                continue;
            }

            var lineNo = i + 1;
            if (fields.Count < 4)
            {
                bag.Error("CORR0708", path, lineNo, fields[0].Column, $"A flow row needs 4 fields (from to volume cost); found {fields.Count}.");
                continue;
            }

            var from = Node(fields[0], int.MaxValue, path, lineNo, bag);
            var to = Node(fields[1], int.MaxValue, path, lineNo, bag);
            rows.Add(new TntpLinkFlow(from, to, NonNegative(fields[2], "volume", path, lineNo, bag), NonNegative(fields[3], "cost", path, lineNo, bag)));
        }

        bag.ThrowIfErrors();
        return rows;
    }

    // Dense trip tables grow with the square of the zone count; these limits keep a hostile header from exhausting memory.
    private const int MaxZones = 5_000;
    private const int MaxNodes = 5_000_000;

    private static string[] ReadLines(string path, DiagnosticBag bag)
    {
        // Missing files, directories and FIFOs are CORR0001, as for every data file (reading a FIFO would block).
        var text = CsvText.ReadFile(path, path, bag);
        bag.ThrowIfErrors();
        return text!.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static Dictionary<string, (string Value, int Line)> ReadMetadata(string path, string[] lines, DiagnosticBag bag, out int body)
    {
        var meta = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('<'))
            {
                continue;
            }

            var close = line.IndexOf('>', StringComparison.Ordinal);
            if (close < 0)
            {
                bag.Error("CORR0702", path, i + 1, 1, "A metadata tag has no closing '>'.");
                continue;
            }

            var key = line[1..close].Trim();
            if (key.Equals("END OF METADATA", StringComparison.OrdinalIgnoreCase))
            {
                body = i + 1;
                return meta;
            }

            meta[key] = (line[(close + 1)..].Trim(), i + 1);
        }

        bag.Error("CORR0702", path, Math.Max(1, lines.Length), 1, "The file has no <END OF METADATA> line.");
        bag.ThrowIfErrors();
        body = lines.Length;
        return meta;
    }

    private static int RequiredInt(Dictionary<string, (string Value, int Line)> meta, string key, string path, DiagnosticBag bag)
    {
        if (!meta.TryGetValue(key, out var entry))
        {
            bag.Error("CORR0702", path, 1, 1, $"The metadata has no <{key}>.");
            return 0;
        }

        if (!int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            bag.Error("CORR0702", path, entry.Line, 1, $"<{key}> must be a non-negative integer, not '{entry.Value}'.");
            return 0;
        }

        return value;
    }

    private static double? OptionalNumber(Dictionary<string, (string Value, int Line)> meta, string key, string path, DiagnosticBag bag)
    {
        if (!meta.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (!double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            bag.Error("CORR0702", path, entry.Line, 1, $"<{key}> must be a non-negative number, not '{entry.Value}'.");
            return null;
        }

        return value;
    }

    private static int Node(Field field, int nodeCount, string path, int line, DiagnosticBag bag)
    {
        if (!int.TryParse(field.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var node) || node < 1 || node > nodeCount)
        {
            var range = nodeCount == int.MaxValue ? "a positive integer" : $"an integer in 1..{nodeCount}";
            bag.Error("CORR0709", path, line, field.Column, $"Node '{field.Text}' must be {range}.");
            return 0;
        }

        return node;
    }

    private static double NonNegative(Field field, string name, string path, int line, DiagnosticBag bag)
    {
        if (!double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            bag.Error("CORR0705", path, line, field.Column, $"{name} must be a non-negative number, not '{field.Text}'.");
            return 0;
        }

        return value;
    }

    private static string StripComment(string line)
    {
        var tilde = line.IndexOf('~', StringComparison.Ordinal);
        return tilde < 0 ? line : line[..tilde];
    }

    /// <summary>Whitespace-separated fields of a data line, without comments and the closing ';', with 1-based columns.</summary>
    private static List<Field> Fields(string line)
    {
        var fields = new List<Field>();
        var text = StripComment(line);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ';'))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ';')
            {
                i++;
            }

            if (i > start)
            {
                fields.Add(new Field(text[start..i], start + 1));
            }
        }

        return fields;
    }

    private readonly record struct Field(string Text, int Column);
}
