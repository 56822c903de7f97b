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
}
