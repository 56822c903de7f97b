using Corridors.Network;

namespace Corridors.Tests.Network;

public sealed class CsrTests
{
    [Fact]
    public void Group_RandomKeys_RoundTripsEveryItemInInputOrderWithinANode()
    {
        for (var seed = 1; seed <= 50; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(1, 30);
            var keys = Enumerable.Range(0, random.Next(0, 200)).Select(_ => random.Next(n)).ToArray();

            var (first, item) = Csr.Group(n, keys);

            first.Length.ShouldBe(n + 1, $"seed {seed}");
            first[n].ShouldBe(keys.Length, $"seed {seed}");
            item.Order().ShouldBe(Enumerable.Range(0, keys.Length), $"seed {seed}: every item once");
            for (var v = 0; v < n; v++)
            {
                var slots = item[first[v]..first[v + 1]];
                slots.ShouldBe(Enumerable.Range(0, keys.Length).Where(i => keys[i] == v), $"seed {seed}, node {v}");
            }
        }
    }
}
