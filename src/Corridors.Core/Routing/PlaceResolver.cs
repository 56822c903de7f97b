using System.Text;
using Corridors.Network;

namespace Corridors.Routing;

/// <summary>How a place name resolved.</summary>
public enum PlaceMatchStatus
{
    /// <summary>Exactly one node matches.</summary>
    Found,

    /// <summary>Several nodes match equally well; see <see cref="PlaceMatch.Candidates"/>.</summary>
    Ambiguous,

    /// <summary>No node matches; <see cref="PlaceMatch.Candidates"/> holds the nearest spellings.</summary>
    NotFound,
}

/// <summary>Result of resolving a place name.</summary>
/// <param name="Status">Outcome.</param>
/// <param name="Node">The node, when found.</param>
/// <param name="Candidates">Ambiguous matches or suggestions, best first.</param>
public sealed record PlaceMatch(PlaceMatchStatus Status, NodeId Node, IReadOnlyList<Place> Candidates);

/// <summary>
/// Resolves what users type to nodes: node id, name, alias, or another name of <see cref="NetworkDefinition.PlaceNames"/>
/// (UN/LOCODEs, exonyms), ignoring case, accents, spaces and punctuation (<c>Xi'an</c>, <c>Xian</c> and <c>XIAN</c> are
/// the same; <c>Constanta</c> finds <c>Constanța</c>), and words such as "port" or "terminal" that users add
/// (<c>Poti port</c>, <c>Hamburg Port</c>). Unknown names get suggestions by edit distance.
/// </summary>
public sealed class PlaceResolver
{
    private readonly CorridorNetwork _network;
    private readonly List<(string Key, int Node)> _keys = [];

