namespace KetaminePkPd.Trials;

/// <summary>
/// A parallel loop over an index range in contiguous chunks: one worker per core, each taking the next chunk of consecutive
/// indices from a shared counter until none is left, with its own state (buffers) for the whole loop. Each index is processed
/// exactly once and by the same code as in a serial loop, so when every index writes only its own slot the result does not
/// depend on the core count or on which worker took which chunk; reductions over the slots are done afterwards, in index
/// order, by the caller.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Chunks per worker (about): small enough to balance workers slowed by other processes, large enough that taking a
    /// chunk costs nothing next to the work in it.</summary>
    private const int ChunksPerWorker = 16;

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
        int chunk = Math.Max(1, count / (workers * ChunksPerWorker));
        int next = from;
        void Work()
        {
            var own = state();
            while (true)
            {
                int start = Interlocked.Add(ref next, chunk) - chunk;
                if (start >= to) return;
                body(start, Math.Min(to, start + chunk), own);
            }
        }
        // One iteration per worker (the calling thread is one of them); a worker that starts late finds fewer chunks left. Errors
        // surface as from any parallel loop (an AggregateException).
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
    }
}
