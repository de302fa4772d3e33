using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// One <see cref="HypothesisTest"/> run that advances in steps of bounded work, for callers that must stay responsive
/// between steps (a page in a browser, which has one thread: it renders progress between steps) or that want to stop
/// early. <see cref="HypothesisTest.Run"/> is this run stepped to the end, so the result is the same, bit for bit,
/// whatever the step sizes (tested).
/// </summary>
/// <remarks>
/// <para>The work is, for each hypothesis in turn, simulating the patients of its pool that some replicate enrols (one unit per patient) and then, for
/// each observation, its replicate trials (one unit per trial). A step does at most the units asked for and never
/// crosses from one of these phases into the next, so a step can return having done fewer. Within a step, patients and
/// replicates run on all cores when <see cref="HypothesisTestSettings.Parallel"/> is set; each one uses its own random
/// stream (see <see cref="HypothesisTest"/>), so neither the step sizes nor the core count change the result.</para>
/// <para>Not thread-safe: call <see cref="Step"/> from one thread at a time.</para>
/// </remarks>
public sealed class HypothesisTestRun
{
    private readonly HypothesisTestSettings _settings;
    private readonly TrialSimulator[] _simulators;
    private readonly int[] _timeIndex;
    private readonly ImmutableArray<HypothesisComparison>.Builder _comparisons;
    private readonly Stopwatch _clock = new();
    private int _hypothesis, _observation = -1, _next;
    private RatingPool? _pool, _unlinkedPool;
    private int[] _enrolled;
    private double[] _r = [], _partial = [];
    private ReplicateBuffers? _serialBuffers;
    private HypothesisTestResult? _result;

    /// <summary>Prepares a run; no patient is simulated until the first <see cref="Step"/>.</summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <exception cref="ArgumentException">An observation at a time that is not one of the design's assessments, a pool smaller than 4 times the largest n, or a hypothesis the population cannot express.</exception>
    public HypothesisTestRun(HypothesisTestSettings? settings = null)
    {
        _settings = settings ??= HypothesisTestSettings.Default;
        var design = settings.Design;
        // The settings guarantee that every observation is at an assessment and that the pool is large enough.
        _timeIndex = [.. settings.Observed.Select(o => design.Assessments.IndexOf(o.Time))];
        var pool = design.WithTotalSubjects(settings.PoolSize);
        _enrolled = Enrolled(settings);
        // Every hypothesis enrols the same patients: their pharmacokinetics and dissociation are simulated once (the hypotheses
        // change only the antidepressant effect), and exposure-only and expectancy share the whole noise-free course (one pool).
        var cache = new PatientCache(_enrolled);
        _simulators = [.. settings.Hypotheses.Select(h => new TrialSimulator(pool, h, settings.Seed, cache: cache))];
        _comparisons = ImmutableArray.CreateBuilder<HypothesisComparison>(settings.Hypotheses.Length * settings.Observed.Length);
        TotalWork = settings.Hypotheses.Length * (_enrolled.Length + (long)settings.Replicates * settings.Observed.Length);
    }

    /// <summary>The settings (with the seed) of this run.</summary>
    public HypothesisTestSettings Settings => _settings;

    /// <summary>Units of work in the whole run: patient simulations plus replicate trials (per hypothesis, the distinct
    /// patients some replicate enrols plus replicates times observations).</summary>
    public long TotalWork { get; }

    /// <summary>Units of work done so far, in [0, <see cref="TotalWork"/>].</summary>
    public long CompletedWork { get; private set; }

    /// <summary>Fraction of the work done, in [0, 1].</summary>
    public double Progress => (double)CompletedWork / TotalWork;

    /// <summary>True once every step has been done and <see cref="Result"/> is available.</summary>
    public bool IsComplete => _result is not null;

