using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>The sparse partial Fisher-Yates of <see cref="Enrolment"/> against a dense one, and the memory it saves on huge pools.</summary>
public class EnrolmentTests
{
    /// <summary>The dense reference: shuffle positions 0..n-1 of the identity over the whole pool with the same stream.</summary>
    private static int[] Dense(ulong seed, int rep, int o, int poolSize, int n)
    {
        var indices = Enumerable.Range(0, poolSize).ToArray();
        var random = new SubjectRandom(seed, rep, -1 - o);
        for (int i = 0; i < n; i++)
        {
            int pick = i + (int)(random.NextDouble() * (poolSize - i));
            (indices[i], indices[pick]) = (indices[pick], indices[i]);
        }
        return indices[..n];
    }

    [Theory]
    [InlineData(50, 20)]
    [InlineData(50, 50)]
    [InlineData(1000, 58)]
    [InlineData(10_000, 39)]
    public void Pick_AnyPoolAndN_EqualsTheDenseShuffleAndHasNoRepeats(int poolSize, int n)
    {
        var moved = new Dictionary<int, int>();
        var chosen = new int[n];
        for (int rep = 0; rep < 20; rep++)
            for (int o = 0; o < 2; o++)
            {
                Enrolment.Pick(9, rep, o, poolSize, chosen, moved);
                Assert.Equal(Dense(9, rep, o, poolSize, n), chosen);
                Assert.Equal(n, chosen.Distinct().Count());
            }
    }

    /// <summary>A pool of 10 million enrols 100 patients in 50 replicates with a map of at most 2n entries: no 10-million-entry array.</summary>
    [Fact]
    public void Pick_TenMillionPool_UsesOnlyTheMovedPositions()
    {
        var moved = new Dictionary<int, int>();
        var chosen = new int[100];
        for (int rep = 0; rep < 50; rep++)
        {
            Enrolment.Pick(1, rep, 0, 10_000_000, chosen, moved);
            Assert.InRange(moved.Count, 100, 200);
            Assert.All(chosen, i => Assert.InRange(i, 0, 9_999_999));
        }
    }
}
