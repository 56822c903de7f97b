using Corridors.Data.Store;

namespace Corridors.Tests.Store;

/// <summary>The data fingerprint a stored run records (the store itself is tested on both databases in the application tests).</summary>
public sealed class DataFingerprintTests
{
    [Fact]
    public void Of_ChangesWhenADataFileChanges()
    {
        using var data = new TempDataDir().WithMinimalData();
        var before = DataFingerprint.Of(data.Path);
        DataFingerprint.Of(data.Path).ShouldBe(before);

        File.AppendAllText(data.File("legs.csv"), "\n");

        DataFingerprint.Of(data.Path).ShouldNotBe(before);
    }
}
