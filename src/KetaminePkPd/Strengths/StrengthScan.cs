using System.Collections.Immutable;
using System.Diagnostics;
using MathNet.Numerics.Distributions;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Numerics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>
/// Which strengths fit? For each alternative hypothesis, scans its strength over a grid (rho in [-1, 1], mediated share in
/// [0, 1], expectancy boost and threshold) and gives, per grid value, the two-sided compatibility p of each observation
/// and their combination, and the compatibility interval: the grid values with p &gt;= 0.05; and each hypothesis's ceiling
/// (<see cref="HypothesisCeilings"/>), so that an empty interval can be told apart from an observation beyond reach.
/// </summary>
/// <remarks>
/// <para>Each grid point is a <see cref="HypothesisTestResult.Run"/> of the hypothesis at that strength (a pool, replicate trials of each
/// observed n, the observed r placed in the replicate distribution), with the same seed and streams at every point (common
/// random numbers: the compatibility curve is smooth in the strength, not re-drawn at each value).</para>
/// <para>Combining observations. <see cref="PValueCombination.Bonferroni"/> (default) takes min(1, J min p_j): valid whatever the
/// dependence between the observations, which matters because Luckenbaugh's 230-min and day-7 correlations come from
/// largely the same patients, so their p are positively dependent. <see cref="PValueCombination.Fisher"/> (X = -2 sum ln p_j,
/// chi-squared with 2J df; Fisher 1932) is the more powerful choice for independent observations (different trials).</para>
/// <para>The public entry points are <see cref="StrengthScanResult.Run"/>, <see cref="StrengthScanResult.DetectionRatesFor"/> and
/// <see cref="StrengthScanSettings.HypothesisAt"/>.</para>
/// </remarks>
internal static class StrengthScan
{
    /// <summary>Runs the scan.</summary>
    /// <param name="settings">What to run; null for <see cref="StrengthScanSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>Every grid point and the compatibility intervals.</returns>
    /// <exception cref="ArgumentException">An observation at a time the design does not assess, or a pool smaller than 4 times the largest n.</exception>
    public static StrengthScanResult Run(StrengthScanSettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= StrengthScanSettings.Default;
        var design = settings.Design;
        var observed = settings.Observed;
        var timeIndex = ReplicateTrials.TimeIndices(design, observed, settings.PoolSize, nameof(settings));
        var clock = Stopwatch.StartNew();
        var grid = settings.Parameters.SelectMany(p => StrengthScanSettings.Grid(p).Select(v => (Parameter: p, Value: v))).ToList();
        double total = grid.Count * ((double)settings.PoolSize + observed.Length * (double)settings.Replicates), done = 0;
        object gate = new();
        void Advance(double amount)
        {
            if (progress is null) return;
            lock (gate) { done += amount; progress.Report(Math.Min(1, done / total)); }
        }

        var sized = design.WithTotalSubjects(settings.PoolSize);
        var points = ImmutableArray.CreateBuilder<StrengthPoint>(grid.Count);
        // Every grid point has the same patients, exposure and dissociation; their prepared PK too when the pool is small enough to keep it.
        var cache = new PatientCache(settings.PoolSize, keepPk: settings.PoolSize <= PatientCache.KeepPkUpTo);
        var hypotheses = grid.Select(g => At(g.Parameter, g.Value)).ToList();
        var simulators = hypotheses.Select(h => new TrialSimulator(sized, h, settings.Seed, cache: cache, parallel: settings.Parallel)).ToList();
        var pools = new RatingPool?[grid.Count];
        RatingPool? unlinked = null;                          // and the points that link nothing share the whole noise-free course
        int perBatch = PoolsPerBatch(grid.Count, settings.PoolSize);
        for (int g = 0; g < grid.Count; g++)
        {
            if (pools[g] is null) SimulatePools(simulators, pools, ref unlinked, g, perBatch, settings, timeIndex, Advance);
            var pool = pools[g]!;
            var outcomes = ReplicateTrials.Outcomes(simulators[g], pool, observed, settings.Replicates, settings.Seed, settings.Parallel, timeIndex, Advance);
            points.Add(new StrengthPoint(grid[g].Parameter, grid[g].Value, hypotheses[g], outcomes, Combine(outcomes, settings.Combination)));
            pools[g] = null;                                  // replicates done: its pool is no longer needed (the unlinked one stays referenced)
        }
        var all = points.MoveToImmutable();

        var intervals = ImmutableArray.CreateBuilder<StrengthInterval>();
        foreach (var parameter in settings.Parameters)
        {
            var along = all.Where(p => p.Parameter == parameter).ToList();
            for (int o = 0; o <= observed.Length; o++)
            {
                var fits = along.Select(p => (o < observed.Length ? p.Outcomes[o].Compatibility.TwoSidedP : p.CombinedP) >= 0.05).ToList();
                int first = fits.IndexOf(true), last = fits.LastIndexOf(true);
                bool gaps = first >= 0 && fits.Skip(first).Take(last - first + 1).Contains(false);
                intervals.Add(new StrengthInterval(parameter, o < observed.Length ? observed[o] : null,
                    first >= 0 ? along[first].Value : null, first >= 0 ? along[last].Value : null, gaps));
            }
        }
        var ceilings = HypothesisCeilings.Run(design, HypothesisCeilings.DefaultPatients, settings.Seed, settings.Parallel);
        progress?.Report(1);
        return new StrengthScanResult(settings, all, intervals.ToImmutable(), ceilings, (long)grid.Count * settings.PoolSize + 4L * HypothesisCeilings.DefaultPatients, clock.Elapsed);
    }

