using System.Collections.Immutable;
using System.Globalization;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Evidence;

/// <summary>
/// Tests each hypothesis against every catalogue entry on the entry's own design, and against the catalogue as a whole.
/// </summary>
/// <remarks>
/// <para>Per entry. For each design and hypothesis a pool of patients is simulated once (<see cref="EvidenceSettings.PoolFactor"/> times
/// the largest analysis n on that design and at least <see cref="EvidenceSettings.MinPoolSize"/>, allocated to arms as the design
/// allocates them; hypotheses that differ only in expectancy, which acts when patients are rated, share one pool). Each replicate trial enrols the entry's n
/// from the analysis arms without replacement, rates them with fresh noise and applies the entry's test (Pearson, Spearman, a slope
/// adjusted for arm and baseline, or a responder split). A reported value (r, slope) is placed in the simulated distribution with the
/// two-sided compatibility p of the hypothesis test (twice the smaller tail, floored at 2 / R). A reported "not significant" or
/// "significant in a direction" is an event: p is its Monte Carlo probability (k + 1) / (R + 1). A review's share is a count among its
/// tests, each taken as an independent study of the entry's size that is significant with the simulated probability: p is the
/// two-sided binomial p of the published count (when the count is not stated, the larger p of the two counts that round to the share).</para>
/// <para>Jointly. Entries of one overlap group share patients (or counted studies), and the groups themselves may overlap (the reviews
/// count studies that are also entries), so no independence can be assumed. The joint p is a weighted Bonferroni bound: each of the G
/// groups gets an equal share of alpha, split equally among its k entries, so p_joint = min(1, min_i p_i G k_i). It is valid under
/// any dependence (a union bound), and a group with many entries (one study reported four ways) weighs no more than a group with one.
/// Fisher's method, which multiplies p-values, would need independent entries and is not used.</para>
/// <para>The public entry points are <see cref="EvidenceResult.Run"/> and <see cref="EvidenceResult.Start"/>.</para>
/// </remarks>
internal static class EvidenceAnalysis
{
    /// <summary>Runs every entry under every hypothesis.</summary>
    /// <param name="settings">What to run; null for <see cref="EvidenceSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis a design's population cannot express.</exception>
    public static EvidenceResult Run(EvidenceSettings? settings = null, IProgress<double>? progress = null)
    {
        var run = Start(settings);
        while (!run.Step(int.MaxValue)) progress?.Report(run.Progress);
        progress?.Report(1);
        return run.Result;
    }

    /// <summary>
    /// Prepares every entry under every hypothesis as a run of bounded steps, for a front end that must keep painting while it
    /// works (the teaching page runs on the browser's one thread); nothing is simulated until the first step. Each step
    /// simulates at most the given number of a pool's patients (a unit of work is a patient), or runs one entry's replicate
    /// trials under one hypothesis (that many units in one step). Stepped to the end, it gives the result of <see cref="Run"/>,
    /// value for value, whatever the step sizes; the result's <see cref="EvidenceResult.Elapsed"/> is the run's
    /// <see cref="SimulationRun{TResult}.Elapsed"/>.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="EvidenceSettings.Default"/>.</param>
    /// <param name="rowDone">Receives each row as soon as it is finished, with its index in <see cref="EvidenceResult.Rows"/> (entry
    /// order, then hypothesis order), so a front end can show rows as they arrive; null for none. Called on the stepping thread.</param>
    /// <exception cref="ArgumentException">A hypothesis a design's population cannot express (thrown by the step that meets it).</exception>
    public static SimulationRun<EvidenceResult> Start(EvidenceSettings? settings = null, Action<int, EvidenceRow>? rowDone = null) =>
        new EvidenceWork(settings, rowDone).AsRun();

    /// <summary>The joint rule: min(1, min_i p_i G k_i) over the rows of one hypothesis.</summary>
    internal static EvidenceJoint Joint(Hypothesis hypothesis, IReadOnlyList<EvidenceRow> rows, double alpha)
    {
        var group = rows.Select(r => r.Entry.OverlapGroup ?? "entry:" + r.Entry.Key).ToArray();
        var sizes = group.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        int groups = sizes.Count;
        double best = double.PositiveInfinity;
        string decisive = rows[0].Entry.Key;
        for (int i = 0; i < rows.Count; i++)
        {
            double p = rows[i].P * groups * sizes[group[i]];
            if (p < best) { best = p; decisive = rows[i].Entry.Key; }
        }
        double joint = Math.Min(1, best);
        return new EvidenceJoint(hypothesis, joint, decisive, groups, joint >= alpha);
    }

