using System.Collections.Immutable;
using KetaminePkPd.Numerics;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>
/// The strongest correlation of rated CADSS with the % change that each hypothesis can produce at each assessment of a design
/// (in the population, before the sampling spread of a small trial), derived from variance components of an exposure-only
/// population and confirmed by simulating that population at the hypothesis's strongest setting (docs/model.md section 5.5).
/// </summary>
/// <remarks>
/// <para>Let X be the rated CADSS and Y the % change at an assessment in the active arms of an exposure-only population,
/// r0 = corr(X, Y), p_D and p_A the dissociation propensity and antidepressant responsiveness (standard normal latent scores,
/// <see cref="Hypothesis.SharedSensitivity"/>) and z the normal score of a patient's own true peak CADSS
/// (<see cref="Hypothesis.Mediation"/>). Shared sensitivity and mediation keep both marginal distributions, so SD(X) and SD(Y)
/// do not change with the strength. At the strongest setting the responsiveness becomes p_D (rho = 1), -p_D (rho = -1) or z
/// (share 1), so X and Y then depend on one common latent u, and the strongest world can be assembled from the exposure-only
/// patients themselves: sort the patients by p_D (or z) and, independently, by p_A, and pair the k-th CADSS of the first order
/// with the k-th % change of the second (reversed for rho = -1). Each pair then has equal latents, as the linked hypothesis
/// makes them, and everything else (exposure, placebo, noise) independent; adding back r0 for the exposure link gives</para>
/// <para>r = r0 + corr(X sorted by p_D, Y sorted by p_A),</para>
/// <para>which is at most r0 + eta_X eta_Y in size (eta the correlation ratios of X on p_D and of Y on p_A, the shares of each
/// spread that its latent drives).</para>
/// <para>Expectancy (threshold fixed) adds b c(t) MADRS points of placebo improvement to the patients whose true peak exceeds the
/// threshold (c the placebo course); on the exposure-only ratings this is Y' = max(-100, Y - 100 b c(t) I / B) with the same
/// rating noise, and the ceiling is the largest |corr(X, Y')| over b in [0, <see cref="Hypothesis.MaxBoostMadrs"/>].</para>
/// <para>A hypothesis can reach an observed r only within its ceiling plus the sampling spread of the observed n; the simulated
/// column re-simulates the population at that strength (common random numbers) to confirm the derivation.</para>
/// </remarks>
internal static class HypothesisCeilings
{
    /// <summary>Default population size of <see cref="Run(TrialDesign, int, ulong, bool, double)"/>: 4000 patients.</summary>
    public const int DefaultPatients = 4000;

    /// <summary>Computes the ceilings of shared-sensitivity, mediation and expectancy at each assessment of <paramref name="design"/>.</summary>
    /// <param name="design">The design (its arms in their proportions; placebo arms are left out of the correlations).</param>
    /// <param name="patients">Population size, in [200, 1 000 000]. Default 4000 (the ceilings' Monte Carlo SE is then about 0.015).</param>
    /// <param name="seed">The seed (the same patients under every hypothesis: common random numbers).</param>
    /// <param name="parallel">Simulate on all cores; the result is the same either way.</param>
    /// <param name="thresholdCadss">The expectancy threshold, CADSS points in [0, 92]. Default 20.</param>
    /// <returns>One row per hypothesis (shared-sensitivity at rho = 1 and -1, mediation at share 1, expectancy at the boost of the largest |r|) and assessment.</returns>
    /// <exception cref="ArgumentException">A population the hypotheses cannot act on, or a size out of range.</exception>
    public static ImmutableArray<HypothesisCeiling> Run(TrialDesign design, int patients = DefaultPatients, ulong seed = 1, bool parallel = true, double thresholdCadss = 20)
    {
        ArgumentNullException.ThrowIfNull(design);
        Guard.InRange(patients, 200, 1_000_000, nameof(patients));
        Guard.InRange(thresholdCadss, 0, Hypothesis.MaxThresholdCadss, nameof(thresholdCadss));
        var cache = TakeKept(design, seed, patients) ?? NewCache(patients);
        var rows = Run(design, patients, seed, parallel, thresholdCadss, cache);
        Keep(design, seed, patients, cache);
        return rows;
    }

