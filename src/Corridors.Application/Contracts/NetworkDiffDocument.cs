using Corridors.Network;

namespace Corridors.Application.Contracts;

/// <summary>The <c>network diff</c> document: what opens, closes or changes between two network years, by name.</summary>
/// <param name="FromYear">The earlier year.</param>
/// <param name="ToYear">The later year.</param>
/// <param name="Opens">Places and legs in the later network only.</param>
/// <param name="Closes">Places and legs in the earlier network only.</param>
/// <param name="Changes">Legs in both whose scheduled services differ.</param>
public sealed record NetworkDiffDocument(int FromYear, int ToYear, IReadOnlyList<NetworkChangeContract> Opens, IReadOnlyList<NetworkChangeContract> Closes, IReadOnlyList<NetworkChangeContract> Changes)
{
    /// <summary>The differences between two frozen networks of one definition.</summary>
    public static NetworkDiffDocument Of(CorridorNetwork from, CorridorNetwork to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var d = to.Definition;
        var opens = new List<NetworkChangeContract>();
        var closes = new List<NetworkChangeContract>();
        var changes = new List<NetworkChangeContract>();
        foreach (var node in d.Nodes)
        {
            var before = node.Validity.IsActive(from.Year);
            var after = node.Validity.IsActive(to.Year);
            if (before != after)
            {
                (after ? opens : closes).Add(new NetworkChangeContract("place", node.Id, node.Name, Words.Name(node.Kind), Status(node.Validity), node.Validity.OpenYear, node.Validity.CloseYear, null));
            }
        }

        var fromLegs = LegIndex(from);
        var toLegs = LegIndex(to);
        foreach (var leg in d.Legs)
        {
            var before = fromLegs.TryGetValue(leg.Id, out var i);
            var after = toLegs.TryGetValue(leg.Id, out var j);
            var name = $"{d.NodeById[leg.From].Name} – {d.NodeById[leg.To].Name}";
            if (before != after)
            {
                (after ? opens : closes).Add(new NetworkChangeContract("leg", leg.Id, name, Words.Name(leg.Mode), Status(leg.Validity), leg.Validity.OpenYear, leg.Validity.CloseYear, null));
            }
            else if (before)
            {
                var was = Services(from, i);
                var now = Services(to, j);
                if (was != now)
                {
                    changes.Add(new NetworkChangeContract("leg", leg.Id, name, Words.Name(leg.Mode), Status(leg.Validity), leg.Validity.OpenYear, leg.Validity.CloseYear,
                        $"services: {(was.Length == 0 ? "none" : was)} → {(now.Length == 0 ? "none" : now)}"));
                }
            }
        }

        return new NetworkDiffDocument(from.Year, to.Year, opens, closes, changes);
    }

    private static string Status(Validity v) => Words.Name(v.Status);

    private static Dictionary<string, int> LegIndex(CorridorNetwork network)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < network.Legs.Count; i++)
        {
            index[network.Legs[i].Id] = i;
        }

        return index;
    }

    private static string Services(CorridorNetwork network, int leg) =>
        string.Join(", ", network.Schedule.ActiveServices(leg).Select(s => s.Id).Order(StringComparer.Ordinal));
}

/// <summary>One place or leg that opens, closes or changes.</summary>
/// <param name="Type">place or leg.</param>
/// <param name="Id">Node or leg id.</param>
/// <param name="Name">The place's name, or the leg's ends by name ("Kars – Akhalkalaki").</param>
/// <param name="Kind">Node kind or leg mode.</param>
/// <param name="Status">operational, planned, under-construction, ...</param>
/// <param name="OpenYear">Opening year, when dated.</param>
/// <param name="CloseYear">Closing year, when dated.</param>
/// <param name="Change">What changes (for legs in both networks).</param>
public sealed record NetworkChangeContract(string Type, string Id, string Name, string Kind, string Status, int? OpenYear, int? CloseYear, string? Change);
