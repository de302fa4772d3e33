using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// <see cref="EvidenceAnalysis.Run"/> in bounded steps (<see cref="EvidenceAnalysis.Start"/>): each step simulates at most a given
/// number of a pool's patients, or runs one entry's replicate trials under one hypothesis. Stepping to the end gives the same
/// <see cref="EvidenceResult"/> as <see cref="EvidenceAnalysis.Run"/>, value for value, whatever the step sizes and whether
/// <see cref="EvidenceSettings.Parallel"/> is set (each patient's random stream is fixed by the seed and its index).
/// </summary>
internal sealed class EvidenceWork : SteppedWork<EvidenceResult>
{
    private readonly EvidenceSettings _settings;
    private readonly ImmutableArray<EvidenceEntry> _entries;
    private readonly List<TrialDesign> _designs;
    private readonly List<int> _poolTotals;
    private readonly EvidenceRow[] _rows;
    private readonly Dictionary<(double, double), SimulatedSubject[]> _pools = [];
    private readonly Action<int, EvidenceRow>? _rowDone;
    private readonly long _work;
    private long _done;
    private int _design, _hypothesis, _entry, _filled, _patients;
    private TrialDesign? _pooled;
    private TrialSimulator? _simulator, _simulating;
    private SimulatedSubject[]? _pool;
    private (double, double) _pharmacology;
    private TrialDesign? _referenceDesign;
    private TrialSimulator? _referenceSimulator;
    private double[]? _referencePeaks;
    private int _referenceFilled;

    /// <summary>Prepares the work; nothing is simulated until the first step.</summary>
    /// <param name="settings">What to run; null for <see cref="EvidenceSettings.Default"/>.</param>
    /// <param name="rowDone">Receives each row as it is finished, with its index in <see cref="EvidenceResult.Rows"/>, or null.</param>
    internal EvidenceWork(EvidenceSettings? settings, Action<int, EvidenceRow>? rowDone)
    {
        _settings = settings ?? EvidenceSettings.Default;
        _rowDone = rowDone;
        _entries = _settings.Entries;
        _designs = [.. _entries.Select(e => e.Design).Distinct(ReferenceEqualityComparer.Instance).Cast<TrialDesign>()];
        _poolTotals = [.. _designs.Select(d => EvidenceAnalysis.PoolTotal(d, _entries.Where(e => ReferenceEquals(e.Design, d)), _settings.PoolFactor))];
        _work = (long)_poolTotals.Sum() * _settings.Hypotheses.Length + (long)_entries.Length * _settings.Hypotheses.Length * _settings.Replicates;
        // Mediation needs each dosed arm's reference sample (HypothesisLinks.ReferenceSize patients), sampled here in steps unless cached.
        if (_settings.Hypotheses.Any(h => h.MediationShare > 0))
            _work += (long)HypothesisLinks.ReferenceSize * _designs.Sum(d => d.Arms.Count(a => a.Administration.Dose.Value != 0));
        _rows = new EvidenceRow[_entries.Length * _settings.Hypotheses.Length];
    }

    internal override string What => "evidence run";

    internal override long TotalWork => _work;

    /// <summary>Patients simulated and replicate trials run, weighted alike (at most <see cref="TotalWork"/>).</summary>
    internal override long CompletedWork => Math.Min(_done, _work);

    /// <summary>Sets <paramref name="into"/>[from .. from + count) to <paramref name="make"/>(i), in parallel when the settings say so
    /// (each element depends only on its index, so the order does not matter).</summary>
    private void Fill<T>(T[] into, int from, int count, Func<int, T> make)
    {
        if (_settings.Parallel) System.Threading.Tasks.Parallel.For(from, from + count, i => into[i] = make(i));
        else for (int i = from; i < from + count; i++) into[i] = make(i);
    }