    /// <summary>
    /// The work <see cref="Run"/> does for <paramref name="settings"/>, for the budget (the application layer's work budget):
    /// patient-sessions simulated (each design's pool once per distinct pharmacology, expectancy aside), patients kept at
    /// once (the largest design's pools), the largest number of assessments, and patient ratings (replicate trials times
    /// the entry's n, per hypothesis).
    /// </summary>
    internal static (double PatientSessions, double KeptPatients, int Assessments, double Ratings) Work(EvidenceSettings settings)
    {
        var entries = settings.Entries;
        int pharmacologies = settings.Hypotheses.Select(h => (h.SensitivityCorrelation, h.MediationShare)).Distinct().Count();
        double sessions = 0, kept = 0;
        foreach (var design in entries.Select(e => e.Design).Distinct(ReferenceEqualityComparer.Instance).Cast<TrialDesign>())
        {
            int pool = Math.Max(PoolTotal(design, entries.Where(e => ReferenceEquals(e.Design, design)), settings.PoolFactor), design.Arms.Length);
            double perPatient = design.Arms.Sum(a => (double)a.Subjects * a.Sessions) / design.TotalSubjects;
            sessions += (double)pool * pharmacologies * perPatient;
            kept = Math.Max(kept, (double)pool * pharmacologies);
        }
        double ratings = entries.Sum(e => (double)e.AnalysisN) * settings.Hypotheses.Length * settings.Replicates;
        return (sessions, kept, entries.Max(e => e.Design.Assessments.Length), ratings);
    }

    /// <summary>The pool size of a design: the pool factor times the largest n, scaled up by the share of the analysis arms.</summary>
    internal static int PoolTotal(TrialDesign design, IEnumerable<EvidenceEntry> entries, int factor) => entries.Max(e =>
    {
        int eligible = e.AnalysisArms.IsEmpty ? design.TotalSubjects : design.Arms.Where(a => Contains(e.AnalysisArms, a.Name)).Sum(a => a.Subjects);
        return Math.Max(EvidenceSettings.MinPoolSize, (int)Math.Ceiling((double)factor * e.AnalysisN * design.TotalSubjects / eligible));
    });

    private static bool Contains(ImmutableArray<string> names, string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);

