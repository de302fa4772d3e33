namespace KetaminePkPd.Trials;

/// <summary>
/// A parallel loop over an index range in contiguous chunks: one worker per core, each taking the next chunk of consecutive
/// indices from a shared counter until none is left, with its own state (buffers) for the whole loop. Each index is processed
/// exactly once and by the same code as in a serial loop, so when every index writes only its own slot the result does not
/// depend on the core count or on which worker took which chunk; reductions over the slots are done afterwards, in index
/// order, by the caller.
/// </summary>
/// <remarks>Chunks shrink as the range runs out (guided scheduling): each is a share of what is left
/// (<see cref="Chunk"/>), so the first ones are long (taking a chunk costs nothing next to the work in it) and the last ones a
/// few indices, and the workers finish within about one index of each other instead of one fixed-size chunk (a core idle
/// while the other ends its chunk is time the loop loses on two cores).</remarks>
internal static class ParallelChunks
{
    /// <summary>A chunk is the part left divided by this many per worker: a worker slowed by another process takes fewer.</summary>
    private const int SharesPerWorker = 4;

    /// <summary>Runs <paramref name="body"/>(start, end) on contiguous chunks covering <paramref name="from"/> .. <paramref name="to"/> - 1, on all cores.</summary>
    public static void For(int from, int to, Action<int, int> body) => For(from, to, static () => 0, (start, end, _) => body(start, end));

    /// <summary>As <see cref="For(int, int, Action{int, int})"/>, with one <typeparamref name="TState"/> per worker made by <paramref name="state"/>.</summary>
    public static void For<TState>(int from, int to, Func<TState> state, Action<int, int, TState> body)
    {
        int count = to - from;
        if (count <= 0) return;
        int workers = Math.Min(Environment.ProcessorCount, count);
        if (workers <= 1)
        {
            body(from, to, state());
            return;
        }
        int next = from;
        void Work()
        {
            var own = state();
            while (true)
            {
                int start = Volatile.Read(ref next), end;
                do
                {
                    if (start >= to) return;
                    end = start + Chunk(to - start, workers);
                    int seen = Interlocked.CompareExchange(ref next, end, start);
                    if (seen == start) break;
                    start = seen;
                }
                while (true);
                body(start, end, own);
            }
        }
        // One iteration per worker (the calling thread is one of them); a worker that starts late finds fewer chunks left. Errors
        // surface as from any parallel loop (an AggregateException).
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
    }

    /// <summary>The length of the next chunk when <paramref name="left"/> indices remain: left / (workers x
    /// <see cref="SharesPerWorker"/>), at least 1 and at most <paramref name="left"/>.</summary>
    internal static int Chunk(int left, int workers) => Math.Clamp(left / (workers * SharesPerWorker), 1, left);
}
