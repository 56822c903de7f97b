using System.Text.Json;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>
/// simplestyle-spec 1.1.0 properties (Mapbox, https://github.com/mapbox/simplestyle-spec, 2013) on GeoJSON features,
/// so geojson.io, GitHub's map view and QGIS draw the network and routes in colour by mode without a style file.
/// </summary>
public static class SimpleStyle
{
    /// <summary>Writes <c>title</c>, <c>stroke</c>, <c>stroke-width</c> and <c>stroke-opacity</c> of a leg of <paramref name="mode"/>.</summary>
    public static void WriteLine(Utf8JsonWriter w, TransportMode mode, string title)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteString("title", title);
        w.WriteString("stroke", Stroke(mode));
        w.WriteNumber("stroke-width", mode is TransportMode.Transfer ? 1 : 3);
        w.WriteNumber("stroke-opacity", mode is TransportMode.Ocean ? 0.6 : 0.9);
    }

    /// <summary>Writes <c>title</c>, <c>marker-color</c>, <c>marker-size</c> and <c>marker-symbol</c> of a node of <paramref name="kind"/>.</summary>
    public static void WriteMarker(Utf8JsonWriter w, NodeKind kind, string title)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteString("title", title);
        w.WriteString("marker-color", kind switch
        {
            NodeKind.Seaport => "#1f78b4",
            NodeKind.Border => "#e31a1c",
            NodeKind.DryPort or NodeKind.Terminal => "#33a02c",
            _ => "#6a6a6a",
        });
        w.WriteString("marker-size", kind is NodeKind.Junction or NodeKind.Border ? "small" : "medium");
        w.WriteString("marker-symbol", kind switch
        {
            NodeKind.Seaport => "harbor",
            NodeKind.Border => "roadblock",
            NodeKind.DryPort or NodeKind.Terminal => "rail",
            _ => "circle",
        });
    }

    /// <summary>The stroke colour of a mode (ColorBrewer Paired, colour-blind safe pairs).</summary>
    public static string Stroke(TransportMode mode) => mode switch
    {
        TransportMode.Rail => "#b15928",
        TransportMode.Road => "#6a3d9a",
        TransportMode.Ferry => "#1f78b4",
        TransportMode.Feeder => "#a6cee3",
        TransportMode.Ocean => "#08306b",
        TransportMode.InlandWaterway => "#33a02c",
        _ => "#999999",
    };
}
