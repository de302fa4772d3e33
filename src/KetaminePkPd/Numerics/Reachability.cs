namespace KetaminePkPd.Numerics;

/// <summary>
/// Which states of a linear system x' = K x + b are connected by its transfers (K[to, from] &gt; 0 carries mass from one state
/// into another): the one search that the reduced PK system, the peak search's mass bound and the terminal half-life share.
/// </summary>
internal static class Reachability
{
    /// <summary>Marks in <paramref name="seen"/> the states reachable from <paramref name="starts"/> along the transfers, or, with
    /// <paramref name="upstream"/>, against them (the states that can pass mass to a start); the starts included. No allocation.</summary>
    /// <param name="k">K, n x n, row-major.</param>
    /// <param name="n">Dimension.</param>
    /// <param name="starts">The states the search starts from.</param>
    /// <param name="upstream">Against the transfers instead of along them.</param>
    /// <param name="seen">Length n, cleared or holding states already known to be reached.</param>
    public static void Mark(double[] k, int n, ReadOnlySpan<int> starts, bool upstream, Span<bool> seen)
    {
        Span<int> stack = stackalloc int[n];
        int top = 0;
        foreach (int s in starts)
            if (!seen[s]) { seen[s] = true; stack[top++] = s; }
        while (top > 0)
        {
            int at = stack[--top];
            for (int other = 0; other < n; other++)
            {
                double rate = upstream ? k[at * n + other] : k[other * n + at];
                if (!seen[other] && rate > 0) { seen[other] = true; stack[top++] = other; }
            }
        }
    }

    /// <summary>The states from which mass can flow (in any number of steps) into <paramref name="target"/>, the target included,
    /// ascending. Never to be written: the states depend only on where K is positive, the same for every patient of a model, so the
    /// thread's last array is returned again when they are the same (a patient's system made one per patient).</summary>
    public static int[] Upstream(double[] k, int n, int target)
    {
        Span<bool> seen = stackalloc bool[n];
        Mark(k, n, [target], upstream: true, seen);
        Span<int> states = stackalloc int[n];
        int count = 0;
        for (int i = 0; i < n; i++) if (seen[i]) states[count++] = i;
        if (_last is { } last && states[..count].SequenceEqual(last)) return last;
        return _last = states[..count].ToArray();
    }

    /// <summary>The states <see cref="Upstream"/> returned last on this thread.</summary>
    [ThreadStatic] private static int[]? _last;
}
