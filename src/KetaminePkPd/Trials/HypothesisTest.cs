using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.Populations;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Trials;

/// <summary>
/// The project's main question: does shared exposure alone produce the correlation between dissociation and
/// antidepressant response that trials report, or does it take a shared mechanism, mediation or expectancy?
/// For each hypothesis, replicate trials of the observed size give the sampling distribution of r; the observed r is
/// placed in it.
/// </summary>
/// <remarks>
/// <para>Method. For each hypothesis a pool of patients is simulated once (<see cref="HypothesisTestSettings.PoolSize"/>,
/// allocated to arms as the design allocates them). Each replicate trial enrols n patients from the pool without
/// replacement and rates them with fresh rating noise (CADSS and depression scores), then computes r of CADSS and
/// % change at the observation's time and the partial r given the plasma concentration at the CADSS time. With a pool
/// much larger than n, replicates are nearly independent draws from the population; the pool only saves simulating the
/// same pharmacology again.</para>
/// <para>Reproducibility. Patients use the streams of <see cref="VirtualTrial"/> (the same seed gives the same patients
/// under every hypothesis, apart from what the hypothesis changes). Replicate r enrols with stream (seed, r, -1 - j) for
/// observation j and rates patient i with stream (seed, i, 3 + r x J + j). Results are identical serial or parallel.</para>
/// </remarks>
public static class HypothesisTest
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static HypothesisTestResult Run(HypothesisTestSettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= HypothesisTestSettings.Default;
        var design = settings.Design;
        var observed = settings.Observed;
        // The settings guarantee that every observation is at an assessment and that the pool is large enough.
        var timeIndex = observed.Select(o => design.Assessments.IndexOf(o.Time)).ToArray();

        var clock = Stopwatch.StartNew();
        var pool = design.WithTotalSubjects(settings.PoolSize);
        int hypotheses = settings.Hypotheses.Length, replicates = settings.Replicates, j = observed.Length;
        double total = hypotheses * (settings.PoolSize + (double)replicates * j), done = 0;
        object gate = new();
        void Advance(double amount)
        {
            if (progress is null) return;
            lock (gate) { done += amount; progress.Report(Math.Min(1, done / total)); }
        }

        var comparisons = ImmutableArray.CreateBuilder<HypothesisComparison>(hypotheses * j);
        foreach (var hypothesis in settings.Hypotheses)
        {
            var simulator = new TrialSimulator(pool, hypothesis, settings.Seed);
            var subjects = new SimulatedSubject[settings.PoolSize];
            int finished = 0;
            void Simulate(int i)
            {
                subjects[i] = simulator.Simulate(i);
                if (Interlocked.Increment(ref finished) % 256 == 0) Advance(256);
            }
            if (settings.Parallel) System.Threading.Tasks.Parallel.For(0, subjects.Length, Simulate);
            else for (int i = 0; i < subjects.Length; i++) Simulate(i);
            Advance(finished % 256);

            for (int o = 0; o < j; o++)
            {
                var (r, partial) = Replicate(simulator, subjects, settings, observed[o].N, timeIndex[o], o, j, () => Advance(1));
                // A statistic undefined in a replicate (a constant column in a small trial) is NaN there: counted, not used.
                var (rDist, undefinedR) = Defined(r, hypothesis, observed[o], "r of CADSS and % change", "CADSS or the % change is the same for every patient");
                var (partialDist, undefinedPartial) = Defined(partial, hypothesis, observed[o], "partial r given exposure",
                    "the concentration at the CADSS time is the same for every patient, e.g. all enrolled from a placebo arm, or CADSS or the % change is constant");
                double obs = observed[o].R;
                double p = obs <= 0 ? rDist.ProbabilityAtMost(obs) : rDist.ProbabilityAtLeast(obs);
                comparisons.Add(new HypothesisComparison(hypothesis, observed[o], rDist, partialDist, p, Read(hypothesis, observed[o], rDist, partialDist, p))
                    { UndefinedR = undefinedR, UndefinedPartialR = undefinedPartial });
            }
        }

        var sizes = ImmutableArray.CreateBuilder<SampleSizeComparison>();
        var reference = comparisons.Where(c => c.Hypothesis.IsExposureOnly).ToList();
        foreach (var c in comparisons)
        {
            if (c.Hypothesis.IsExposureOnly) continue;
            var baseLine = reference.FirstOrDefault(x => x.Observed == c.Observed);
            if (baseLine is null) continue;
            int? n = null;
            try { n = SampleSize.Required(c.MedianR, baseLine.MedianR, settings.Alpha, settings.Power); }
            catch (ArgumentException) { }
            sizes.Add(new SampleSizeComparison(c.Observed.Time, baseLine.Hypothesis.Name, c.Hypothesis.Name, baseLine.MedianR, c.MedianR, n));
        }
        progress?.Report(1);
        return new HypothesisTestResult(settings, comparisons.MoveToImmutable(), sizes.ToImmutable(), (long)settings.PoolSize * hypotheses,
            (long)replicates * hypotheses * j, clock.Elapsed);
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

    /// <summary>r, or NaN when it is undefined (a constant column; a column that is a linear function of the covariate).</summary>
    private static double OrUndefined(Func<double> statistic)
    {
        try { return statistic(); }
        catch (ArgumentException) { return double.NaN; }
    }

    /// <summary>The replicate r and partial r values for one observation (NaN where undefined).</summary>
    private static (double[] R, double[] Partial) Replicate(TrialSimulator simulator, SimulatedSubject[] pool, HypothesisTestSettings settings,
        int n, int k, int o, int observations, Action tick)
    {
        int replicates = settings.Replicates;
        var r = new double[replicates];
        var partial = new double[replicates];
        void One(int rep, int[] indices, double[] cadss, double[] change, double[] exposure)
        {
            var random = new SubjectRandom(settings.Seed, rep, -1 - o);
            // Partial Fisher-Yates: the first n entries become a uniform sample without replacement; then undo the swaps.
            Span<int> swapped = n <= 1024 ? stackalloc int[n] : new int[n];
            for (int i = 0; i < n; i++)
            {
                int pick = i + (int)(random.NextDouble() * (indices.Length - i));
                swapped[i] = pick;
                (indices[i], indices[pick]) = (indices[pick], indices[i]);
            }
            for (int i = 0; i < n; i++)
            {
                var rated = simulator.Rate(pool[indices[i]], 3 + (long)rep * observations + o);
                cadss[i] = rated.CadssRated;
                change[i] = rated.PercentChanges[k];
                exposure[i] = rated.Simulated.ConcentrationAtCadssNgPerMl;
            }
            for (int i = n - 1; i >= 0; i--) (indices[i], indices[swapped[i]]) = (indices[swapped[i]], indices[i]);
            r[rep] = OrUndefined(() => Correlation.PearsonR(cadss, change));
            partial[rep] = OrUndefined(() => Correlation.PartialR(cadss, change, exposure));
            tick();
        }
        if (settings.Parallel)
        {
            System.Threading.Tasks.Parallel.For(0, replicates,
                () => (Enumerable.Range(0, pool.Length).ToArray(), new double[n], new double[n], new double[n]),
                (rep, _, buffers) => { One(rep, buffers.Item1, buffers.Item2, buffers.Item3, buffers.Item4); return buffers; },
                _ => { });
        }
        else
        {
            var indices = Enumerable.Range(0, pool.Length).ToArray();
            double[] cadss = new double[n], change = new double[n], exposure = new double[n];
            for (int rep = 0; rep < replicates; rep++) One(rep, indices, cadss, change, exposure);
        }
        return (r, partial);
    }

    /// <summary>A plain-language paragraph: where the observed r falls under the hypothesis, and what controlling for exposure does.</summary>
    private static string Read(Hypothesis h, ObservedCorrelation o, SamplingDistribution r, SamplingDistribution partial, double p)
    {
        var (lo, hi) = r.PercentileInterval(0.95);
        string when = Durations.Prose(o.Time);
        static double Tidy(double x) => Math.Abs(x) < 0.005 ? 0 : x;   // no "-0.00"
        string verdict = p >= 0.10 ? "so the observed correlation is typical of what this hypothesis produces"
            : p >= 0.025 ? "so the observed correlation is unusual but not implausible under this hypothesis"
            : p >= 0.001 ? "so the observed correlation would be surprising under this hypothesis"
            : "so this hypothesis essentially never produces a correlation as strong as the observed one";
        double med = Tidy(r.Median), pm = Tidy(partial.Median);
        var (lo95, hi95) = (Tidy(lo), Tidy(hi));
        string exposure = Math.Abs(med) < 0.05
            ? "There is hardly any association to explain here."
            : Math.Abs(pm) < 0.5 * Math.Abs(med)
                ? string.Create(CultureInfo.InvariantCulture, $"Holding the measured concentration at the CADSS time fixed shrinks the median r to {pm:0.00}: most of the simulated link runs through exposure.")
                : string.Create(CultureInfo.InvariantCulture, $"Holding the measured concentration at the CADSS time fixed leaves a median r of {pm:0.00}: the link does not run through exposure alone.");
        return string.Create(CultureInfo.InvariantCulture,
            $"Under {h}, trials of {o.N} patients correlate CADSS with % change at {when} between {lo95:0.00} and {hi95:0.00} (95% of {r.Count} replicates; median {med:0.00}; negative means more dissociation, more improvement). " +
            $"An r at least as strong as the observed {o.R:0.00} came up in {p:0.0%} of them, {verdict}. {exposure}");
    }
}