    internal static EvidenceRow RunEntry(EvidenceEntry e, int entryIndex, Hypothesis hypothesis, TrialSimulator simulator, TrialDesign pooled,
        SimulatedSubject[] pool, EvidenceSettings settings)
    {
        var eligible = Enumerable.Range(0, pool.Length).Where(i => e.AnalysisArms.IsEmpty || Contains(e.AnalysisArms, pooled.Arms[pool[i].Arm].Name)).ToArray();
        int time = pooled.Assessments.IndexOf(e.OutcomeTime);
        int n = e.AnalysisN, reps = settings.Replicates;
        var values = new double[reps];
        var significant = new bool[reps];
        void One(int rep, (int[] Chosen, Dictionary<int, int> Moved) b)
        {
            Enrolment.Pick(settings.Seed, rep, entryIndex, eligible.Length, b.Chosen, b.Moved);
            var rated = new TrialSubjectResult[n];
            for (int i = 0; i < n; i++) rated[i] = simulator.Rate(pool[eligible[b.Chosen[i]]], 3 + (long)rep);
            (values[rep], double p) = Statistic(e, rated, time, pooled.Arms.Length);
            significant[rep] = p < 0.05 && (Direction(e) == 0 || Math.Sign(values[rep]) == Direction(e));
        }
        if (settings.Parallel)
            System.Threading.Tasks.Parallel.For(0, reps, () => (new int[n], new Dictionary<int, int>(2 * n)), (rep, _, b) => { One(rep, b); return b; }, _ => { });
        else
        {
            var b = (new int[n], new Dictionary<int, int>(2 * n));
            for (int rep = 0; rep < reps; rep++) One(rep, b);
        }
        var defined = values.Where(double.IsFinite).ToArray();
        var dist = defined.Length >= 2 ? SamplingDistribution.FromReplicates(defined) : null;
        var (lo, hi) = dist?.PercentileInterval(0.95) ?? (double.NaN, double.NaN);
        double median = dist?.Median ?? double.NaN, share = (double)significant.Count(s => s) / reps;
        var s = e.Statistic;
        double pValue;
        string reading;
        string under = $"Under {hypothesis}, {reps} trials of {n}";
        switch (s.Kind)
        {
            case EvidenceStatisticKind.Pearson or EvidenceStatisticKind.Spearman or EvidenceStatisticKind.Slope:
                if (dist is null) throw new ArgumentException($"Entry '{e.Key}': the statistic is undefined in every replicate trial under {hypothesis}.");
                var c = dist.CompatibilityWith(s.Value!.Value);
                pValue = c.UpperBound;
                reading = $"{under} give {What(e)} between {F(lo)} and {F(hi)} (median {F(median)}); the reported {s.Value.Value.ToString("0.###", CultureInfo.InvariantCulture)} sits at percentile " +
                    $"{NumberText.Percentile(c.PercentileRank)}, two-sided p {P(pValue)}.";
                break;
            case EvidenceStatisticKind.NotSignificant:
                int ns = significant.Count(x => !x);
                pValue = (ns + 1.0) / (reps + 1);
                reading = $"{under}: {Pct(share)} find a significant association ({What(e)} median {F(median)}); a non-significant result as reported has probability {P(pValue)}.";
                break;
            case EvidenceStatisticKind.SignificantDirection:
                int k = significant.Count(x => x);
                pValue = (k + 1.0) / (reps + 1);
                reading = $"{under}: {Pct(share)} find a significant association in the reported direction ({What(e)} median {F(median)}); p {P(pValue)}.";
                break;
            default:
                int tests = s.Tests!.Value;
                int[] counts = s.Significant is { } known ? [known] : [.. new[] { (int)Math.Floor(s.Value!.Value * tests), (int)Math.Ceiling(s.Value!.Value * tests) }.Distinct()];
                pValue = counts.Max(kk => BinomialTwoSided(kk, tests, share));
                reading = $"{under}-patient studies: a study finds a significant {(s.Direction < 0 ? "negative " : "")}association with probability {Pct(share)} " +
                    $"({F(share * tests)} of {tests} expected); the review's {(s.Significant is { } kk2 ? $"{kk2} of {tests}" : $"{Pct(s.Value!.Value)} of {tests}")} has binomial two-sided p {P(pValue)}.";
                break;
        }
        bool compatible = pValue >= settings.Alpha;
        return new EvidenceRow(e, hypothesis, defined.Length, median, lo, hi, share, pValue, compatible, reading + (compatible ? " Compatible." : " Incompatible."));
    }

    /// <summary>The direction a significant replicate must have to count: the entry's stated direction for an event or a review; otherwise either.</summary>
    private static int Direction(EvidenceEntry e) => e.Statistic.Kind is EvidenceStatisticKind.SignificantDirection or EvidenceStatisticKind.ShareSignificant ? e.Statistic.Direction : 0;

