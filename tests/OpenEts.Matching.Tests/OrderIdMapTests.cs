using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

public sealed class OrderIdMapTests
{
    [Fact]
    public void AddRemove_ManyKeysThroughGrowth_AgreesWithDictionary()
    {
        var map = new OrderIdMap(4);
        var expected = new Dictionary<long, int>();
        var r = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            long key = r.Next(1, 3_000);
            if (expected.Remove(key))
            {
                map.Remove(key);
            }
            else
            {
                expected[key] = i;
                map.Add(key, i);
            }
        }

        Assert.Equal(expected.Count, map.Count);
        for (long key = 1; key < 3_000; key++)
        {
            Assert.Equal(expected.TryGetValue(key, out int v) ? v : -1, map.Get(key));
        }
    }
}
