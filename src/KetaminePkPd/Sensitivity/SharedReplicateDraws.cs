using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The random part of one observation's replicate trials, made once for every setting of a sensitivity shard: which patients
/// replicate r enrols (<see cref="Enrolment.Pick"/>, stream (seed, r, -1 - j)) and the two standard-normal draws each enrolled
/// patient is rated with (<see cref="TrialSimulator.RatingDraws"/>, stream (seed, i, 3 + r J + j)). Under common random
/// numbers every setting enrols the same patients and rates them with the same streams; only what a draw is multiplied by or
/// added to changes. Before this, each setting made its own draws (the enrolment's shuffle and four to seven normal draws per
/// rated patient), more than the rating's own arithmetic.
/// </summary>
/// <remarks>
/// <para>Whether a setting's replicate trials can take these draws is decided from what the draws are made of
/// (<see cref="Fits"/>): the seed its simulator rates with, the pool size enrolled from, the observation's n, its assessment,
/// its index j and the number of observations J. A setting's replicate r is then
/// <see cref="TrialSimulator.RatedPercentChange"/> on the same numbers <see cref="TrialSimulator.RatePercentChange"/> draws,
/// and Pearson's r of the same two columns, so the same bits as <see cref="ReplicateTrials.Run"/> (tested).</para>
/// <para>Draws are made on first use, for the replicates asked for (a step of a stepped run makes only its own), and kept for the
/// shard: 20 bytes per replicate and enrolled patient (<see cref="BytesPer"/>).</para>
/// </remarks>
internal sealed class SharedReplicateDraws
{
    private readonly ulong _seed;
    private readonly int _poolSize, _n, _assessment, _observation, _observations;
    private readonly int[] _chosen;
    private readonly double[] _cadssNoise, _ratingNoise;
    private readonly bool[] _made;

    /// <param name="seed">The seed of the streams.</param>
    /// <param name="poolSize">Patients the trials enrol from.</param>
    /// <param name="n">Patients per trial.</param>
    /// <param name="assessment">Index of the observation's time among the design's assessments.</param>
    /// <param name="observation">The observation's index j.</param>
    /// <param name="observations">Observations J.</param>
    /// <param name="replicates">Replicate trials 0 .. replicates - 1.</param>
    public SharedReplicateDraws(ulong seed, int poolSize, int n, int assessment, int observation, int observations, int replicates)
    {
        (_seed, _poolSize, _n, _assessment, _observation, _observations) = (seed, poolSize, n, assessment, observation, observations);
        _chosen = new int[(long)replicates * n];
        _cadssNoise = new double[_chosen.Length];
        _ratingNoise = new double[_chosen.Length];
        _made = new bool[replicates];
    }

    /// <summary>Bytes kept per replicate trial and enrolled patient: the patient's index and its two draws.</summary>
    public const int BytesPer = 4 + 2 * 8;

    /// <summary>Largest number of (replicate, enrolled patient) draws kept for one shard, over its observations (20 MB); a larger
    /// run's settings make their own draws, as before.</summary>
    public const long MaxDraws = 1_000_000;

    /// <summary>Whether <paramref name="batch"/>'s replicate trials are made of these draws: the same seed, pool size, n,
    /// assessment and observation among as many observations.</summary>
    public bool Fits(ReplicateBatch batch) =>
        batch.Simulator.Seed == _seed && batch.Pool.PoolSize == _poolSize && batch.N == _n && batch.TimeIndex == _assessment
        && batch.Observation == _observation && batch.Observations == _observations;

    /// <summary>
    /// Replicate trials <paramref name="from"/> .. <paramref name="to"/> - 1 of <paramref name="batch"/> (which <see cref="Fits"/>):
    /// r of the rated CADSS and % change into <paramref name="r"/>, NaN where undefined, as <see cref="ReplicateTrials.Run"/> gives
    /// it (without the partial r). Serial or parallel, the values are the same.
    /// </summary>
    public void Run(ReplicateBatch batch, int from, int to, bool parallel, double[] r)
    {
        if (!Fits(batch)) throw new ArgumentException("The replicate trials are not made of these draws.", nameof(batch));
        if (parallel) ParallelChunks.For(from, to, () => new Buffers(_n), (start, end, buffers) => { for (int rep = start; rep < end; rep++) One(batch, rep, buffers, r); });
        else
        {
            var buffers = new Buffers(_n);
            for (int rep = from; rep < to; rep++) One(batch, rep, buffers, r);
        }
    }

    private void One(ReplicateBatch batch, int rep, Buffers b, double[] r)
    {
        // Each replicate is made by the one thread that first runs it; later settings read it after that phase has ended.
        if (!_made[rep]) Make(rep, b.Moved);
        var pool = batch.Pool;
        int at = rep * _n;
        for (int i = 0; i < _n; i++)
        {
            int slot = pool.SlotOf(_chosen[at + i]);
            b.Change[i] = batch.Simulator.RatedPercentChange(pool, slot, _assessment, _cadssNoise[at + i], _ratingNoise[at + i], out b.Cadss[i]);
        }
        r[rep] = ReplicateTrials.OrUndefined(b.Cadss, b.Change);
    }

    private void Make(int rep, Dictionary<int, int> moved)
    {
        var chosen = _chosen.AsSpan(rep * _n, _n);
        Enrolment.Pick(_seed, rep, _observation, _poolSize, chosen, moved);
        long stream = 3 + (long)rep * _observations + _observation;
        for (int i = 0; i < _n; i++)
            (_cadssNoise[rep * _n + i], _ratingNoise[rep * _n + i]) = TrialSimulator.RatingDraws(_seed, chosen[i], stream, _assessment);
        _made[rep] = true;
    }

    private sealed class Buffers(int n)
    {
        public Dictionary<int, int> Moved { get; } = new(2 * n);
        public double[] Cadss { get; } = new double[n];
        public double[] Change { get; } = new double[n];
    }
}
