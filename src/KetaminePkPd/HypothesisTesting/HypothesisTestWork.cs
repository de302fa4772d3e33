using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Numerics;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// The work of one <see cref="HypothesisTest"/> in steps (<see cref="HypothesisTest.Start"/>); <see cref="HypothesisTest.Run"/>
/// steps it to the end, so the result is the same, bit for bit, whatever the step sizes (tested).
/// </summary>
/// <remarks>
/// The work is, for each hypothesis in turn, simulating the patients of its pool that some replicate enrols (one unit per patient)
/// and then, for each observation, its replicate trials (one unit per trial). A step does at most the units asked for and never
/// crosses from one of these phases into the next, so a step can return having done fewer. The first hypothesis's pool phase
/// simulates each patient under every hypothesis (<see cref="SimulatePool"/>), so its units cost more and the later pool phases take
/// one step each. Within a step, patients and
/// replicates run on all cores when <see cref="HypothesisTestSettings.Parallel"/> is set; each one uses its own random
/// stream (see <see cref="HypothesisTest"/>), so neither the step sizes nor the core count change the result.
/// </remarks>
internal sealed class HypothesisTestWork : SteppedWork<HypothesisTestResult>
{
    private readonly HypothesisTestSettings _settings;
    private readonly TrialSimulator[] _simulators;
    private readonly int[] _timeIndex;
    private readonly ImmutableArray<HypothesisComparison>.Builder _comparisons;
    private int _hypothesis, _observation = -1, _next;
    private long _completed;
    private RatingPool? _pool;
    private RatingPool[]? _pools;       // per hypothesis (the unlinked ones share one), all filled in the first hypothesis's phase
    private int[]? _courses;            // the hypotheses whose pools are simulated (the first of the unlinked ones and every linked one)
    private PropagatorTape? _serialTape;
    private int[] _enrolled;
    private double[] _r = [], _partial = [];
    private ReplicateBuffers? _serialBuffers;
    private HypothesisTestResult? _result;
    private Stopwatch _clock = new();
    private readonly Func<int, SimulatedSubject?>? _known;   // courses simulated elsewhere (see the constructor), or null

