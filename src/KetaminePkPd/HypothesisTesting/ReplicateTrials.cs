using System.Collections.Immutable;
using KetaminePkPd.Statistics;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// Pool simulation and replicate trials, the one implementation behind <see cref="HypothesisTestWork"/>,
/// <see cref="SensitivityAnalysis"/>, <see cref="StrengthScan"/> and <see cref="DetectionRates"/> (the streams of
/// <see cref="HypothesisTest"/>: replicate r enrols with stream (seed, r, -1 - j) for observation j and rates patient i
/// with stream (seed, i, 3 + r x J + j)).
/// </summary>
internal static class ReplicateTrials
{
    /// <summary>The indices of <paramref name="observed"/>'s times among the design's assessments.</summary>
    /// <exception cref="ArgumentException">A time that is not an assessment, or a pool smaller than 4 times the largest n.</exception>
    public static int[] TimeIndices(TrialDesign design, IReadOnlyList<ObservedCorrelation> observed, int poolSize, string paramName)
    {
        var indices = observed.Select(o =>
        {
            int k = design.Assessments.IndexOf(o.Time);
            return k >= 0 ? k : throw new ArgumentException(
                $"Observation at {Durations.Format(o.Time)} is not an assessment of design '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}).", paramName);
        }).ToArray();
        int minimum = HypothesisTestSettings.MinimumPoolSize(observed);
        if (poolSize < minimum)
            throw new ArgumentException($"PoolSize ({poolSize}) must be at least {HypothesisTestSettings.PoolPerObservedSubject} times the largest observed n ({observed.Max(o => o.N)}), i.e. at least {minimum}.", paramName);
        return indices;
    }

    /// <summary>Simulates subjects 0 .. size-1 (serial or parallel; the same subjects either way) into a pool that keeps what the
    /// replicate trials at <paramref name="timeIndex"/> need, reporting progress in patients.</summary>
    public static RatingPool SimulatePool(TrialSimulator simulator, int size, bool parallel, int[] timeIndex, Action<double> advance)
    {
        var pool = new RatingPool(size, simulator.AssessmentCount, timeIndex);
        int finished = 0;
        void Simulate(int i)
        {
            simulator.SimulateInto(pool, i, i, null);
            if (Interlocked.Increment(ref finished) % 256 == 0) advance(256);
        }
        if (parallel) ParallelChunks.For(0, size, (start, end) => { for (int i = start; i < end; i++) Simulate(i); });
        else for (int i = 0; i < size; i++) Simulate(i);
        advance(finished % 256);
        return pool;
    }

    /// <summary>Replicate trials of each observation's n from <paramref name="pool"/>, as outcomes (progress: one per replicate).</summary>
    public static ImmutableArray<SensitivityOutcome> Outcomes(TrialSimulator simulator, RatingPool pool, ImmutableArray<ObservedCorrelation> observed,
        int replicates, ulong seed, bool parallel, int[] timeIndex, Action<double> advance)
    {
        int j = observed.Length;
        var list = ImmutableArray.CreateBuilder<SensitivityOutcome>(j);
        for (int o = 0; o < j; o++)
        {
            var r = new double[replicates];
            Run(new ReplicateBatch(simulator, pool, seed, observed[o].N, timeIndex[o], o, j), 0, replicates, parallel, r, null, null, () => advance(1));
            list.Add(new SensitivityOutcome(observed[o], SamplingDistribution.FromReplicates(r)));
        }
        return list.MoveToImmutable();
    }

