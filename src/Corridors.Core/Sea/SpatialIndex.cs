using System.Runtime.CompilerServices;

namespace Corridors.Sea;

/// <summary>
/// A static 3-d tree over points on the unit sphere. Nearest-neighbour by chord length equals nearest by
/// great-circle distance, and there is no wrap-around at the antimeridian or the poles. Built once, read-only,
/// thread-safe; a query allocates nothing.
/// </summary>
internal sealed class SpatialIndex
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly int[] _item;
    private readonly byte[] _axis;

    public SpatialIndex(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat)
    {
        var n = lon.Length;
        var order = new int[n];
        var px = new double[n];
        var py = new double[n];
        var pz = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            (px[i], py[i], pz[i]) = ToUnit(lon[i], lat[i]);
        }

        _x = new double[n];
        _y = new double[n];
        _z = new double[n];
        _item = new int[n];
        _axis = new byte[n];
        Build(order, new double[n], 0, n, px, py, pz);
        Count = n;
    }

    public int Count { get; }

    public static (double X, double Y, double Z) ToUnit(double lon, double lat)
    {
        const double toRad = Math.PI / 180.0;
        var cl = Math.Cos(lat * toRad);
        return (cl * Math.Cos(lon * toRad), cl * Math.Sin(lon * toRad), Math.Sin(lat * toRad));
    }

    /// <summary>Item index of the nearest point and its squared chord distance on the unit sphere; -1 when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Nearest(double lon, double lat, out double chord2)
    {
        chord2 = double.PositiveInfinity;
        if (Count == 0)
        {
            return -1;
        }

        var (x, y, z) = ToUnit(lon, lat);
        var best = -1;
        Search(0, Count, x, y, z, ref best, ref chord2);
        return best < 0 ? -1 : _item[best];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(int lo, int hi, double x, double y, double z, ref int best, ref double bestD2)
    {
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var dx = _x[mid] - x;
            var dy = _y[mid] - y;
            var dz = _z[mid] - z;
            var d2 = (dx * dx) + (dy * dy) + (dz * dz);
            if (d2 < bestD2)
            {
                bestD2 = d2;
                best = mid;
            }

            var diff = _axis[mid] switch { 0 => x - _x[mid], 1 => y - _y[mid], _ => z - _z[mid] };
            int nearLo, nearHi, farLo, farHi;
            if (diff < 0)
            {
                (nearLo, nearHi, farLo, farHi) = (lo, mid, mid + 1, hi);
            }
            else
            {
                (nearLo, nearHi, farLo, farHi) = (mid + 1, hi, lo, mid);
            }

            Search(nearLo, nearHi, x, y, z, ref best, ref bestD2);
            if (diff * diff >= bestD2)
            {
                return;
            }

            lo = farLo;
            hi = farHi;
        }
    }

    private void Build(int[] order, double[] scratch, int lo, int hi, double[] px, double[] py, double[] pz)
    {
        if (lo >= hi)
        {
            return;
        }

        // Split on the axis of largest spread; sorting the subrange (primitive keys, no comparer delegate) is
        // O(n log^2 n) overall, a few ms for ~10^4 points.
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        for (var i = lo; i < hi; i++)
        {
            var p = order[i];
            minX = Math.Min(minX, px[p]); maxX = Math.Max(maxX, px[p]);
            minY = Math.Min(minY, py[p]); maxY = Math.Max(maxY, py[p]);
            minZ = Math.Min(minZ, pz[p]); maxZ = Math.Max(maxZ, pz[p]);
        }

        var sx = maxX - minX;
        var sy = maxY - minY;
        var sz = maxZ - minZ;
        var axis = sx >= sy && sx >= sz ? 0 : sy >= sz ? 1 : 2;
        var key = axis switch { 0 => px, 1 => py, _ => pz };
        for (var i = lo; i < hi; i++)
        {
            scratch[i] = key[order[i]];
        }

        Array.Sort(scratch, order, lo, hi - lo);
        var mid = (lo + hi) >>> 1;
        var m = order[mid];
        _x[mid] = px[m];
        _y[mid] = py[m];
        _z[mid] = pz[m];
        _item[mid] = m;
        _axis[mid] = (byte)axis;
        Build(order, scratch, lo, mid, px, py, pz);
        Build(order, scratch, mid + 1, hi, px, py, pz);
    }
}