    /// <summary>Words users add to a place name that name no place themselves ("Port of Poti", "Hamburg Port").</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "port", "of", "the", "terminal", "station", "harbour", "harbor", "hafen", "seaport", "container", "railway", "rail", "city", "dry", "logistics", "centre", "center", "hub",
    };

    /// <summary>Indexes the ids, names and aliases of the network's nodes and their other names (place_names.csv).</summary>
    public PlaceResolver(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        for (var v = 0; v < network.NodeCount; v++)
        {
            var node = network.Nodes[v];
            Add(node.Id, v);
            Add(node.Name, v);
            foreach (var alias in node.Aliases)
            {
                Add(alias, v);
            }
        }

        foreach (var name in network.Definition.PlaceNames)
        {
            if (network.TryGetNode(name.Node, out var node))
            {
                Add(name.Name, node.Value);
            }
        }
    }

    /// <summary>Resolves <paramref name="text"/>.</summary>
    public PlaceMatch Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_network.TryGetNode(text.Trim(), out var exact))
        {
            return new PlaceMatch(PlaceMatchStatus.Found, exact, []);
        }

        var key = Fold(text);
        var matches = Matches(key);
        if (matches.Count == 0 && WithoutGenericWords(text) is { Length: > 0 } bare && bare != key)
        {
            // "Poti port", "Port of Hamburg": the words around the name name no place.
            matches = Matches(bare);
        }

        if (matches.Count == 1)
        {
            return new PlaceMatch(PlaceMatchStatus.Found, new NodeId(matches[0]), []);
        }

        if (matches.Count > 1)
        {
            // A city and, say, its rail terminal may share a name: prefer the one users mean as an end point.
            var best = -1;
            var bestRank = int.MaxValue;
            var tie = false;
            foreach (var v in matches)
            {
                var rank = Rank(_network.Nodes[v].Kind);
                if (rank < bestRank)
                {
                    (best, bestRank, tie) = (v, rank, false);
                }
                else if (rank == bestRank)
                {
                    tie = true;
                }
            }

            return tie
                ? new PlaceMatch(PlaceMatchStatus.Ambiguous, default, Places(matches))
                : new PlaceMatch(PlaceMatchStatus.Found, new NodeId(best), []);
        }

        return new PlaceMatch(PlaceMatchStatus.NotFound, default, Suggest(key, 5));
    }

    /// <summary>
    /// The node nearest to (<paramref name="lon"/>, <paramref name="lat"/>) among those <paramref name="accept"/> takes,
    /// with its great-circle distance; false when it takes none.
    /// </summary>
    public bool TryNearest(double lon, double lat, Func<NodeId, bool> accept, out NodeId node, out double km)
    {
        ArgumentNullException.ThrowIfNull(accept);
        node = default;
        km = double.PositiveInfinity;
        for (var v = 0; v < _network.NodeCount; v++)
        {
            var id = new NodeId(v);
            if (!accept(id))
            {
                continue;
            }

            var d = Geo.GeoMath.GreatCircleKm(lat, lon, _network.Lat[v], _network.Lon[v]);
            if (d < km)
            {
                (node, km) = (id, d);
            }
        }

        return km < double.PositiveInfinity;
    }

    /// <summary>The folded text without the generic words users add ("port", "terminal", "of", ...).</summary>
    private static string WithoutGenericWords(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in text.Split([' ', '-', ',', '.', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = Fold(word);
            if (!GenericWords.Contains(folded))
            {
                sb.Append(folded);
            }
        }

        return sb.ToString();
    }

    private List<int> Matches(string key)
    {
        var matches = new List<int>();
        foreach (var (k, node) in _keys)
        {
            if (k == key && !matches.Contains(node))
            {
                matches.Add(node);
            }
        }

        return matches;
    }

    /// <summary>Lower case, accents folded to ASCII, everything but letters and digits dropped.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var folded = FoldChar(ch);
            foreach (var c in folded)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The candidate nearest to <paramref name="name"/> by edit distance (the first of equals), when it is close enough
    /// to be a likely typo (at most max(2, length / 3) edits); null otherwise or for text longer than 200 characters.
    /// The one spelling-suggestion rule of data files, scenario files and requests.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);

        // Edit distance is quadratic in the length: no suggestion for text no id is that long.
        if (name.Length > 200)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = EditDistance(name, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein edit distance.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.Min(sub, Math.Min(prev[j] + 1, cur[j - 1] + 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    private List<Place> Suggest(string key, int count)
    {
        var limit = Math.Max(2, key.Length / 3);
        var scored = new List<(int Distance, int Node)>();
        foreach (var (k, node) in _keys)
        {
            var d = k.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3 ? 1 : EditDistance(key, k);
            if (d > limit)
            {
                continue;
            }

            var existing = scored.FindIndex(s => s.Node == node);
            if (existing < 0)
            {
                scored.Add((d, node));
            }
            else if (d < scored[existing].Distance)
            {
                scored[existing] = (d, node);
            }
        }

        scored.Sort((x, y) => x.Distance != y.Distance ? x.Distance.CompareTo(y.Distance) : x.Node.CompareTo(y.Node));
        var result = new List<Place>();
        for (var i = 0; i < scored.Count && i < count; i++)
        {
            result.Add(Place.Of(_network.Nodes[scored[i].Node]));
        }

        return result;
    }

    private List<Place> Places(List<int> nodes)
    {
        var list = new List<Place>(nodes.Count);
        foreach (var v in nodes)
        {
            list.Add(Place.Of(_network.Nodes[v]));
        }

        return list;
    }

    private static int Rank(NodeKind kind) => kind switch
    {
        NodeKind.City => 0,
        NodeKind.Terminal => 1,
        NodeKind.DryPort => 2,
        NodeKind.Seaport => 3,
        NodeKind.Junction => 4,
        _ => 5,
    };

    private void Add(string text, int node)
    {
        var key = Fold(text);
        if (key.Length > 0)
        {
            _keys.Add((key, node));
        }
    }

    private static string FoldChar(char ch) => ch switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' or 'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' or 'Ā' or 'Ă' or 'Ą' => "a",
        'ç' or 'ć' or 'č' or 'Ç' or 'Ć' or 'Č' => "c",
        'ď' or 'đ' or 'Ď' or 'Đ' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' or 'ə' or 'È' or 'É' or 'Ê' or 'Ë' or 'Ē' or 'Ė' or 'Ę' or 'Ě' or 'Ə' => "e",
        'ğ' or 'Ğ' => "g",
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' or 'ı' or 'Ì' or 'Í' or 'Î' or 'Ï' or 'Ī' or 'Į' or 'İ' => "i",
        'ķ' or 'Ķ' => "k",
        'ĺ' or 'ľ' or 'ł' or 'Ĺ' or 'Ľ' or 'Ł' => "l",
        'ñ' or 'ń' or 'ň' or 'Ñ' or 'Ń' or 'Ň' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' or 'Ø' or 'Ō' or 'Ő' => "o",
        'ŕ' or 'ř' or 'Ŕ' or 'Ř' => "r",
        'ś' or 'š' or 'ş' or 'ș' or 'Ś' or 'Š' or 'Ş' or 'Ș' => "s",
        'ť' or 'ţ' or 'ț' or 'Ť' or 'Ţ' or 'Ț' => "t",
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' or 'Ù' or 'Ú' or 'Û' or 'Ü' or 'Ū' or 'Ů' or 'Ű' => "u",
        'ý' or 'ÿ' or 'Ý' => "y",
        'ź' or 'ż' or 'ž' or 'Ź' or 'Ż' or 'Ž' => "z",
        'ß' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        _ => ch.ToString(),
    };
}