    /// <summary>Prepares the work; no patient is simulated until the first step.</summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    /// <param name="known">Optional: given the pool's design, a lookup of pool patients whose noise-free course was already simulated
    /// elsewhere with the same result (the same patient index, seed, population, arm regimen, assessment and CADSS times and clinical
    /// model, under a hypothesis that links nothing: <see cref="TrialSimulator.Simulate(int)"/> gives the same values), returning the
    /// course with the pool's arm, or null for a patient to simulate. Used only when every hypothesis links nothing (one course per
    /// patient); the result is the same as without it.</param>
    internal HypothesisTestWork(HypothesisTestSettings? settings = null, Func<TrialDesign, Func<int, SimulatedSubject?>?>? known = null)
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
        // Mediation's reference sample (when not cached) runs on all cores in the background while the other simulators are made
        // (their directions are computed on this thread); the mediation simulator waits for it. The same sample either way.
        if (settings.Parallel) HypothesisLinks.StartReferences(pool, settings.Hypotheses);
        _simulators = [.. settings.Hypotheses.Select(h => new TrialSimulator(pool, h, settings.Seed, cache: cache, parallel: settings.Parallel))];
        if (known is not null && _simulators.All(s => s.IsUnlinked)) _known = known(pool);
        _comparisons = ImmutableArray.CreateBuilder<HypothesisComparison>(settings.Hypotheses.Length * settings.Observed.Length);
        TotalWork = settings.Hypotheses.Length * (_enrolled.Length + (long)settings.Replicates * settings.Observed.Length);
    }

    internal override string What => "hypothesis test";

    /// <summary>Patient simulations plus replicate trials (per hypothesis, the distinct patients some replicate enrols plus replicates
    /// times observations).</summary>
    internal override long TotalWork { get; }

    internal override long CompletedWork => _completed;

    internal override HypothesisTestResult? Step(int maxUnits, Stopwatch clock)
    {
        _clock = clock;
        if (_observation < 0) SimulatePool(maxUnits);
        else ReplicateTrials(maxUnits);
        if (_hypothesis == _simulators.Length) Finish();
        return _result;
    }

    /// <summary>
    /// Simulates the next patients. The first hypothesis's pool phase simulates each patient under every hypothesis, one after the
    /// other on the same thread, into one pool per distinct course (the hypotheses that link nothing share one): the courses of a
    /// patient differ only in the effect's random effects and filter, so the later ones replay the first one's propagators (the
    /// worker's <see cref="PropagatorTape"/>) instead of computing the same matrix exponentials again. The later hypotheses' pool
    /// phases then find their pools filled (one step each). The values are those of simulating each hypothesis's pool in turn.
    /// </summary>
    private void SimulatePool(int maxUnits)
    {
        var enrolled = _enrolled;
        if (_pools is null)
        {
            _pools = new RatingPool[_simulators.Length];
            RatingPool? unlinked = null;
            var distinct = new List<int>();
            for (int h = 0; h < _simulators.Length; h++)
            {
                if (_simulators[h].IsUnlinked && unlinked is not null) { _pools[h] = unlinked; continue; }
                _pools[h] = new RatingPool(enrolled, _settings.PoolSize, _simulators[h].AssessmentCount, _timeIndex);
                if (_simulators[h].IsUnlinked) unlinked = _pools[h];
                distinct.Add(h);
            }
            _courses = [.. distinct];
        }
        _pool = _pools[_hypothesis];
        if (_hypothesis > 0)
        {
            // Filled in the first hypothesis's phase (one step).
            _completed += enrolled.Length;
            StartObservation(0);
            return;
        }
        int from = _next, to = (int)Math.Min(enrolled.Length, (long)from + maxUnits);
        if (_settings.Parallel) ParallelChunks.For(from, to, static () => new PropagatorTape(), (start, end, tape) => SimulatePatients(start, end, tape));
        else SimulatePatients(from, to, _serialTape ??= new PropagatorTape());
        _completed += to - from;
        _next = to;
        if (_next == enrolled.Length) StartObservation(0);
    }

    /// <summary>Patients <paramref name="from"/> .. <paramref name="to"/> - 1 of the enrolment under every distinct course, in hypothesis order.</summary>
    private void SimulatePatients(int from, int to, PropagatorTape tape)
    {
        var courses = _courses!;
        var pools = _pools!;
        var known = _known;
        for (int k = from; k < to; k++)
        {
            // Every hypothesis links nothing when there is a lookup: one course, the one simulated elsewhere when there is one.
            if (known?.Invoke(_enrolled[k]) is { } done)
            {
                pools[courses[0]].Store(k, done);
                continue;
            }
            foreach (int h in courses) _simulators[h].SimulateInto(pools[h], k, _enrolled[k], tape);
        }
    }

    /// <summary>Runs the next replicate trials of the current hypothesis and observation.</summary>
    private void ReplicateTrials(int maxUnits)
    {
        var simulator = _simulators[_hypothesis];
        int o = _observation, n = _settings.Observed[o].N;
        int from = _next, to = (int)Math.Min(_settings.Replicates, (long)from + maxUnits);
        var batch = new ReplicateBatch(simulator, _pool!, _settings.Seed, n, _timeIndex[o], o, _settings.Observed.Length);
        _serialBuffers = HypothesisTesting.ReplicateTrials.Run(batch, from, to, _settings.Parallel, _r, _partial, _serialBuffers, null);
        _completed += to - from;
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
        _pool = null;
        _pools = null;
        _serialTape = null;
        _serialBuffers = null;
        _result = new HypothesisTestResult(_settings, comparisons, sizes.ToImmutable(), (long)_enrolled.Length * hypotheses,
            (long)_settings.Replicates * hypotheses * _settings.Observed.Length, _clock.Elapsed);
    }
}