    /// <summary>Time spent inside <see cref="Step"/> so far (the compute time, without the pauses between steps).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The outcome, once <see cref="IsComplete"/>; its <see cref="HypothesisTestResult.Elapsed"/> is <see cref="Elapsed"/>.</summary>
    /// <exception cref="InvalidOperationException">The run is not complete.</exception>
    public HypothesisTestResult Result => _result ?? throw new InvalidOperationException(
        $"The run is not complete ({CompletedWork} of {TotalWork} units done): call Step until it returns true.");

    /// <summary>Does at most <paramref name="maxUnits"/> units of work (patient simulations or replicate trials), never crossing into the next phase.</summary>
    /// <param name="maxUnits">Largest number of units to do, at least 1.</param>
    /// <returns>True when the run is complete (then further calls do nothing and return true).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxUnits"/> is below 1.</exception>
    public bool Step(int maxUnits)
    {
        if (maxUnits < 1) throw new ArgumentOutOfRangeException(nameof(maxUnits), maxUnits, $"maxUnits must be at least 1, got {maxUnits}.");
        if (_result is not null) return true;
        _clock.Start();
        try
        {
            if (_observation < 0) SimulatePool(maxUnits);
            else ReplicateTrials(maxUnits);
            if (_hypothesis == _simulators.Length) Finish();
        }
        finally { _clock.Stop(); }
        return _result is not null;
    }

    /// <summary>Simulates the next patients of the current hypothesis's pool.</summary>
    private void SimulatePool(int maxUnits)
    {
        var simulator = _simulators[_hypothesis];
        var enrolled = _enrolled;
        if (_next == 0)
        {
            if (simulator.IsUnlinked && _unlinkedPool is not null)
            {
                // The same noise-free course as the hypothesis that linked nothing before: its pool serves (one step).
                _pool = _unlinkedPool;
                CompletedWork += enrolled.Length;
                StartObservation(0);
                return;
            }
            _pool = new RatingPool(enrolled, _settings.PoolSize, simulator.AssessmentCount, _timeIndex);
            if (simulator.IsUnlinked) _unlinkedPool = _pool;
        }
        var pool = _pool!;
        int from = _next, to = (int)Math.Min(enrolled.Length, (long)from + maxUnits);
        if (_settings.Parallel) Parallel.For(from, to, k => pool.Store(k, simulator.Simulate(enrolled[k])));
        else for (int k = from; k < to; k++) pool.Store(k, simulator.Simulate(enrolled[k]));
        CompletedWork += to - from;
        _next = to;
        if (_next == enrolled.Length) StartObservation(0);
    }

