using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// Which patients of a pool replicate trial r enrols for observation j: a partial Fisher-Yates shuffle of 0 .. pool - 1
/// driven by stream (seed, r, -1 - j), the first n positions being the sample without replacement. Positions are kept in
/// a sparse map (only the ones a swap moved), so memory is O(n) whatever the pool size, and the picks are the same as a
/// dense shuffle's.
/// </summary>
internal static class Enrolment
{
    /// <summary>Fills <paramref name="chosen"/> (length n, at most <paramref name="poolSize"/>) with the enrolled patient indices, in draw order.</summary>
    /// <param name="seed">Seed of the run.</param>
    /// <param name="replicate">Replicate trial r.</param>
    /// <param name="observation">Observation j.</param>
    /// <param name="poolSize">Patients in the pool.</param>
    /// <param name="chosen">Receives the n enrolled indices.</param>
    /// <param name="moved">Scratch map (cleared here), reused across calls on one thread.</param>
    public static void Pick(ulong seed, int replicate, int observation, int poolSize, Span<int> chosen, Dictionary<int, int> moved)
    {
        moved.Clear();
        var random = new SubjectRandom(seed, replicate, -1 - observation);
        for (int i = 0; i < chosen.Length; i++)
        {
            int pick = i + (int)(random.NextDouble() * (poolSize - i));
            int atPick = moved.TryGetValue(pick, out int a) ? a : pick;
            int atI = moved.TryGetValue(i, out int b) ? b : i;
            moved[pick] = atI;
            moved[i] = atPick;
            chosen[i] = atPick;
        }
    }
}
