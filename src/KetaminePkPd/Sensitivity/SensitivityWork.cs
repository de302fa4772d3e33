using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The work of one shard of a <see cref="SensitivityAnalysis"/> in steps: <see cref="SensitivityAnalysis.Start"/> steps the
/// whole analysis (shard 1 of 1) for a page that must stay responsive, and <see cref="SensitivityAnalysis.RunShard"/> steps a
/// shard to its end. Every patient and replicate has its own random stream, so the step sizes and the core count do not
/// change the result (tested against the one-shot run, bit for bit).
/// </summary>
/// <remarks>
/// The work is, for each batch of the shard's pharmacological settings in plan order (all of them on the defaults; at most
/// <see cref="PoolSlotsPerBatch"/> patients' pools at once), simulating their pools patient by patient (one unit per patient and
/// pool: a worker simulates a patient in every pool of the batch one after the other, so the settings whose marches go through the
/// base's linear part replay the base's propagators, <see cref="SharedPoolParts.Tapes"/>), and then, for each setting that re-rates
/// those pools and each observation in plan order, the replicate trials (one unit per trial). A step does at most the units asked
/// for (but always at least one patient in every pool of the batch) and never crosses from one of these phases into the next.
/// </remarks>
internal sealed class SensitivityWork : SteppedWork<SensitivityResult>
{
    private readonly SensitivitySettings _settings;
    private readonly int _shard, _shards;
    private readonly List<List<ImmutableArray<SensitivityLevel>>> _groups;
    private readonly int[] _timeIndex;
    private readonly Trials.TrialDesign _sized;
    private readonly ImmutableDictionary<string, ImmutableArray<ImmutableArray<double>>>.Builder _cells =
        ImmutableDictionary.CreateBuilder<string, ImmutableArray<ImmutableArray<double>>>(StringComparer.Ordinal);

    // Position: the batch of groups _batchStart .. _batchEnd - 1 (none set up while _pools is null); _cell < 0 while its pools are
    // simulated (_next: the next patient), else group _group's cell and observation whose replicates run (_next: the next replicate).
    private int _batchStart, _batchEnd, _group, _cell = -1, _observation, _next;
    private long _completed;
    private GroupPool?[]? _pools;
    private RatingPool? _subjects;
    private TrialSimulator? _cellSimulator;
    private ImmutableArray<ImmutableArray<double>>.Builder? _outcomes;
    private double[] _r = [];
    private ReplicateBuffers? _buffers;
    private SensitivityResult? _result;
    private TrialSimulator? _baseSimulator;
    private SharedPoolParts? _shared;
    private SharedReplicateDraws[]? _draws;

    /// <summary>One pharmacological setting's pool: its simulator, what it shares with the base, its dose spread and its patients.</summary>
    private sealed record GroupPool(TrialSimulator Simulator, SharedPoolParts.Sharing Sharing, Func<int, double>? DoseFactor, RatingPool Pool);

    /// <summary>Plans the shard's work; no patient is simulated until the first step.</summary>
    /// <exception cref="ArgumentException">As <see cref="SensitivityAnalysis.Run"/>.</exception>
    internal SensitivityWork(SensitivitySettings settings, int shard, int shards)
    {
        _settings = settings;
        (_shard, _shards) = (shard, shards);
        _groups = [.. SensitivityAnalysis.Plan(settings).Groups.Where((_, g) => g % shards == shard - 1)];
        _timeIndex = ReplicateTrials.TimeIndices(settings.Design, settings.Observed, settings.PoolSize, nameof(settings));
        _sized = settings.Design.WithTotalSubjects(settings.PoolSize);
        TotalWork = Math.Max(1, _groups.Count * (long)settings.PoolSize + _groups.Sum(g => g.Count) * (long)settings.Observed.Length * settings.Replicates);
    }

    /// <summary>Patients' pools simulated together at most (pools x patients): half a million patients' rating values, about 38 MB
    /// at two observation times (the defaults' 34 pools of 2,000 patients: one batch).</summary>
    internal const long PoolSlotsPerBatch = 500_000;

    internal override string What => "sensitivity analysis";

    /// <summary>Patient simulations (pool size per pharmacological setting) plus replicate trials (per setting and observation).</summary>
    internal override long TotalWork { get; }

    internal override long CompletedWork => _completed;

    /// <summary>True once every setting of the shard has its replicates.</summary>
    internal bool IsComplete => _group == _groups.Count;

    /// <summary>Marches that replayed a recorded one in the pools simulated so far (for tests: the tapes are used).</summary>
    internal long Replays { get; private set; }

    /// <summary>The shard's replicate r, once <see cref="IsComplete"/> (timing: the time spent in steps).</summary>
    internal SensitivityShard Shard(TimeSpan elapsed) =>
        new(_shard, _shards, _cells.ToImmutable(), (long)_groups.Count * _settings.PoolSize, elapsed);

    internal override SensitivityResult? Step(int maxUnits, Stopwatch clock)
    {
        Advance(maxUnits);
        if (IsComplete && _result is null) _result = SensitivityAnalysis.Merge(_settings, [Shard(clock.Elapsed)]);
        return _result;
    }

    /// <summary>Does at most <paramref name="maxUnits"/> more units (none once complete; at least one patient in every pool of a batch).</summary>
    internal void Advance(int maxUnits)
    {
        if (IsComplete) return;
        if (_cell < 0) SimulatePools(maxUnits);
        else Replicates(maxUnits);
    }

