using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// What would it take? Varies the provisional assumptions behind a hypothesis test (PK and PD variability, dose spread,
/// placebo response, rating noise, CADSS time, baseline severity) over documented ranges around the design's current
/// values (<see cref="SensitivityRanges"/>), one at a time and optionally two together, and reports per setting the
/// median r, its central 95% and the two-sided compatibility of each observation, plus the frontier: the smallest change
/// from the default that makes the hypothesis compatible (two-sided p &gt;= 0.05), or none within the range.
/// </summary>
/// <remarks>
/// <para>Method. Each setting is a <see cref="HypothesisTest"/> of one hypothesis: a pool of patients, replicate trials of
/// each observed n enrolled from it with fresh rating noise, and the observed r placed in the replicate distribution.
/// Settings that change the pharmacology (PK or PD variability, dose spread, CADSS time) simulate their own pool; settings
/// that change only the clinical model (placebo, rating noise, baseline) re-rate the default pool, with baseline and
/// placebo redrawn from the same streams under the new model.</para>
/// <para>Common random numbers. Every setting uses the same seed and the same streams: patient i draws its covariates and
/// standard-normal random effects from stream (seed, i, 0) (a changed SD scales the same z), its baseline and placebo
/// from (seed, i, 1) (a changed mean or SD shifts or scales the same z), its dose spread u from (seed, i, -2^40) (the
/// multiplier k^(2u - 1) is monotone in k for the same u); replicate r enrols the same patients with stream (seed, r,
/// -1 - j) and rates them with the same noise stream (seed, i, 3 + r J + j). Differences between settings are therefore
/// the effect of the assumption, not fresh Monte Carlo noise. The default cell equals
/// <see cref="HypothesisTest.Run"/> of the same hypothesis with the same pool, replicates and seed.</para>
/// </remarks>
public static class SensitivityAnalysis
{
    /// <summary>Stream of the per-patient dose-spread draw (far from the enrolment streams -1 - j and the rating streams &gt;= 1).</summary>
    private const long DoseStream = -(1L << 40);

