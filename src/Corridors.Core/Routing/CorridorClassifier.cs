using Corridors.Network;

namespace Corridors.Routing;

/// <summary>Corridor families a China–Europe route falls into.</summary>
public enum CorridorFamily
{
    /// <summary>Trans-Caspian route leaving Georgia by sea across the Black Sea.</summary>
    MiddleBlackSea,

    /// <summary>Trans-Caspian route continuing by rail through Türkiye (BTK, Marmaray).</summary>
    MiddleTurkiye,

    /// <summary>Trans-Caspian route with another exit.</summary>
    MiddleOther,

    /// <summary>Rail through Russia (and Belarus).</summary>
    Northern,

    /// <summary>Through Iran.</summary>
    Southern,

    /// <summary>Deep sea through Suez.</summary>
    SeaSuez,

    /// <summary>Deep sea round the Cape of Good Hope.</summary>
    SeaCape,

    /// <summary>Deep sea, other passages.</summary>
    Sea,

    /// <summary>None of the above (e.g. a short domestic route).</summary>
    Other,
}

/// <summary>
/// Names the corridor of a route from its legs: a Caspian crossing (ferry or feeder) makes it Middle, with the
/// exit from the South Caucasus by Black Sea shipping or by rail through Türkiye; Russia or Belarus makes it
/// Northern; Iran Southern; otherwise deep-sea legs make it Sea via Suez or via the Cape.
/// </summary>
public static class CorridorClassifier
{
    /// <summary>Russia's ISO code.</summary>
    public const string Russia = "RU";

    /// <summary>Belarus's ISO code.</summary>
    public const string Belarus = "BY";

    /// <summary>Iran's ISO code.</summary>
    public const string Iran = "IR";

    /// <summary>Türkiye's ISO code.</summary>
    public const string Turkiye = "TR";

    /// <summary>Armenia's ISO code: the Zangezur/TRIPP link to Nakhchivan crosses it.</summary>
    public const string Armenia = "AM";

    /// <summary>Suez passage id.</summary>
    public const string Suez = "suez";

    /// <summary>Cape of Good Hope passage id.</summary>
    public const string Cape = "cape-good-hope";

    /// <summary>Classifies a path.</summary>
    public static (CorridorFamily Family, string Name) Classify(CorridorNetwork network, IReadOnlyList<EdgeId> path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        bool ru = false, by = false, ir = false, tr = false, ocean = false, suez = false, cape = false;
        bool caspianFerry = false, caspianFeeder = false, blackSea = false, armenia = false;
        foreach (var edge in path)
        {
            var leg = network.LegOf(edge);
            var a = network.Node(new NodeId(network.Tail[edge.Value]));
            var b = network.Node(new NodeId(network.Head[edge.Value]));
            foreach (var c in leg.Countries)
            {
                Mark(c, ref ru, ref by, ref ir, ref tr);
                armenia |= c == Armenia;
            }

            Mark(a.Country, ref ru, ref by, ref ir, ref tr);
            Mark(b.Country, ref ru, ref by, ref ir, ref tr);
            foreach (var p in leg.Passages)
            {
                suez |= p == Suez;
                cape |= p == Cape;
            }

            var water = leg.Mode is TransportMode.Ferry or TransportMode.Feeder;
            if (water && (a.Sea == SeaArea.Caspian || b.Sea == SeaArea.Caspian))
            {
                caspianFerry |= leg.Mode == TransportMode.Ferry;
                caspianFeeder |= leg.Mode == TransportMode.Feeder;
            }

            if (leg.IsWater && leg.Mode != TransportMode.Ocean && (a.Sea == SeaArea.BlackSea || b.Sea == SeaArea.BlackSea))
            {
                blackSea = true;
            }

            ocean |= leg.Mode == TransportMode.Ocean;
        }

        var caspian = caspianFerry || caspianFeeder;
        if (ru || by)
        {
            var name = ru && by ? "Northern (Russia–Belarus)" : ru ? "Northern (Russia)" : "Northern (Belarus)";
            return (CorridorFamily.Northern, caspian ? name[..^1] + ", Caspian)" : name);
        }

        if (caspian)
        {
            var crossing = caspianFerry ? "Caspian ferry" : "Caspian feeder";
            if (blackSea)
            {
                return (CorridorFamily.MiddleBlackSea, $"Middle ({crossing}, Black Sea exit)");
            }

            // Both rail exits to Türkiye are one family; the name says which: BTK through Georgia, or the
            // Zangezur/TRIPP link through Armenia and Nakhchivan (planned, ~2030).
            return tr
                ? (CorridorFamily.MiddleTurkiye, armenia ? $"Middle ({crossing}, Zangezur/TRIPP–Türkiye)" : $"Middle ({crossing}, BTK/Türkiye)")
                : (CorridorFamily.MiddleOther, $"Middle ({crossing})");
        }

        if (ir)
        {
            return (CorridorFamily.Southern, ocean ? "Southern (Iran, sea)" : "Southern (Iran)");
        }

        if (ocean)
        {
            return suez ? (CorridorFamily.SeaSuez, "Sea via Suez")
                : cape ? (CorridorFamily.SeaCape, "Sea via Cape")
                : (CorridorFamily.Sea, "Sea");
        }

        return (CorridorFamily.Other, "Overland");
    }

    private static void Mark(string iso, ref bool ru, ref bool by, ref bool ir, ref bool tr)
    {
        ru |= iso == Russia;
        by |= iso == Belarus;
        ir |= iso == Iran;
        tr |= iso == Turkiye;
    }
}