    /// <summary>The entry's test on one replicate trial: the value (r, slope, or the responder-rate difference low minus high CADSS) and its two-sided p; (NaN, 1) when undefined.</summary>
    internal static (double Value, double P) Statistic(EvidenceEntry e, IReadOnlyList<TrialSubjectResult> rated, int time, int arms)
    {
        var kept = e.CadssAtMost is { } cut ? rated.Where(r => Cadss(e, r) <= cut).ToList() : [.. rated];
        if (kept.Count < 4) return (double.NaN, 1);
        var x = kept.Select(r => Cadss(e, r)).ToArray();
        try
        {
            switch (e.Test)
            {
                case EvidenceTest.Pearson or EvidenceTest.Spearman:
                    var y = kept.Select(r => e.Outcome == EvidenceOutcome.PercentChange ? r.PercentChanges[time] : r.Changes[time]).ToArray();
                    var c = e.Test == EvidenceTest.Pearson ? Correlation.Pearson(x, y) : Correlation.Spearman(x, y);
                    return (c.R, c.PValue);
                case EvidenceTest.Slope:
                    return Slope(x, [.. kept.Select(r => e.Outcome == EvidenceOutcome.PercentChange ? r.PercentChanges[time] : r.Changes[time])],
                        [.. kept.Select(r => r.Simulated.Arm)], [.. kept.Select(r => r.Baseline)], arms);
                default:
                    double split = e.SplitAtCadss!.Value;
                    int n1 = 0, k1 = 0, n0 = 0, k0 = 0;
                    foreach (var r in kept)
                    {
                        bool responder = r.Responders[time];
                        if (Cadss(e, r) > split) { n1++; k1 += responder ? 1 : 0; }
                        else { n0++; k0 += responder ? 1 : 0; }
                    }
                    if (n1 == 0 || n0 == 0) return (double.NaN, 1);
                    double p1 = (double)k1 / n1, p0 = (double)k0 / n0, pooled = (double)(k1 + k0) / (n1 + n0);
                    double se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
                    return se > 0 ? (p0 - p1, 2 * Normal.CDF(0, 1, -Math.Abs((p1 - p0) / se))) : (0, 1);
            }
        }
        catch (ArgumentException)
        {
            return (double.NaN, 1);
        }
    }

    private static double Cadss(EvidenceEntry e, TrialSubjectResult r) => e.PeakCadss ? r.CadssPeakRated : r.CadssRated;

    /// <summary>
    /// Least-squares slope of <paramref name="y"/> on <paramref name="x"/> adjusted for arm (dummies of the arms present) and baseline, by
    /// Frisch-Waugh: both are residualised on [1, arms, baseline] (q columns; the baseline only when it varies), then
    /// slope = sum(rx ry) / sum(rx^2), SE = sqrt(SSE / (n - q - 1) / sum(rx^2)), with its t test on n - q - 1 df.
    /// </summary>
    internal static (double Slope, double P) Slope(double[] x, double[] y, int[] arm, double[] baseline, int arms)
    {
        int n = x.Length;
        var present = arm.Distinct().OrderBy(a => a).ToArray();
        bool withBaseline = baseline.Any(b => b != baseline[0]);   // a constant baseline is already in the intercept
        int q = present.Length + (withBaseline ? 1 : 0);
        if (n - q - 1 < 1) return (double.NaN, 1);
        var z = Matrix<double>.Build.Dense(n, q, (i, j) => j == 0 ? 1 : j < present.Length ? (arm[i] == present[j] ? 1 : 0) : baseline[i]);
        var qr = z.QR();
        var xv = Vector<double>.Build.DenseOfArray(x);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var rx = xv - z * qr.Solve(xv);
        var ry = yv - z * qr.Solve(yv);
        double sxx = rx.DotProduct(rx);
        if (!(sxx > 1e-12)) return (double.NaN, 1);
        double slope = rx.DotProduct(ry) / sxx;
        var resid = ry - slope * rx;
        int df = n - q - 1;
        double se = Math.Sqrt(resid.DotProduct(resid) / df / sxx);
        if (!(se > 0)) return (slope, slope == 0 ? 1 : 0);   // an exact fit
        return (slope, 2 * StudentT.CDF(0, 1, df, -Math.Abs(slope / se)));
    }

    /// <summary>Two-sided binomial p of k successes in n with probability p: twice the smaller tail, at most 1.</summary>
    internal static double BinomialTwoSided(int k, int n, double p)
    {
        if (p <= 0) return k == 0 ? 1 : 0;
        if (p >= 1) return k == n ? 1 : 0;
        double lower = Binomial.CDF(p, n, k), upper = 1 - (k > 0 ? Binomial.CDF(p, n, k - 1) : 0);
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }

    private static string What(EvidenceEntry e) => e.Test switch
    {
        EvidenceTest.Pearson => "r",
        EvidenceTest.Spearman => "Spearman r",
        EvidenceTest.Slope => "slopes",
        _ => "responder-rate differences",
    };

    private static string F(double x) => double.IsFinite(x)
        ? (Math.Abs(x) < 0.0005 ? 0 : x).ToString(Math.Abs(x) >= 10 ? "0.0" : Math.Abs(x) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture)
        : "-";

    private static string P(double p) => p < 0.0001 ? "< 0.0001" : p.ToString(p < 0.001 ? "0.0000" : "0.000", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
