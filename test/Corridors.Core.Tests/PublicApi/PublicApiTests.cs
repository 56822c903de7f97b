using PublicApiGenerator;

namespace Corridors.Tests.PublicApi;

/// <summary>
/// Core's public surface is tracked in a committed golden file, so every change to it shows up in review.
/// Regenerate with <c>CORRIDORS_UPDATE_GOLDEN=1 dotnet test test/Corridors.Core.Tests --filter PublicApi</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void CoreAssembly_PublicApi_MatchesTheGoldenFile()
    {
        var api = typeof(Corridors.Network.CorridorNetwork).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var golden = Path.Combine(RepoPaths.Root, "test", "Corridors.Core.Tests", "PublicApi", "Corridors.Core.approved.txt");

        if (Environment.GetEnvironmentVariable("CORRIDORS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, api);
        }

        File.Exists(golden).ShouldBeTrue($"missing {golden}; run with CORRIDORS_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        api.ShouldBe(expected, "Core's public API changed; review the diff and regenerate the golden file with CORRIDORS_UPDATE_GOLDEN=1.");
    }
}
