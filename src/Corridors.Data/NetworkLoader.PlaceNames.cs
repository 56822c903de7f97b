using System.Text.RegularExpressions;
using Corridors.Data.Csv;
using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Data;

public static partial class NetworkLoader
{
    /// <summary>The optional file of other place names: UN/LOCODEs, exonyms, aliases (docs/DATA.md, "place_names.csv").</summary>
    public const string PlaceNamesFile = "place_names.csv";

    private static readonly Schema PlaceNameSchema = new("place name", ["node", "name", "kind", "source"], ["notes"]);

    [GeneratedRegex("^[A-Z]{2}[A-Z2-9]{3}$")]
    private static partial Regex LocodePattern();

    /// <summary>
    /// Reads place_names.csv after the nodes: each name must name a known node (CORR0150), a LOCODE must have the
    /// UN/LOCODE shape (CORR0151) and, as a warning, the node's country as its prefix (CORR0152); a name the node has
    /// already, or a row repeated, changes nothing (CORR0153, warning); a name that also names another node makes users
    /// choose between them (CORR0154, warning).
    /// </summary>
    private static List<PlaceName> ReadPlaceNames(LoadContext ctx, string? text, string file)
    {
        var names = new List<PlaceName>();
        if (text is null)
        {
            return names;
        }

        // Every folded name a node already answers to, with the node: the ids, names and aliases of nodes*.csv.
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Own(string name, string node)
        {
            var key = PlaceResolver.Fold(name);
            if (key.Length == 0)
            {
                return;
            }

            if (!owners.TryGetValue(key, out var set))
            {
                owners[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(node);
        }

        foreach (var (node, _) in ctx.Nodes.Rows)
        {
            Own(node.Id, node.Id);
            Own(node.Name, node.Id);
            foreach (var alias in node.Aliases)
            {
                Own(alias, node.Id);
            }
        }

        var seen = new Dictionary<(string Node, string Key), int>();
        var csv = CsvTable.Parse(text, DisplayPath(file), PlaceNameSchema.Required, PlaceNameSchema.Optional, ctx.Bag);
        foreach (var row in csv.Rows)
        {
            var nodeId = row.Required("node", "Place name");
            var name = row.Required("name", "Place name");
            var what = $"Place name '{name}'";
            var kind = row.Word("kind", what, Words.PlaceNameKind, required: true);
            var provenance = Provenance(row, what);
            if (nodeId is null || name is null || kind is null)
            {
                continue;
            }

            if (!ctx.Nodes.TryGet(nodeId, out var node, out _))
            {
                row.Error("node", "CORR0150", $"{what} names unknown node '{nodeId}'.", Hint(nodeId, ctx.Nodes.Rows.Select(r => r.Item.Id), "nodes*.csv"));
                continue;
            }

            if (kind == PlaceNameKind.Locode)
            {
                if (!LocodePattern().IsMatch(name))
                {
                    row.Error("name", "CORR0151", $"{what} is not a UN/LOCODE: two capital letters (the country) and three capital letters or digits 2–9, such as ITGOA.");
                    continue;
                }

                if (!name.StartsWith(node.Country, StringComparison.Ordinal))
                {
                    row.Warning("name", "CORR0152", $"{what} starts with country '{name[..2]}', but node '{nodeId}' is in '{node.Country}'.", "Check the code or the node.");
                }
            }

            var key = PlaceResolver.Fold(name);
            if (key.Length == 0)
            {
                row.Error("name", "CORR0151", $"{what} has no letter or digit to match.");
                continue;
            }

            if (seen.TryGetValue((nodeId, key), out var firstLine))
            {
                row.Warning("name", "CORR0153", $"{what} of node '{nodeId}' repeats line {firstLine}; the row changes nothing.", "Remove one of the rows.");
                continue;
            }

            seen[(nodeId, key)] = row.Line;
            if (owners.TryGetValue(key, out var owning))
            {
                if (owning.Contains(nodeId))
                {
                    row.Warning("name", "CORR0153", $"{what} is already the id, name or an alias of node '{nodeId}' in the nodes files; the row changes nothing.", "Remove the row, or keep the name in one place.");
                }
                else
                {
                    row.Warning("name", "CORR0154", $"{what} also names {string.Join(", ", owning.Order(StringComparer.Ordinal))}; users who type it will be asked to choose.", "Give the name to one node only.");
                }
            }

            Own(name, nodeId);
            names.Add(new PlaceName(nodeId, name, kind.Value, provenance, Origin(row)));
        }

        return names;
    }
}
