namespace Corridors.Geo;

/// <summary>Spherical-earth helpers. Distances use the IUGG mean earth radius.</summary>
public static class GeoMath
{
    /// <summary>Mean earth radius in km (IUGG R1 = 6371.0088 km).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Kilometres in one international nautical mile.</summary>
    public const double KmPerNauticalMile = 1.852;

    /// <summary>Great-circle (haversine) distance in km between two WGS 84 points given in degrees.</summary>
    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRad = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <summary>
    /// Splits a line at the antimeridian (RFC 7946 §3.1.9). <paramref name="points"/> may use unwrapped longitudes
    /// (consecutive points less than 180° apart, values outside -180..180 allowed, as <c>SeaRouter.Geometry</c>
    /// returns them) or wrapped ones (a jump of more than 180° between consecutive points is read as a crossing).
    /// Each crossing ends one part at ±180 and starts the next at ∓180, at the latitude interpolated linearly in
    /// longitude; every returned longitude lies in -180..180.
    /// </summary>
    /// <returns>One part when the line does not cross the antimeridian; otherwise one more part than crossings.</returns>
    public static List<List<(double Lon, double Lat)>> SplitAtAntimeridian(IReadOnlyList<(double Lon, double Lat)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var parts = new List<List<(double Lon, double Lat)>>();
        var part = new List<(double Lon, double Lat)>();
        parts.Add(part);
        if (points.Count == 0)
        {
            return parts;
        }

        // Unwrap first, so that both input conventions reduce to "a multiple of 360 lies between two points".
        var prev = points[0].Lon;
        var prevLat = points[0].Lat;
        part.Add((Wrap(prev), prevLat));
        for (var i = 1; i < points.Count; i++)
        {
            var (lon, lat) = points[i];
            while (lon - prev > 180)
            {
                lon -= 360;
            }

            while (prev - lon > 180)
            {
                lon += 360;
            }

            // Seams at odd multiples of 180 between prev and lon (at most one, since |lon - prev| <= 180, unless a
            // point lies exactly on a seam).
            var lo = Math.Min(prev, lon);
            var hi = Math.Max(prev, lon);
            var seam = (Math.Floor((lo - 180) / 360) * 360) + 540;
            if (seam > lo && seam < hi)
            {
                var t = (seam - prev) / (lon - prev);
                var seamLat = prevLat + (t * (lat - prevLat));
                var east = lon > prev;
                part.Add((east ? 180 : -180, seamLat));
                part = [(east ? -180 : 180, seamLat)];
                parts.Add(part);
            }

            part.Add((Wrap(lon), lat));
            prev = lon;
            prevLat = lat;
        }

        return parts;
    }

    /// <summary>Longitude brought into -180..180 (180 stays 180).</summary>
    private static double Wrap(double lon)
    {
        var x = lon % 360;
        if (x > 180)
        {
            x -= 360;
        }
        else if (x < -180)
        {
            x += 360;
        }

        return x;
    }
}
