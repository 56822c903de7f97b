namespace Corridors.Assignment;

/// <summary>
/// Dijkstra's one-to-all shortest paths over a <see cref="TrafficNetwork"/> with per-link costs, owning its
/// distance, predecessor and heap arrays so repeated runs allocate nothing.
/// </summary>
internal sealed class ShortestPathTree
{
    private readonly TrafficNetwork _network;
    private readonly double[] _distance;
    private readonly int[] _predecessorLink;
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly int[] _order;
    private int _settled;

    public ShortestPathTree(TrafficNetwork network)
    {
        _network = network;
        var n = network.NodeCount;
        _distance = new double[n];
        _predecessorLink = new int[n];
        _heap = new int[n];
        _position = new int[n];
        _order = new int[n];
    }

    public ReadOnlySpan<double> Distance => _distance;

    public ReadOnlySpan<int> PredecessorLink => _predecessorLink;

    /// <summary>Nodes in the order they were settled (non-decreasing distance), origin first.</summary>
    public ReadOnlySpan<int> SettleOrder => _order.AsSpan(0, _settled);

    /// <summary>Runs from <paramref name="origin"/> with the given link costs (CSR order, non-negative).</summary>
    public void Run(int origin, ReadOnlySpan<double> cost)
    {
        var first = _network.FirstLink;
        var head = _network.Head;
        var firstThrough = _network.FirstThroughNode;
        Array.Fill(_distance, double.PositiveInfinity);
        Array.Fill(_predecessorLink, -1);
        Array.Fill(_position, -1);
        var count = 0;
        _settled = 0;
        _distance[origin] = 0;
        Push(ref count, origin);
        while (count > 0)
        {
            var u = Pop(ref count);
            _order[_settled++] = u;
            if (u < firstThrough && u != origin)
            {
                continue;
            }

            var du = _distance[u];
            for (var e = first[u]; e < first[u + 1]; e++)
            {
                var v = head[e];
                var dv = du + cost[e];
                if (dv < _distance[v])
                {
                    _distance[v] = dv;
                    _predecessorLink[v] = e;
                    if (_position[v] >= 0)
                    {
                        SiftUp(_position[v]);
                    }
                    else if (_position[v] == -1)
                    {
                        Push(ref count, v);
                    }
                }
            }
        }
    }

    private void Push(ref int count, int v)
    {
        _heap[count] = v;
        _position[v] = count;
        count++;
        SiftUp(count - 1);
    }

    private int Pop(ref int count)
    {
        var top = _heap[0];
        _position[top] = -2;
        count--;
        if (count > 0)
        {
            var last = _heap[count];
            _heap[0] = last;
            _position[last] = 0;
            SiftDown(0, count);
        }

        return top;
    }

    private void SiftUp(int i)
    {
        var v = _heap[i];
        var d = _distance[v];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            var p = _heap[parent];
            if (_distance[p] <= d)
            {
                break;
            }

            _heap[i] = p;
            _position[p] = i;
            i = parent;
        }

        _heap[i] = v;
        _position[v] = i;
    }

    private void SiftDown(int i, int count)
    {
        var v = _heap[i];
        var d = _distance[v];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _distance[_heap[child + 1]] < _distance[_heap[child]])
            {
                child++;
            }

            var c = _heap[child];
            if (_distance[c] >= d)
            {
                break;
            }

            _heap[i] = c;
            _position[c] = i;
            i = child;
        }

        _heap[i] = v;
        _position[v] = i;
    }
}