    /// <summary>Sets up the pools of the batch starting at group <see cref="_group"/>.</summary>
    private void StartBatch()
    {
        _batchStart = _group;
        _batchEnd = _group + (int)Math.Clamp(PoolSlotsPerBatch / _settings.PoolSize, 1, _groups.Count - _group);
        // The design's own pharmacology (the base) is simulated by one simulator for the whole shard, whose parts the other pools share.
        _baseSimulator ??= new TrialSimulator(_sized, _settings.Hypothesis, _settings.Seed);
        _shared ??= new SharedPoolParts(_baseSimulator, _settings.PoolSize);
        _pools = new GroupPool?[_batchEnd - _batchStart];
        for (int g = _batchStart; g < _batchEnd; g++)
        {
            var pharmacology = _groups[g][0].Where(l => l.ChangesPharmacology).ToList();
            var (poolDesign, spread) = SensitivityAnalysis.Apply(_sized, pharmacology);
            var doseFactor = SensitivityAnalysis.DoseFactor(_settings.Seed, spread);
            var simulator = pharmacology.Count == 0 ? _baseSimulator : new TrialSimulator(poolDesign, _settings.Hypothesis, _settings.Seed, doseFactor);
            _pools[g - _batchStart] = new GroupPool(simulator, _shared.For(simulator), doseFactor,
                new RatingPool(_settings.PoolSize, simulator.AssessmentCount, _timeIndex));
        }
    }

    private void SimulatePools(int maxUnits)
    {
        if (_pools is null) StartBatch();
        var (shared, pools) = (_shared!, _pools!);
        int from = _next, to = (int)Math.Min(_settings.PoolSize, (long)from + Math.Max(1, maxUnits / pools.Length));
        long replays = 0;
        void Patients(int start, int end, SharedPoolParts.Tapes tapes)
        {
            int before = tapes.Replays;
            for (int i = start; i < end; i++)
                foreach (var p in pools) shared.Simulate(p!.Sharing, i, p.Pool, tapes);
            Interlocked.Add(ref replays, tapes.Replays - before);
        }
        if (_settings.Parallel) ParallelChunks.For(from, to, static () => new SharedPoolParts.Tapes(), (start, end, tapes) => Patients(start, end, tapes));
        else Patients(from, to, new SharedPoolParts.Tapes());
        Replays += replays;
        _completed += (long)(to - from) * pools.Length;
        _next = to;
        if (_next == _settings.PoolSize) StartCell(0);
    }

    private void StartCell(int cell)
    {
        _cell = cell;
        _observation = 0;
        _next = 0;
        var levels = _groups[_group][cell];
        var (cellDesign, _) = SensitivityAnalysis.Apply(_sized, levels);
        var pool = _pools![_group - _batchStart]!;
        _cellSimulator = new TrialSimulator(cellDesign, _settings.Hypothesis, _settings.Seed, pool.DoseFactor);
        _subjects = levels.Any(l => !l.ChangesPharmacology) ? pool.Pool.WithClinicalDraws(_cellSimulator) : pool.Pool;
        _outcomes = ImmutableArray.CreateBuilder<ImmutableArray<double>>(_settings.Observed.Length);
        _r = new double[_settings.Replicates];
    }

    private void Replicates(int maxUnits)
    {
        var observed = _settings.Observed;
        int o = _observation;
        int from = _next, to = (int)Math.Min(_settings.Replicates, (long)from + maxUnits);
        var batch = new ReplicateBatch(_cellSimulator!, _subjects!, _settings.Seed, observed[o].N, _timeIndex[o], o, observed.Length);
        _draws ??= SharedDraws();
        if (_draws.Length > 0 && _draws[o].Fits(batch)) _draws[o].Run(batch, from, to, _settings.Parallel, _r);
        else _buffers = ReplicateTrials.Run(batch, from, to, _settings.Parallel, _r, null, _buffers, null);
        _completed += to - from;
        _next = to;
        if (_next < _settings.Replicates) return;

        // Written once per observation and never again: wrapped without a copy.
        _outcomes!.Add(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_r));
        if (o + 1 < observed.Length)
        {
            _observation = o + 1;
            _next = 0;
            _r = new double[_settings.Replicates];
            return;
        }
        var group = _groups[_group];
        _cells[SensitivityAnalysis.Key(group[_cell])] = _outcomes.MoveToImmutable();
        if (_cell + 1 < group.Count)
        {
            StartCell(_cell + 1);
            return;
        }
        _pools![_group - _batchStart] = null;   // its settings are done: the pool is no longer needed
        _subjects = null;
        _cellSimulator = null;
        _group++;
        if (_group < _batchEnd) StartCell(0);
        else
        {
            _cell = -1;
            _next = 0;
            _pools = null;
            if (_group == _groups.Count) (_shared, _draws) = (null, null);
        }
    }

    /// <summary>The enrolments and rating draws every setting of the shard shares, one per observation (none when they would
    /// exceed <see cref="SharedReplicateDraws.MaxDraws"/>: each setting then makes its own).</summary>
    private SharedReplicateDraws[] SharedDraws()
    {
        var observed = _settings.Observed;
        if ((long)_settings.Replicates * observed.Sum(o => o.N) > SharedReplicateDraws.MaxDraws) return [];
        return [.. observed.Select((o, j) => new SharedReplicateDraws(_settings.Seed, _settings.PoolSize, o.N, _timeIndex[j], j, observed.Length, _settings.Replicates))];
    }
}
