namespace Corridors.Simulation;

/// <summary>
/// The hull figures that turn a draft limit into a payload: length and beam on the waterline, the design (loaded)
/// draft, the waterplane-area coefficient and the design payload (deadweight).
/// </summary>
/// <param name="VesselId">Vessel id (vessels.csv).</param>
/// <param name="LengthM">Length, m (waterline; overall where only that is published).</param>
/// <param name="BeamM">Beam, m.</param>
/// <param name="DesignDraftM">Draft at the design payload, m.</param>
/// <param name="WaterplaneCoefficient">C_WP = waterplane area / (L × B).</param>
/// <param name="DesignPayloadTonnes">Deadweight at the design draft, t.</param>
public sealed record HullParticulars(string VesselId, double LengthM, double BeamM, double DesignDraftM, double WaterplaneCoefficient, double DesignPayloadTonnes);

/// <summary>
/// Sea level → draft → payload. The water depth at a berth or channel moves metre for metre with the sea level; the
/// allowed draft is that depth minus the under-keel clearance; a vessel that may not float at its design draft loses
/// payload at its tonnes per centimetre immersion (TPC = C_WP · L · B · ρ / 100, ρ in t/m³), taken as constant over
/// the draft range in question (wall-sided hull).
/// </summary>
public static class Hydrostatics
{
    /// <summary>Tonnes per centimetre immersion.</summary>
    /// <param name="hull">The hull.</param>
    /// <param name="waterDensity">ρ, t/m³.</param>
    public static double TonnesPerCm(HullParticulars hull, double waterDensity)
    {
        ArgumentNullException.ThrowIfNull(hull);
        return hull.WaterplaneCoefficient * hull.LengthM * hull.BeamM * waterDensity / 100;
    }

    /// <summary>Depth at a place when the sea stands at <paramref name="seaLevelM"/>, given a charted depth at a reference level.</summary>
    /// <param name="depthM">Depth at the reference level, m.</param>
    /// <param name="referenceLevelM">Sea level (m, Baltic system) at which <paramref name="depthM"/> holds.</param>
    /// <param name="seaLevelM">Sea level now, m BS.</param>
    public static double DepthAt(double depthM, double referenceLevelM, double seaLevelM) => depthM + (seaLevelM - referenceLevelM);

    /// <summary>Payload allowed at a draft limit, t: the design payload less TPC times the centimetres the hull must come up.</summary>
    /// <param name="hull">The hull.</param>
    /// <param name="allowedDraftM">Deepest draft allowed, m.</param>
    /// <param name="waterDensity">ρ, t/m³.</param>
    public static double AllowedPayloadTonnes(HullParticulars hull, double allowedDraftM, double waterDensity)
    {
        ArgumentNullException.ThrowIfNull(hull);
        var lostCm = Math.Max(0, (hull.DesignDraftM - allowedDraftM) * 100);
        return Math.Clamp(hull.DesignPayloadTonnes - (lostCm * TonnesPerCm(hull, waterDensity)), 0, hull.DesignPayloadTonnes);
    }

    /// <summary>Allowed payload divided by design payload, in [0, 1].</summary>
    /// <param name="hull">The hull.</param>
    /// <param name="allowedDraftM">Deepest draft allowed, m.</param>
    /// <param name="waterDensity">ρ, t/m³.</param>
    public static double PayloadFactor(HullParticulars hull, double allowedDraftM, double waterDensity)
    {
        ArgumentNullException.ThrowIfNull(hull);
        return hull.DesignPayloadTonnes > 0 ? AllowedPayloadTonnes(hull, allowedDraftM, waterDensity) / hull.DesignPayloadTonnes : 0;
    }
}

/// <summary>A charted depth at one port from one year on (a dredging project is a later row with a larger depth).</summary>
/// <param name="PortId">Node id.</param>
/// <param name="FromYear">First year the depth holds.</param>
/// <param name="DepthM">Depth at the reference level, m.</param>
/// <param name="ReferenceLevelM">Sea level (m BS) at which the depth was reported.</param>
public sealed record PortDepth(string PortId, int FromYear, double DepthM, double ReferenceLevelM);

/// <summary>Sea level by year (m, Baltic system): piecewise linear between the given years, flat beyond the ends.</summary>
public sealed class SeaLevelTrajectory
{
    private readonly (int Year, double Level)[] _points;

    /// <summary>A trajectory through the given points (at least one; years distinct).</summary>
    /// <param name="points">(year, level) pairs in any order.</param>
    public SeaLevelTrajectory(IEnumerable<(int Year, double Level)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = [.. points.OrderBy(p => p.Year)];
        if (_points.Length == 0)
        {
            throw new ArgumentException("A trajectory needs at least one point.", nameof(points));
        }
    }

    /// <summary>The points, by year.</summary>
    public IReadOnlyList<(int Year, double Level)> Points => _points;

    /// <summary>Level in a year (annual mean).</summary>
    public double Level(double year)
    {
        if (year <= _points[0].Year)
        {
            return _points[0].Level;
        }

        for (var i = 1; i < _points.Length; i++)
        {
            if (year <= _points[i].Year)
            {
                var (y0, l0) = _points[i - 1];
                var (y1, l1) = _points[i];
                return l0 + ((l1 - l0) * (year - y0) / (y1 - y0));
            }
        }

        return _points[^1].Level;
    }
}
