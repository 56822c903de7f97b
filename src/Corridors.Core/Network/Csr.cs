namespace Corridors.Network;

/// <summary>The one compressed-sparse-row build: a stable counting sort of items by a node key.</summary>
internal static class Csr
{
    /// <summary>
    /// Groups items <c>0 .. key.Length-1</c> by <paramref name="key"/> (a node in <c>0 .. nodeCount-1</c>).
    /// <c>First</c> has length <paramref name="nodeCount"/> + 1 and node v's items sit in slots
    /// <c>First[v] .. First[v+1]-1</c>; <c>Item[slot]</c> is the item in a slot. Stable: items keep their input order
    /// within a node, so results are deterministic.
    /// </summary>
    public static (int[] First, int[] Item) Group(int nodeCount, ReadOnlySpan<int> key)
    {
        var first = new int[nodeCount + 1];
        foreach (var k in key)
        {
            first[k + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            first[v + 1] += first[v];
        }

        var item = new int[key.Length];
        var next = first.AsSpan(0, nodeCount).ToArray();
        for (var i = 0; i < key.Length; i++)
        {
            item[next[key[i]]++] = i;
        }

        return (first, item);
    }
}