    /// <summary>Runs the analysis.</summary>
    /// <param name="settings">What to run; null for <see cref="SensitivitySettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>Every cell, the frontiers and the timing.</returns>
    /// <exception cref="ArgumentException">No assumption and no pair; an observation at a time that is not one of the design's assessments;
    /// a pool smaller than 4 times the largest n; an assumption the design's population cannot vary; or a hypothesis the population cannot express.</exception>
    public static SensitivityResult Run(SensitivitySettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= SensitivitySettings.Default;
        var design = settings.Design;
        var observed = settings.Observed;
        if (settings.Assumptions.IsEmpty && settings.Pair is null)
            throw new ArgumentException("Nothing to vary: give at least one assumption or a pair.", nameof(settings));
        var timeIndex = ReplicateTrials.TimeIndices(design, observed, settings.PoolSize, nameof(settings));

        var clock = Stopwatch.StartNew();
        var levels = new Dictionary<SensitivityAssumption, ImmutableArray<SensitivityLevel>>();
        var varied = settings.Assumptions.ToList();
        if (settings.Pair is { } p) varied.AddRange([p.First, p.Second]);
        foreach (var a in varied)
            if (!levels.ContainsKey(a)) levels[a] = SensitivityRanges.Levels(a, design);

        // Every distinct setting, keyed by its non-default levels; grouped by the ones that change the pharmacology.
        var wanted = new List<ImmutableArray<SensitivityLevel>> { ImmutableArray<SensitivityLevel>.Empty };
        foreach (var a in settings.Assumptions) wanted.AddRange(levels[a].Select(l => ImmutableArray.Create(l)));
        if (settings.Pair is { } pair)
            foreach (var l1 in levels[pair.First])
                foreach (var l2 in levels[pair.Second]) wanted.Add([l1, l2]);
        static string Key(IEnumerable<SensitivityLevel> ls) =>
            string.Join('|', ls.Where(l => !l.IsDefault).OrderBy(l => l.Assumption).Select(l => $"{l.Assumption}:{l.Index}"));
        var distinct = wanted.GroupBy(ls => Key(ls)).Select(g => g.First().Where(l => !l.IsDefault).ToImmutableArray()).ToList();
        var groups = distinct.GroupBy(ls => Key(ls.Where(l => l.ChangesPharmacology))).ToList();

        int j = observed.Length;
        double total = groups.Count * (double)settings.PoolSize + distinct.Count * (double)j * settings.Replicates, done = 0;
        object gate = new();
        void Advance(double amount)
        {
            if (progress is null) return;
            lock (gate) { done += amount; progress.Report(Math.Min(1, done / total)); }
        }

        var replicateSettings = HypothesisTestSettings.Default with
        {
            Design = design, Hypotheses = [settings.Hypothesis], Observed = observed, Replicates = settings.Replicates,
            PoolSize = settings.PoolSize, Seed = settings.Seed, Parallel = settings.Parallel,
        };
        var sized = design.WithTotalSubjects(settings.PoolSize);
        var outcomes = new Dictionary<string, ImmutableArray<SensitivityOutcome>>();
        foreach (var group in groups)
        {
            var pharmacology = group.First().Where(l => l.ChangesPharmacology).ToList();
            var (poolDesign, spread) = SensitivityRanges.Apply(sized, pharmacology);
            var doseFactor = DoseFactor(settings.Seed, spread);
            var pool = ReplicateTrials.SimulatePool(new TrialSimulator(poolDesign, settings.Hypothesis, settings.Seed, doseFactor), settings.PoolSize, settings.Parallel, Advance);
            foreach (var cell in group)
            {
                var (cellDesign, _) = SensitivityRanges.Apply(sized, cell);
                var simulator = new TrialSimulator(cellDesign, settings.Hypothesis, settings.Seed, doseFactor);
                bool clinical = cell.Any(l => !l.ChangesPharmacology);
                var subjects = clinical ? Array.ConvertAll(pool, simulator.WithClinicalDraws) : pool;
                outcomes[Key(cell)] = ReplicateTrials.Outcomes(simulator, subjects, replicateSettings, observed, timeIndex, Advance);
            }
        }

        SensitivityCell Cell(ImmutableArray<SensitivityLevel> ls) => new(ls, outcomes[Key(ls)]);
        var oneAtATime = settings.Assumptions.SelectMany(a => levels[a].Select(l => Cell([l]))).ToImmutableArray();
        var grid = settings.Pair is { } q
            ? levels[q.First].SelectMany(l1 => levels[q.Second].Select(l2 => Cell([l1, l2]))).ToImmutableArray()
            : [];
        var frontiers = ImmutableArray.CreateBuilder<SensitivityFrontier>();
        foreach (var a in settings.Assumptions)
        {
            var cells = oneAtATime.Where(c => c.Levels[0].Assumption == a).ToList();
            int d = cells.FindIndex(c => c.Levels[0].IsDefault);
            foreach (var o in observed.Cast<ObservedCorrelation?>().Append(null))
            {
                bool Fits(SensitivityCell c) => o is null ? c.IsCompatibleWithAll : c[o].Verdict == CompatibilityVerdict.Compatible;
                var below = Enumerable.Range(0, d).Reverse().Select(i => cells[i]).FirstOrDefault(Fits);
                var above = Enumerable.Range(d + 1, cells.Count - d - 1).Select(i => cells[i]).FirstOrDefault(Fits);
                frontiers.Add(new SensitivityFrontier(a, o, Fits(cells[d]), below?.Levels[0], above?.Levels[0]));
            }
        }
        progress?.Report(1);
        return new SensitivityResult(settings, Cell([]), oneAtATime, grid, frontiers.ToImmutable(), (long)groups.Count * settings.PoolSize, clock.Elapsed);
    }

    /// <summary>The per-patient dose multiplier k^(2u - 1), u uniform from the patient's dose stream; null for no spread (k = 1).</summary>
    private static Func<int, double>? DoseFactor(ulong seed, double spread) => spread == 1 ? null
        : index => Math.Exp(Math.Log(spread) * (2 * new SubjectRandom(seed, index, DoseStream).NextDouble() - 1));
}