    /// <summary>
    /// Runs replicate trials <paramref name="from"/> .. <paramref name="to"/> - 1 of one observation: each enrols n patients
    /// of the pool without replacement, rates them with its own noise and stores r of CADSS and % change (and, when
    /// <paramref name="partial"/> is given, the partial r given the concentration at the CADSS time); NaN where undefined.
    /// Serial or parallel, the values are the same.
    /// </summary>
    /// <param name="batch">The pool, the observation and its streams.</param>
    /// <param name="from">First replicate.</param>
    /// <param name="to">One past the last replicate.</param>
    /// <param name="parallel">Run on all cores.</param>
    /// <param name="r">Receives r at index rep.</param>
    /// <param name="partial">Receives the partial r at index rep, or null to skip it.</param>
    /// <param name="serial">Buffers for a serial run, reused when their size fits (null: new ones).</param>
    /// <param name="tick">Called after each replicate (optional).</param>
    /// <returns>The serial buffers used (to reuse in the next call), or <paramref name="serial"/> for a parallel run.</returns>
    public static ReplicateBuffers? Run(ReplicateBatch batch, int from, int to, bool parallel, double[] r, double[]? partial, ReplicateBuffers? serial, Action? tick)
    {
        if (parallel)
        {
            ParallelChunks.For(from, to, () => new ReplicateBuffers(batch.N), (start, end, buffers) =>
            {
                for (int rep = start; rep < end; rep++) { One(batch, rep, buffers, r, partial); tick?.Invoke(); }
            });
            return serial;
        }
        var b = serial is { } s && s.Cadss.Length == batch.N ? s : new ReplicateBuffers(batch.N);
        for (int rep = from; rep < to; rep++) { One(batch, rep, b, r, partial); tick?.Invoke(); }
        return b;
    }

    /// <summary>Replicate trial <paramref name="rep"/>: enrol n patients from the pool, rate them, correlate.</summary>
    private static void One(ReplicateBatch batch, int rep, ReplicateBuffers b, double[] r, double[]? partial)
    {
        var pool = batch.Pool;
        Enrolment.Pick(batch.Seed, rep, batch.Observation, pool.PoolSize, b.Chosen, b.Moved);
        long stream = 3 + (long)rep * batch.Observations + batch.Observation;
        for (int i = 0; i < b.Cadss.Length; i++)
        {
            int slot = pool.SlotOf(b.Chosen[i]);
            b.Change[i] = batch.Simulator.RatePercentChange(pool, slot, batch.TimeIndex, stream, out b.Cadss[i]);
            b.Exposure[i] = pool.Exposure[slot];
        }
        r[rep] = OrUndefined(b.Cadss, b.Change);
        if (partial is not null) partial[rep] = OrUndefined(b.Cadss, b.Change, b.Exposure);
    }

    /// <summary>r of <paramref name="x"/> and <paramref name="y"/> (the partial r given <paramref name="z"/> when given), or NaN when it is
    /// undefined (a constant column; a column that is a linear function of the covariate). No delegate per call: a replicate trial makes none.</summary>
    internal static double OrUndefined(double[] x, double[] y, double[]? z = null)
    {
        try { return z is null ? Correlation.PearsonR(x, y) : Correlation.PartialR(x, y, z); }
        catch (ArgumentException) { return double.NaN; }
    }
}

/// <summary>The replicate trials of one observation: the simulator that rates, the pool, and the streams.</summary>
/// <param name="Simulator">Rates the enrolled patients.</param>
/// <param name="Pool">The simulated pool (what rating needs of each patient).</param>
/// <param name="Seed">The seed.</param>
/// <param name="N">Patients per trial.</param>
/// <param name="TimeIndex">Index of the observation's time among the design's assessments.</param>
/// <param name="Observation">Index j of the observation.</param>
/// <param name="Observations">Number of observations J.</param>
internal sealed record ReplicateBatch(TrialSimulator Simulator, RatingPool Pool, ulong Seed, int N, int TimeIndex, int Observation, int Observations);

/// <summary>Per-thread buffers of replicate trials of n patients.</summary>
internal sealed class ReplicateBuffers(int n)
{
    public int[] Chosen { get; } = new int[n];
    public Dictionary<int, int> Moved { get; } = new(2 * n);
    public double[] Cadss { get; } = new double[n];
    public double[] Change { get; } = new double[n];
    public double[] Exposure { get; } = new double[n];
}
