namespace KetaminePkPd.Statistics;

/// <summary>
/// Releases the temporary arrays of n numbers that a large trial's summaries allocate (ranks, residuals, copies), so that
/// its peak memory follows what it keeps rather than what it has thrown away.
/// </summary>
/// <remarks>
/// Arrays of more than 85 000 bytes live on the large object heap, which the collector sweeps only in full collections;
/// left to itself it let a 1 000 000-patient trial's garbage grow to about 350 MB beside 93 MB of live data (gcdump,
/// docs/benchmarks.md). One full blocking collection per summary statistic costs milliseconds (the heap then holds a few large arrays) against the minutes such a trial
/// simulates, and changes no result.
/// </remarks>
internal static class LargeArrays
{
    /// <summary>Patients from which the summaries' garbage is released (below it, the arrays are small and the collector's own pace is fine).</summary>
    public const int Threshold = 100_000;

    /// <summary>Runs a full blocking collection that also returns the freed memory to the system (<see cref="GCCollectionMode.Aggressive"/>) when <paramref name="patients"/> is at least <see cref="Threshold"/>.</summary>
    public static void Release(int patients)
    {
        if (patients >= Threshold) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