    /// <summary>Runs the next replicate trials of the current hypothesis and observation.</summary>
    private void ReplicateTrials(int maxUnits)
    {
        var simulator = _simulators[_hypothesis];
        int o = _observation, n = _settings.Observed[o].N;
        int from = _next, to = (int)Math.Min(_settings.Replicates, (long)from + maxUnits);
        var batch = new ReplicateBatch(simulator, _pool!, _settings.Seed, n, _timeIndex[o], o, _settings.Observed.Length);
        _serialBuffers = HypothesisTesting.ReplicateTrials.Run(batch, from, to, _settings.Parallel, _r, _partial, _serialBuffers, null);
        CompletedWork += to - from;
        _next = to;
        if (_next < _settings.Replicates) return;

        var observed = _settings.Observed[o];
        var hypothesis = _settings.Hypotheses[_hypothesis];
        // A statistic undefined in a replicate (a constant column in a small trial) is NaN there: counted, not used.
        var (rDist, undefinedR) = Defined(_r, hypothesis, observed, "r of CADSS and % change", "CADSS or the % change is the same for every patient");
        var (partialDist, undefinedPartial) = Defined(_partial, hypothesis, observed, "partial r given exposure",
            "the concentration at the CADSS time is the same for every patient, e.g. all enrolled from a placebo arm, or CADSS or the % change is constant");
        double p = observed.R <= 0 ? rDist.ProbabilityAtMost(observed.R) : rDist.ProbabilityAtLeast(observed.R);
        _comparisons.Add(new HypothesisComparison(hypothesis, observed, rDist, partialDist, p, HypothesisTest.Read(hypothesis, observed, rDist, partialDist, p))
            {
                UndefinedR = undefinedR,
                UndefinedPartialR = undefinedPartial,
                // Fresh arrays per observation (StartObservation), never written again: wrapped without a copy.
                ReplicateR = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_r),
                ReplicatePartialR = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_partial),
            });
        if (o + 1 < _settings.Observed.Length) StartObservation(o + 1);
        else
        {
            _hypothesis++;
            _observation = -1;
            _next = 0;
        }
    }

    private void StartObservation(int o)
    {
        _observation = o;
        _next = 0;
        _r = new double[_settings.Replicates];
        _partial = new double[_settings.Replicates];
    }

    /// <summary>The distinct patients, in index order, that some replicate trial enrols (<see cref="Enrolment"/>): only these are
    /// simulated, so work and memory grow with replicates x n rather than with the pool (the result is the same as simulating all).</summary>
    private static int[] Enrolled(HypothesisTestSettings settings)
    {
        int size = settings.PoolSize;
        var needed = new ulong[(size + 63) / 64];   // one bit per pool patient
        for (int o = 0; o < settings.Observed.Length; o++)
        {
            var chosen = new int[settings.Observed[o].N];
            var moved = new Dictionary<int, int>(2 * chosen.Length);
            for (int rep = 0; rep < settings.Replicates; rep++)
            {
                Enrolment.Pick(settings.Seed, rep, o, size, chosen, moved);
                foreach (int index in chosen) needed[index >> 6] |= 1UL << (index & 63);
            }
        }
        int count = 0;
        foreach (ulong word in needed) count += System.Numerics.BitOperations.PopCount(word);
        var list = new int[count];
        for (int i = 0, k = 0; i < size; i++)
            if ((needed[i >> 6] & (1UL << (i & 63))) != 0) list[k++] = i;
        return list;
    }

    /// <summary>The distribution of the defined (non-NaN) values and the number of undefined ones.</summary>
    /// <exception cref="ArgumentException">The statistic is undefined in every replicate.</exception>
    private static (SamplingDistribution Distribution, int Undefined) Defined(double[] values, Hypothesis h, ObservedCorrelation o, string what, string why)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0)
            throw new ArgumentException($"Under {h.Name}, the {what} at {Durations.Format(o.Time)} is undefined in all {values.Length} replicate trials of {o.N} patients ({why}).", "settings");
        return (SamplingDistribution.FromReplicates(defined), values.Length - defined.Length);
    }


    /// <summary>Sample sizes against exposure-only, and the result.</summary>
    private void Finish()
    {
        var comparisons = _comparisons.MoveToImmutable();
        var sizes = ImmutableArray.CreateBuilder<SampleSizeComparison>();
        var reference = comparisons.Where(c => c.Hypothesis.IsExposureOnly).ToList();
        foreach (var c in comparisons)
        {
            if (c.Hypothesis.IsExposureOnly) continue;
            var baseLine = reference.FirstOrDefault(x => x.Observed == c.Observed);
            if (baseLine is null) continue;
            int? n = null;
            try { n = SampleSize.Required(c.MedianR, baseLine.MedianR, _settings.Alpha, _settings.Power); }
            catch (ArgumentException) { }
            sizes.Add(new SampleSizeComparison(c.Observed.Time, baseLine.Hypothesis.Name, c.Hypothesis.Name, baseLine.MedianR, c.MedianR, n));
        }
        int hypotheses = _settings.Hypotheses.Length;
        _pool = _unlinkedPool = null;
        _serialBuffers = null;
        _result = new HypothesisTestResult(_settings, comparisons, sizes.ToImmutable(), (long)_enrolled.Length * hypotheses,
            (long)_settings.Replicates * hypotheses * _settings.Observed.Length, _clock.Elapsed);
    }
}
