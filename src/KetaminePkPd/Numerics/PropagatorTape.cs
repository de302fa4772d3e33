namespace KetaminePkPd.Numerics;

/// <summary>
/// The linear propagators one exact march used, in the order it used them, kept to be used again by a march of the same
/// linear system through the same inputs, outputs and step limit: a trial patient's antidepressant course under each
/// hypothesis (the hypotheses change the effect's filter and its random effects, not K). The first march records: it looks
/// its propagators up in a fresh cache exactly as a march without a tape does (so the same values bit for bit), and the tape
/// keeps that cache's propagator and the entry each step used. A later march replays when it is of the same system (K equal
/// bit for bit) with the same output times (bit for bit) and the same inputs, end, captures and step limit (the same objects): its steps then ask for the same
/// step lengths and inputs in the same order, and get the entries the recording got, without a matrix exponential or a cache
/// search, so its values are the recording's arithmetic on the same numbers. Any other march records afresh.
/// One tape per thread (a worker's buffer); not thread-safe.
/// </summary>
internal sealed class PropagatorTape
{
    internal LinearPropagator? Propagator;
    internal double[]? K;
    internal int N;
    internal object? Events, MaxStep, CaptureTimes;
    internal double[]? OutputTimes;
    internal double End;
    internal bool Filtered;
    internal bool Complete;
    internal int Position;

    /// <summary>The step's length and input version, and the entries it used: the full step, and with a filter its quarters.</summary>
    internal readonly List<(double H, int Version, LinearPropagator.Entry Full, LinearPropagator.Entry? Quarter, LinearPropagator.Entry? Half, LinearPropagator.Entry? ThreeQuarters)> Steps = [];

    /// <summary>Marches replayed from a recording (a measure of what the tape saved).</summary>
    public int Replays { get; internal set; }

    /// <summary>Whether a march of <paramref name="k"/> (order <paramref name="n"/>) through these inputs can replay the recording.</summary>
    internal bool Matches(double[] k, int n, object events, double[] outputTimes, object? maxStep, object captureTimes, double end, bool filtered)
    {
        if (!Complete || N != n || K is null || !ReferenceEquals(Events, events) || !ReferenceEquals(MaxStep, maxStep)
            || !ReferenceEquals(CaptureTimes, captureTimes) || End != end || Filtered != filtered) return false;
        return Bits.Same(OutputTimes!, outputTimes) && Bits.Same(K, k);
    }

    /// <summary>Starts a recording for this march: the propagator emptied for <paramref name="k"/> (as a newly rented one).</summary>
    internal LinearPropagator Record(double[] k, int n, object events, double[] outputTimes, object? maxStep, object captureTimes, double end, bool filtered)
    {
        Complete = false;
        Steps.Clear();
        if (Propagator is null) Propagator = new LinearPropagator(k, n);
        else Propagator.Restart(k, n);
        // K copied, not kept: the caller's array may be a rented system's, overwritten by the thread's next simulation (a kept
        // reference would then match any later K). A replay reads only the recorded entries, never K itself.
        if (K is null || K.Length != k.Length) K = new double[k.Length];
        k.CopyTo(K, 0);
        (N, Events, OutputTimes, MaxStep, CaptureTimes, End, Filtered) = (n, events, outputTimes, maxStep, captureTimes, end, filtered);
        return Propagator;
    }
}