    /// <summary>Pools (patients x grid points) simulated together at most: half a million patients' rating values, about 38 MB at two
    /// observation times (the defaults' 2,000 patients: every grid point in one batch).</summary>
    internal const long PoolSlotsPerBatch = 500_000;

    /// <summary>Grid points whose pools are simulated (and held) together: as many as <see cref="PoolSlotsPerBatch"/> allows, at least one.</summary>
    internal static int PoolsPerBatch(int points, int poolSize) => Math.Max(1, (int)Math.Min(points, PoolSlotsPerBatch / poolSize));

    /// <summary>
    /// Simulates the pools of grid points <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 (those not
    /// yet simulated) patient by patient: each worker simulates a patient under every distinct course of the batch one after the other
    /// (the points that link nothing share one pool), so the courses after the first replay the first one's linear propagators (the
    /// worker's <see cref="PropagatorTape"/>: the links change the effect's random effects and filter, not the linear part) instead of
    /// computing the same matrix exponentials again. The values are those of simulating each point's pool in turn, bit for bit.
    /// </summary>
    private static void SimulatePools(List<TrialSimulator> simulators, RatingPool?[] pools, ref RatingPool? unlinked, int first, int count,
        StrengthScanSettings settings, int[] timeIndex, Action<double> advance)
    {
        var courses = new List<int>();
        for (int g = first; g < Math.Min(simulators.Count, first + count); g++)
        {
            if (simulators[g].IsUnlinked && unlinked is not null) { pools[g] = unlinked; advance(settings.PoolSize); continue; }
            pools[g] = new RatingPool(settings.PoolSize, simulators[g].AssessmentCount, timeIndex);
            if (simulators[g].IsUnlinked) unlinked = pools[g];
            courses.Add(g);
        }
        if (courses.Count == 0) return;
        void Patients(int start, int end, PropagatorTape tape)
        {
            for (int i = start; i < end; i++)
                foreach (int g in courses) simulators[g].SimulateInto(pools[g]!, i, i, tape);
            advance((double)(end - start) * courses.Count);
        }
        if (settings.Parallel) ParallelChunks.For(0, settings.PoolSize, static () => new PropagatorTape(), Patients);
        else Patients(0, settings.PoolSize, new PropagatorTape());
    }

    /// <summary>The trial sizes of <see cref="DetectionRatesFor"/>: 20, 40, 58, 100, 300 and 1000 patients.</summary>
    public static ImmutableArray<int> DetectionTrialSizes => DetectionRates.DefaultSizes;

    /// <summary>
    /// How often trials of <see cref="DetectionTrialSizes"/> patients find p &lt; 0.05 under each hypothesis at its
    /// default strength (<see cref="Hypothesis.All"/>), at the time of the first observation of <paramref name="settings"/>,
    /// with its replicates, seed and design, from pools of <see cref="HypothesisTestSettings.PoolPerObservedSubject"/>
    /// times the largest size.
    /// </summary>
    /// <param name="settings">The scan's settings.</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static ImmutableArray<DetectionRate> DetectionRatesFor(StrengthScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int poolSize = HypothesisTestSettings.PoolPerObservedSubject * DetectionRates.DefaultSizes.Max();
        // The same patients as the scan's ceilings (the same design, seed and size): their per-patient work is taken from there.
        var cache = HypothesisCeilings.TakeKept(settings.Design, settings.Seed, poolSize);
        var rates = DetectionRates.Run(settings.Design, Hypothesis.All, settings.Observed[0].Time, replicates: settings.Replicates,
            poolSize: poolSize, seed: settings.Seed, parallel: settings.Parallel, cache: cache);
        if (cache is not null) HypothesisCeilings.Keep(settings.Design, settings.Seed, poolSize, cache);
        return rates;
    }

    /// <summary>The hypothesis at one strength (the other strengths of expectancy at their defaults).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the strength's range, or an undefined parameter.</exception>
    public static Hypothesis At(StrengthParameter parameter, double value) => parameter switch
    {
        StrengthParameter.SensitivityCorrelation => Hypothesis.SharedSensitivity(value),
        StrengthParameter.MediationShare => Hypothesis.Mediation(value),
        StrengthParameter.ExpectancyBoost => Hypothesis.Expectancy() with { ExpectancyBoostMadrs = value },
        StrengthParameter.ExpectancyThreshold => Hypothesis.Expectancy() with { ExpectancyThresholdCadss = value },
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Undefined strength."),
    };

    /// <summary>Combines the observations' two-sided p (see <see cref="PValueCombination"/>); one observation gives its own p.</summary>
    internal static double Combine(ImmutableArray<SensitivityOutcome> outcomes, PValueCombination method)
    {
        if (outcomes.Length == 1) return outcomes[0].Compatibility.TwoSidedP;
        if (method == PValueCombination.Bonferroni) return Math.Min(1, outcomes.Length * outcomes.Min(o => o.Compatibility.TwoSidedP));
        double x = -2 * outcomes.Sum(o => Math.Log(Math.Max(o.Compatibility.TwoSidedP, o.Compatibility.UpperBound)));
        return 1 - ChiSquared.CDF(2 * outcomes.Length, x);
    }
}
