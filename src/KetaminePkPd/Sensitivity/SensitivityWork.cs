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
/// The work is, for each pharmacological setting of the shard in plan order, simulating its pool (one unit per patient) and
/// then, for each setting that re-rates that pool and each observation, the replicate trials (one unit per trial). A step does
/// at most the units asked for and never crosses from one of these phases into the next.
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

    // Position: group _group; _cell < 0 while its pool is simulated, else the cell and observation whose replicates run.
    private int _group, _cell = -1, _observation, _next;
    private long _completed;
    private RatingPool? _pool, _subjects;
    private TrialSimulator? _poolSimulator, _cellSimulator;
    private Func<int, double>? _doseFactor;
    private ImmutableArray<ImmutableArray<double>>.Builder? _outcomes;
    private double[] _r = [];
    private ReplicateBuffers? _buffers;
    private SensitivityResult? _result;
    private TrialSimulator? _baseSimulator;
    private SharedPoolParts? _shared;
    private SharedPoolParts.Sharing? _sharing;
    private SharedReplicateDraws[]? _draws;

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

    internal override string What => "sensitivity analysis";

    /// <summary>Patient simulations (pool size per pharmacological setting) plus replicate trials (per setting and observation).</summary>
    internal override long TotalWork { get; }

    internal override long CompletedWork => _completed;

    /// <summary>True once every setting of the shard has its replicates.</summary>
    internal bool IsComplete => _group == _groups.Count;

    /// <summary>The shard's replicate r, once <see cref="IsComplete"/> (timing: the time spent in steps).</summary>
    internal SensitivityShard Shard(TimeSpan elapsed) =>
        new(_shard, _shards, _cells.ToImmutable(), (long)_groups.Count * _settings.PoolSize, elapsed);

    internal override SensitivityResult? Step(int maxUnits, Stopwatch clock)
    {
        Advance(maxUnits);
        if (IsComplete && _result is null) _result = SensitivityAnalysis.Merge(_settings, [Shard(clock.Elapsed)]);
        return _result;
    }

    /// <summary>Does at most <paramref name="maxUnits"/> more units (none once complete).</summary>
    internal void Advance(int maxUnits)
    {
        if (IsComplete) return;
        if (_cell < 0) SimulatePool(maxUnits);
        else Replicates(maxUnits);
    }

    private void SimulatePool(int maxUnits)
    {
        var group = _groups[_group];
        if (_next == 0)
        {
            var pharmacology = group[0].Where(l => l.ChangesPharmacology).ToList();
            var (poolDesign, spread) = SensitivityAnalysis.Apply(_sized, pharmacology);
            _doseFactor = SensitivityAnalysis.DoseFactor(_settings.Seed, spread);
            // The design's own pharmacology (the base) is simulated by one simulator for the whole shard, whose parts the other pools share.
            _baseSimulator ??= new TrialSimulator(_sized, _settings.Hypothesis, _settings.Seed);
            _shared ??= new SharedPoolParts(_baseSimulator, _settings.PoolSize);
            _poolSimulator = pharmacology.Count == 0 ? _baseSimulator : new TrialSimulator(poolDesign, _settings.Hypothesis, _settings.Seed, _doseFactor);
            _sharing = _shared.For(_poolSimulator);
            _pool = new RatingPool(_settings.PoolSize, _poolSimulator.AssessmentCount, _timeIndex);
        }
        var (shared, sharing, pool) = (_shared!, _sharing!, _pool!);
        int from = _next, to = (int)Math.Min(_settings.PoolSize, (long)from + maxUnits);
        if (_settings.Parallel) Parallel.For(from, to, i => shared.Simulate(sharing, i, pool));
        else for (int i = from; i < to; i++) shared.Simulate(sharing, i, pool);
        _completed += to - from;
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
        _cellSimulator = new TrialSimulator(cellDesign, _settings.Hypothesis, _settings.Seed, _doseFactor);
        _subjects = levels.Any(l => !l.ChangesPharmacology) ? _pool!.WithClinicalDraws(_cellSimulator) : _pool;
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
        if (_cell + 1 < group.Count) StartCell(_cell + 1);
        else
        {
            _group++;
            _cell = -1;
            _next = 0;
            _pool = _subjects = null;
            _poolSimulator = _cellSimulator = null;
            _sharing = null;
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