    /// <summary>A cache for <see cref="Run(TrialDesign, int, ulong, bool, double, PatientCache)"/>: the patients' dissociation, unlinked
    /// course and (up to <see cref="PatientCache.KeepPkUpTo"/> patients) prepared PK.</summary>
    internal static PatientCache NewCache(int patients) => new(patients, keepUnlinked: true, keepPk: patients <= PatientCache.KeepPkUpTo);

    /// <summary><see cref="Run(TrialDesign, int, ulong, bool, double)"/> with the patients' work taken from, or kept in, <paramref name="cache"/>
    /// (one made by <see cref="NewCache"/> for the same design, patients and seed; arguments checked by the caller).</summary>
    internal static ImmutableArray<HypothesisCeiling> Run(TrialDesign design, int patients, ulong seed, bool parallel, double thresholdCadss, PatientCache cache)
    {
        var pool = design.WithTotalSubjects(patients);
        // The patients' dissociation, prepared PK and unlinked course are made once; the strongest linked hypotheses are simulated
        // with exposure-only patient by patient, so their courses replay its linear propagators (see RateTogether).
        var baseSimulator = new TrialSimulator(pool, Hypothesis.ExposureOnly, seed, cache: cache);
        Hypothesis[] strongest = [Hypothesis.SharedSensitivity(1), Hypothesis.SharedSensitivity(-1), Hypothesis.Mediation(1)];
        var together = RateTogether([baseSimulator, .. strongest.Select(h => new TrialSimulator(pool, h, seed, cache: cache, parallel: parallel))], patients, parallel);
        var subjects = together[0];
        var scorer = HypothesisLinks.Scorer(pool, parallel);
        var active = Enumerable.Range(0, patients).Where(i => pool.Arms[subjects[i].Simulated.Arm].Administration.Dose.Value > 0).ToArray();
        double[] x = [.. active.Select(i => subjects[i].CadssRated)];
        var scores = active.Select(i => { var part = baseSimulator.Dissociation(i); return scorer.Scores(part.Subject, subjects[i].Simulated.Arm, part.CadssPeak); }).ToArray();
        double[] pD = [.. scores.Select(s => s.PD)], pA = [.. scores.Select(s => s.PA)], z = [.. scores.Select(s => s.Z)];
        double[] noticed = [.. active.Select(i => baseSimulator.Dissociation(i).CadssPeak > thresholdCadss ? 1.0 : 0.0)];

        var simulated = new Dictionary<string, TrialSubjectResult[]>();
        for (int h = 0; h < strongest.Length; h++) simulated[strongest[h].ToString()] = together[h + 1];
        TrialSubjectResult[] Under(Hypothesis h)
        {
            string key = h.ToString();
            if (!simulated.TryGetValue(key, out var r)) simulated[key] = r = Rate(new TrialSimulator(pool, h, seed, cache: cache, parallel: parallel), patients, parallel);
            return r;
        }
        double SimulatedR(Hypothesis h, int k) { var r = Under(h); return Correlation.PearsonR([.. active.Select(i => r[i].CadssRated)], [.. active.Select(i => r[i].PercentChanges[k])]); }

        var rows = ImmutableArray.CreateBuilder<HypothesisCeiling>();
        for (int k = 0; k < pool.Assessments.Length; k++)
        {
            var time = pool.Assessments[k];
            double[] y = [.. active.Select(i => subjects[i].PercentChanges[k])];
            double r0 = Correlation.PearsonR(x, y);
            var yByA = SortedBy(pA, y);
            double Linked(double[] latent, bool flip) => r0 + Correlation.PearsonR(SortedBy(latent, x), flip ? [.. yByA.Reverse()] : yByA);
            rows.Add(new HypothesisCeiling("shared-sensitivity", time, r0, "rho 1", Linked(pD, false), SimulatedR(Hypothesis.SharedSensitivity(1), k)));
            rows.Add(new HypothesisCeiling("shared-sensitivity", time, r0, "rho -1", Linked(pD, true), SimulatedR(Hypothesis.SharedSensitivity(-1), k)));
            rows.Add(new HypothesisCeiling("mediation", time, r0, "share 1", Linked(z, false), SimulatedR(Hypothesis.Mediation(1), k)));
            double course = pool.Clinical.PlaceboCourse(Units.Hours(time));
            double[] w = [.. active.Select((i, j) => -100 * course * noticed[j] / subjects[i].Simulated.BaselineMadrs)];
            var (boost, derived) = BestBoost(x, y, w);
            var expectancy = Hypothesis.Expectancy(thresholdCadss, boost);
            rows.Add(new HypothesisCeiling("expectancy", time, r0, FormattableString.Invariant($"boost {boost:G3} (threshold {thresholdCadss:G3})"), derived, SimulatedR(expectancy, k)));
        }
        return rows.ToImmutable();
    }