    /// <summary>Samples up to <paramref name="patients"/> patients of the first dosed arm of <paramref name="pooled"/> whose reference
    /// sample is not cached yet; returns false (nothing done) when every dosed arm's sample is cached.</summary>
    private bool SampleReference(TrialDesign pooled, int patients)
    {
        for (int arm = 0; arm < pooled.Arms.Length; arm++)
        {
            if (pooled.Arms[arm].Administration.Dose.Value == 0) continue;
            var referenceDesign = HypothesisLinks.ReferenceDesign(pooled, arm);
            if (HypothesisLinks.HasReference(referenceDesign)) continue;
            if (_referenceDesign is null || !_referenceDesign.Equals(referenceDesign))
            {
                _referenceDesign = referenceDesign;
                _referenceSimulator = HypothesisLinks.ReferenceSimulator(referenceDesign);
                _referencePeaks = new double[HypothesisLinks.ReferenceSize];
                _referenceFilled = 0;
            }
            var peaks = _referencePeaks!;
            int count = (int)Math.Min(patients, (long)peaks.Length - _referenceFilled);
            Fill(peaks, _referenceFilled, count, _referenceSimulator!.SimulateDissociationPeak);
            _referenceFilled += count;
            _done += count;
            if (_referenceFilled == peaks.Length)
            {
                HypothesisLinks.RememberReference(referenceDesign, peaks);
                _referenceDesign = null;
            }
            return true;
        }
        return false;
    }

    /// <summary>Does one piece of work: simulates up to <paramref name="patients"/> patients of the current pool, or runs one entry's
    /// replicate trials under one hypothesis; returns the result once finished, else null.</summary>
    internal override EvidenceResult? Step(int patients, Stopwatch clock)
    {
        while (true)
        {
            if (_design == _designs.Count)
            {
                int h = _settings.Hypotheses.Length;
                var joint = _settings.Hypotheses.Select((hyp, i) => EvidenceAnalysis.Joint(hyp, [.. Enumerable.Range(0, _entries.Length).Select(k => _rows[k * h + i])], _settings.Alpha));
                return new EvidenceResult(_settings, [.. _rows], [.. joint], _patients, clock.Elapsed);
            }
            if (_hypothesis == _settings.Hypotheses.Length)
            {
                _design++;
                _hypothesis = 0;
                _pools.Clear();
                _pooled = null;
                continue;
            }
            if (_pooled is null || _simulator is null)
            {
                var design = _designs[_design];
                if (_settings.Effects is { } effects) design = design.With(population: design.Population with { Effects = effects });
                _pooled ??= design.WithTotalSubjects(Math.Max(_poolTotals[_design], design.Arms.Length));
                var hypothesis = _settings.Hypotheses[_hypothesis];
                // Mediation's simulator needs the arms' reference samples: sample them in steps first, so building it is quick.
                if (hypothesis.MediationShare > 0 && SampleReference(_pooled, patients)) return null;
                _simulator = new TrialSimulator(_pooled, hypothesis, _settings.Seed);
                // Expectancy acts only when patients are rated: hypotheses that differ only in it share the simulated pharmacology.
                _pharmacology = (hypothesis.SensitivityCorrelation, hypothesis.MediationShare);
                if (_pools.TryGetValue(_pharmacology, out var shared))
                {
                    _pool = shared;
                    _filled = shared.Length;
                    _done += shared.Length;
                }
                else
                {
                    _simulating = new TrialSimulator(_pooled, hypothesis with { ExpectancyBoostMadrs = 0 }, _settings.Seed);
                    _pool = new SimulatedSubject[_pooled.TotalSubjects];
                    _filled = 0;
                }
                _entry = 0;
            }
            if (_filled < _pool!.Length)
            {
                int count = (int)Math.Min(patients, (long)_pool.Length - _filled);
                Fill(_pool, _filled, count, _simulating!.Simulate);
                _filled += count;
                _done += count;
                if (_filled == _pool.Length)
                {
                    _pools[_pharmacology] = _pool;
                    _patients += _pool.Length;
                }
                return null;
            }
            while (_entry < _entries.Length && !ReferenceEquals(_entries[_entry].Design, _designs[_design])) _entry++;
            if (_entry == _entries.Length)
            {
                _hypothesis++;
                _simulator = null;
                continue;
            }
            int k = _entry++;
            int index = k * _settings.Hypotheses.Length + _hypothesis;
            _rows[index] = EvidenceAnalysis.RunEntry(_entries[k], k, _settings.Hypotheses[_hypothesis], _simulator, _pooled, _pool, _settings);
            _rowDone?.Invoke(index, _rows[index]);
            _done += _settings.Replicates;
            return null;
        }
    }
}
