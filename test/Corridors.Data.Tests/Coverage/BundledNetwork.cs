using Corridors.Data;
using Corridors.Network;

namespace Corridors.Tests.Coverage;

/// <summary>The bundled data loaded once for the coverage tests, and the Monday their routes depart.</summary>
internal static class BundledNetwork
{
    private static readonly Lazy<NetworkDefinition> Loaded = new(() => NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow());

    public static NetworkDefinition Definition => Loaded.Value;

    public static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
}