    /// <summary>Largest population whose patient cache is kept for the next computation of the same population (about 1.9 KB a patient).</summary>
    internal const int KeepUpTo = 20_000;

    private static readonly Lock KeptGate = new();
    private static (TrialDesign Design, ulong Seed, int Patients, PatientCache Cache)? _kept;

    /// <summary>
    /// The patient cache of the last <see cref="Run(TrialDesign, int, ulong, bool, double)"/> of <paramref name="design"/> (the same object), <paramref name="seed"/> and
    /// <paramref name="patients"/>, taken out of its slot (one user at a time), or null. Its patients are those of every simulator
    /// of <c>design.WithTotalSubjects(patients)</c> with that seed and no dose spread, under any hypothesis: the detection rates of
    /// the same scan (<see cref="StrengthScan.DetectionRatesFor"/>) simulate the same 4,000 patients, and take their dissociation,
    /// prepared PK and unlinked courses from it.
    /// </summary>
    internal static PatientCache? TakeKept(TrialDesign design, ulong seed, int patients)
    {
        lock (KeptGate)
        {
            if (_kept is not { } k || !ReferenceEquals(k.Design, design) || k.Seed != seed || k.Patients != patients) return null;
            _kept = null;
            return k.Cache;
        }
    }

    /// <summary>Puts a cache (back) in the slot, replacing what it held; populations above <see cref="KeepUpTo"/> are not kept.</summary>
    internal static void Keep(TrialDesign design, ulong seed, int patients, PatientCache cache)
    {
        if (patients > KeepUpTo) return;
        lock (KeptGate) _kept = (design, seed, patients, cache);
    }

    /// <summary>The boost in [0, max] with the largest |corr(X, max(-100, Y + b W))| and that r, on a 0.5-point grid.</summary>
    private static (double Boost, double R) BestBoost(double[] x, double[] y, double[] w)
    {
        double best = 0, bestR = Correlation.PearsonR(x, y);
        var shifted = new double[y.Length];
        for (double b = 0.5; b <= Hypothesis.MaxBoostMadrs + 1e-9; b += 0.5)
        {
            for (int i = 0; i < y.Length; i++) shifted[i] = Math.Max(-100, y[i] + b * w[i]);
            double r = Correlation.PearsonR(x, shifted);
            if (Math.Abs(r) > Math.Abs(bestR)) { best = b; bestR = r; }
        }
        return (best, bestR);
    }

    /// <summary><paramref name="values"/> in the order of increasing <paramref name="latent"/>.</summary>
    private static double[] SortedBy(double[] latent, double[] values)
    {
        var keys = (double[])latent.Clone();
        var sorted = (double[])values.Clone();
        Array.Sort(keys, sorted);
        return sorted;
    }

    /// <summary>
    /// Each simulator's rated patients (rating stream 2), simulated patient by patient: a worker simulates a patient under every
    /// simulator one after the other, so the courses after the first replay its linear propagators (the worker's
    /// <see cref="PropagatorTape"/>); the values are those of <see cref="Rate"/> for each simulator in turn, bit for bit.
    /// </summary>
    private static TrialSubjectResult[][] RateTogether(TrialSimulator[] simulators, int patients, bool parallel)
    {
        var rated = simulators.Select(_ => new TrialSubjectResult[patients]).ToArray();
        void Patients(int start, int end, PropagatorTape tape)
        {
            for (int i = start; i < end; i++)
                for (int h = 0; h < simulators.Length; h++) rated[h][i] = simulators[h].Rate(simulators[h].Simulate(i, tape), 2);
        }
        if (parallel) ParallelChunks.For(0, patients, static () => new PropagatorTape(), Patients);
        else Patients(0, patients, new PropagatorTape());
        return rated;
    }

    private static TrialSubjectResult[] Rate(TrialSimulator simulator, int patients, bool parallel)
    {
        var rated = new TrialSubjectResult[patients];
        if (parallel) System.Threading.Tasks.Parallel.For(0, patients, i => rated[i] = simulator.Rate(simulator.Simulate(i), 2));
        else for (int i = 0; i < patients; i++) rated[i] = simulator.Rate(simulator.Simulate(i), 2);
        return rated;
    }
}
