using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Populations;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Sensitivity;

// <summary>
// The verdict across every plausible world: samples the provisional assumptions of <see cref="SensitivityAnalysis"/> jointly,
// keeps the worlds that still hit the calibration targets those assumptions move, tests every hypothesis in each kept world,
// and reports per hypothesis and observation the share of plausible worlds in which the observation is compatible, the
// distribution of the median r and which assumptions decide it (partial rank correlations).
// </summary>
// <remarks>
// <para>Sampling. World k draws point k of a scrambled Halton sequence (one coordinate per assumption; it depends only on
// the seed and k, so shards reproduce and worlds can be added) and maps each coordinate to a multiple of the design's
// current value over the range of <see cref="SensitivityAnalysis.Multipliers"/> (lowest to highest level): uniformly when
// the range starts at 0 (every spread: PK and PD SDs, placebo SD, rating noise; a log scale cannot reach "no
// between-patient difference", the documented lower end) and for the placebo mean and the baseline; log-uniformly for the
// CADSS time (x0.25-4) and the dose spread factor k (1-3), whose ranges are ratios. The dose-spread switch to the other
// dose basis (fixed mg) is a discrete alternative and is not sampled: dose spread is the continuous k.</para>
// <para>Plausibility. Each world runs the racemic 0.5 mg/kg vs saline trial of the validation catalogue
// (<see cref="GlobalSensitivitySettings.PlausibilityPatientsPerArm"/> per arm, exposure-only, with the effect parameters of the
// settings' design, so that a calibrated parameter set is the centre of the sampled worlds) with the same multiples
// applied (except the CADSS time: the CADSS target is defined at 40 min) and is plausible when it hits every target of
// <see cref="PlausibilityTargets"/> (calibration targets of the catalogue that these assumptions move) within its
// acceptance interval. Only plausible worlds run the hypothesis tests.</para>
// <para>Hypothesis tests. In a plausible world, each hypothesis simulates a pool of <see cref="ReplicateStudySettings.PoolSize"/>
// patients of the design and runs <see cref="ReplicateStudySettings.Replicates"/> replicate trials per observation, as
// <see cref="HypothesisTest"/> does, all with the world's own seed (drawn from the seed and k): the worlds are independent
// Monte Carlo experiments, and within a world the hypotheses share their random numbers.</para>
// </remarks>
internal static partial class SensitivityAnalysis
{
    private const long WorldStream = -(1L << 42);

    /// <summary>The keys of the validation catalogue's calibration targets a world must hit: mean and SD of CADSS at 40 min,
    /// responders at 24 h in each arm and the ratio of the SDs of the 24-h change (racemic 0.5 mg/kg vs saline).</summary>
    public static ImmutableArray<string> PlausibilityTargets { get; } = ["cadss-mean", "cadss-sd", "iv-sal-response-1d", "iv-sal-placebo-response-1d", "iv-sd-ratio-1d"];

    /// <summary>Runs the analysis.</summary>
    /// <param name="settings">What to run; null for <see cref="GlobalSensitivitySettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">Settings that break a rule of <see cref="GlobalSensitivitySettings.Validate"/>.</exception>
    public static GlobalSensitivityResult RunGlobal(GlobalSensitivitySettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= GlobalSensitivitySettings.Default;
        var clock = Stopwatch.StartNew();
        var worlds = RunGlobalShard(settings, 1, 1, progress);
        return MergeGlobal(settings, worlds, clock.Elapsed);
    }

    /// <summary>
    /// Runs shard <paramref name="shard"/> of <paramref name="shards"/>: the worlds whose index is congruent to shard - 1
    /// modulo shards. Each world depends only on the seed and its index, so <see cref="MergeGlobal(GlobalSensitivitySettings, IEnumerable{GlobalWorld})"/>
    /// of every shard's worlds gives exactly <see cref="RunGlobal"/>'s result.
    /// </summary>
    /// <param name="settings">What to run (the same for every shard).</param>
    /// <param name="shard">This shard, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">Number of shards, in [1, <see cref="SensitivityShard.MaxShards"/>].</param>
    /// <param name="progress">Receives the fraction of this shard done (optional).</param>
    /// <returns>The shard's worlds, by index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shard number out of range.</exception>
    /// <exception cref="ArgumentException">As <see cref="RunGlobal"/>.</exception>
    public static ImmutableArray<GlobalWorld> RunGlobalShard(GlobalSensitivitySettings settings, int shard, int shards, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (shards is < 1 or > SensitivityShard.MaxShards) throw new ArgumentOutOfRangeException(nameof(shards), shards, $"shards must be in [1, {SensitivityShard.MaxShards}], got {shards}.");
        if (shard < 1 || shard > shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in [1, {shards}], got {shard}.");
        settings.Validate();
        var plan = new WorldPlan(settings);
        var mine = Enumerable.Range(0, settings.Worlds).Where(k => k % shards == shard - 1).ToArray();
        var worlds = new GlobalWorld[mine.Length];
        int done = 0;
        void One(int i)
        {
            worlds[i] = plan.Run(mine[i]);
            int d = Interlocked.Increment(ref done);
            progress?.Report(d / (double)mine.Length);
        }
        if (settings.Parallel) System.Threading.Tasks.Parallel.For(0, mine.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, One);
        else for (int i = 0; i < mine.Length; i++) One(i);
        progress?.Report(1);
        return [.. worlds];
    }

    /// <summary>Combines the worlds of every shard of one analysis into its result, exactly as <see cref="RunGlobal"/> gives it (timing zero).</summary>
    /// <param name="settings">The settings every shard ran.</param>
    /// <param name="worlds">Every world 0 .. <see cref="GlobalSensitivitySettings.Worlds"/> - 1 exactly once, in any order.</param>
    /// <exception cref="ArgumentException">A world missing, repeated or out of range, or a world whose arrays do not fit the settings.</exception>
    public static GlobalSensitivityResult MergeGlobal(GlobalSensitivitySettings settings, IEnumerable<GlobalWorld> worlds) => MergeGlobal(settings, worlds, TimeSpan.Zero);

    private static GlobalSensitivityResult MergeGlobal(GlobalSensitivitySettings settings, IEnumerable<GlobalWorld> worlds, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(worlds);
        var list = worlds.OrderBy(w => w.Index).ToList();
        int p = settings.Assumptions.Length, t = PlausibilityTargets.Length, cells = settings.Hypotheses.Length * settings.Observed.Length;
        for (int k = 0; k < list.Count; k++)
            if (list[k].Index != k)
                throw new ArgumentException($"The worlds must be 0 to {settings.Worlds - 1} exactly once; world {(list[k].Index < k ? list[k].Index + " is repeated" : k + " is missing")}.", nameof(worlds));
        if (list.Count != settings.Worlds)
            throw new ArgumentException($"The worlds must be 0 to {settings.Worlds - 1} exactly once; got {list.Count}.", nameof(worlds));
        var misfit = list.FirstOrDefault(w => w.Multipliers.Length != p || w.Targets.Length != t || w.MedianR.Length != cells);
        if (misfit is not null)
            throw new ArgumentException($"World {misfit.Index} does not fit the settings ({p} assumptions, {t} targets, {cells} hypothesis-observation pairs): was it run with other settings?", nameof(worlds));

        var plausible = list.Where(w => w.IsPlausible).ToList();
        var outcomes = ImmutableArray.CreateBuilder<GlobalOutcome>(cells);
        for (int h = 0; h < settings.Hypotheses.Length; h++)
            for (int o = 0; o < settings.Observed.Length; o++)
            {
                int c = h * settings.Observed.Length + o;
                var defined = plausible.Where(w => !double.IsNaN(w.MedianR[c])).ToList();
                var medians = defined.Select(w => w.MedianR[c]).ToArray();
                var quantiles = medians.Length == 0 ? GlobalOutcome.Probabilities.Select(_ => double.NaN).ToArray()
                    : SamplingDistribution.FromReplicates(medians) is var dist ? GlobalOutcome.Probabilities.Select(dist.Quantile).ToArray() : [];
                // No plausible world: no rows to rank, every importance undefined (NaN), one per assumption.
                var prcc = defined.Count == 0 ? [.. settings.Assumptions.Select(_ => (double.NaN, double.NaN, double.NaN, double.NaN))]
                    : GlobalRankCorrelation.Compute([.. defined.Select(w => w.Multipliers.ToArray())], medians);
                var importance = settings.Assumptions.Select((a, j) => new GlobalImportance(a, prcc[j].Prcc, prcc[j].Se, prcc[j].Lower, prcc[j].Upper)).ToArray();
                outcomes.Add(new GlobalOutcome(settings.Hypotheses[h].Name, settings.Observed[o], defined.Count, defined.Count(w => w.TwoSidedP[c] >= 0.05), quantiles, importance));
            }
        var catalogue = PlausibilityTargets.Select(key => ValidationTarget.All.Single(x => x.Key == key)).ToArray();
        long simulations = (long)list.Count * 2 * settings.PlausibilityPatientsPerArm + (long)plausible.Count * settings.Hypotheses.Length * settings.PoolSize;
        return new GlobalSensitivityResult(settings, catalogue, [.. list], outcomes.MoveToImmutable(), simulations, elapsed);
    }

    /// <summary>The multiple of the current value that coordinate <paramref name="u"/> in [0, 1) maps to for <paramref name="assumption"/> (see the remarks).</summary>
    internal static double Multiplier(SensitivityAssumption assumption, double u)
    {
        var m = SensitivityAnalysis.Multipliers(assumption);
        double lo = m.Min(), hi = m.Max();
        return IsLogScale(assumption) ? lo * Math.Pow(hi / lo, u) : lo + (hi - lo) * u;
    }

    /// <summary>True for the assumptions sampled on the log scale: a range that starts above 0 and spans a factor of 2 or more (CADSS time, dose spread).</summary>
    /// <param name="assumption">The assumption.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined value.</exception>
    public static bool IsLogScale(SensitivityAssumption assumption)
    {
        var m = SensitivityAnalysis.Multipliers(assumption);
        return m.Min() > 0 && m.Max() / m.Min() >= 2;
    }

    /// <summary>A level of <paramref name="assumption"/> at <paramref name="multiplier"/> times the current value of <paramref name="design"/>
    /// (the value clamped as <see cref="SensitivityAnalysis.Levels"/> clamps it), for <see cref="SensitivityAnalysis.Apply"/>.</summary>
    internal static SensitivityLevel Level(SensitivityAssumption assumption, double multiplier, TrialDesign design)
    {
        var c = design.Clinical;
        double value = assumption switch
        {
            SensitivityAssumption.PkVariability or SensitivityAssumption.DoseSpread => multiplier,
            SensitivityAssumption.PlaceboMean => Math.Clamp(multiplier * c.PlaceboMean, -30, 60),
            SensitivityAssumption.PlaceboSd => Math.Min(multiplier * c.PlaceboSd, 30),
            SensitivityAssumption.DepressionRatingNoiseSd => Math.Min(multiplier * c.RatingNoiseSd, 20),
            SensitivityAssumption.CadssRatingNoiseSd => Math.Min(multiplier * c.CadssNoiseSd, 20),
            SensitivityAssumption.CadssTime => Math.Min(multiplier * design.CadssTime.TotalMinutes, 7 * 24 * 60),
            SensitivityAssumption.BaselineMean => Math.Clamp(multiplier * c.BaselineMean, 1, 60),
            _ => multiplier * design.Population.Variability.StandardDeviations[design.Population.Variability.IndexOf(PdName(assumption))],
        };
        return new SensitivityLevel(assumption, 0, multiplier, value, "sampled", isDefault: false);
    }

    /// <summary>The effect parameter whose between-patient SD <paramref name="assumption"/> varies, or null when it is not a PD spread.</summary>
    private static string? PdSpread(SensitivityAssumption assumption) => assumption switch
    {
        SensitivityAssumption.DissociationC50Sd => "C50_D",
        SensitivityAssumption.DissociationEmaxSd => "EMAX_D",
        SensitivityAssumption.AntidepressantEc50Sd => "EC50_A",
        SensitivityAssumption.AntidepressantDurationSd => "KDEC",
        SensitivityAssumption.AntidepressantScaleSd => "SCALE_A",
        _ => null,
    };

    private static string PdName(SensitivityAssumption assumption) =>
        PdSpread(assumption) ?? throw new ArgumentOutOfRangeException(nameof(assumption), assumption, "Not a PD spread.");

    /// <summary>Everything shared by the worlds of a run: the sampler, the designs and the acceptance intervals.</summary>
    private sealed class WorldPlan
    {
        private readonly GlobalSensitivitySettings _settings;
        private readonly GlobalSampler _sampler;
        private readonly TrialDesign _pool, _trial;
        private readonly int[] _timeIndex;
        private readonly ValidationTarget[] _targets;

        public WorldPlan(GlobalSensitivitySettings settings)
        {
            _settings = settings;
            _sampler = new GlobalSampler(settings.Assumptions.Length, settings.Seed);
            _pool = settings.Design.WithTotalSubjects(settings.PoolSize);
            // The plausibility trial takes the design's effect parameters (a --parameters file's values are the centre of every world).
            var trial = ValidationDesigns.RacemicIv(settings.PlausibilityPatientsPerArm);
            _trial = trial.With(population: trial.Population with { Effects = settings.Design.Population.Effects });
            _timeIndex = ReplicateTrials.TimeIndices(settings.Design, settings.Observed, settings.PoolSize, nameof(settings));
            _targets = [.. PlausibilityTargets.Select(key => ValidationTarget.All.Single(x => x.Key == key))];
        }

        public GlobalWorld Run(int k)
        {
            var s = _settings;
            Span<double> u = stackalloc double[s.Assumptions.Length];
            _sampler.Point(k, u);
            var multipliers = new double[u.Length];
            for (int j = 0; j < u.Length; j++) multipliers[j] = Multiplier(s.Assumptions[j], u[j]);
            ulong seed = new SubjectRandom(s.Seed, k, WorldStream).NextUInt64();

            var targets = Plausibility(multipliers, seed);
            bool plausible = targets.Select((v, i) => v >= _targets[i].Low && v <= _targets[i].High).All(x => x);
            int cells = s.Hypotheses.Length * s.Observed.Length;
            var median = new double[cells];
            var p = new double[cells];
            Array.Fill(median, double.NaN);
            Array.Fill(p, double.NaN);
            if (plausible)
            {
                var (design, spread) = SensitivityAnalysis.Apply(_pool, s.Assumptions.Select((a, j) => Level(a, multipliers[j], _pool)));
                var doseFactor = DoseFactor(seed, spread);
                var r = new double[s.Replicates];
                ReplicateBuffers? buffers = null;
                for (int h = 0; h < s.Hypotheses.Length; h++)
                {
                    var simulator = new TrialSimulator(design, s.Hypotheses[h], seed, doseFactor);
                    var pool = ReplicateTrials.SimulatePool(simulator, s.PoolSize, false, _timeIndex, _ => { });
                    for (int o = 0; o < s.Observed.Length; o++)
                    {
                        buffers = ReplicateTrials.Run(new ReplicateBatch(simulator, pool, seed, s.Observed[o].N, _timeIndex[o], o, s.Observed.Length), 0, s.Replicates, false, r, null, buffers, null);
                        if (r.Any(double.IsNaN)) continue;
                        var distribution = SamplingDistribution.FromReplicates(r);
                        median[h * s.Observed.Length + o] = distribution.Median;
                        p[h * s.Observed.Length + o] = distribution.CompatibilityWith(s.Observed[o].R).TwoSidedP;
                    }
                }
            }
            return new GlobalWorld(k, multipliers, targets, plausible, median, p);
        }

        /// <summary>The plausibility targets measured in the world's racemic IV vs saline trial (as the validation suite measures them).</summary>
        private double[] Plausibility(double[] multipliers, ulong seed)
        {
            var s = _settings;
            var levels = s.Assumptions.Select((a, j) => (a, j)).Where(x => x.a != SensitivityAssumption.CadssTime).Select(x => Level(x.a, multipliers[x.j], _trial));
            var (design, spread) = SensitivityAnalysis.Apply(_trial, levels);
            var simulator = new TrialSimulator(design, Hypothesis.ExposureOnly, seed, DoseFactor(seed, spread));
            int n = design.TotalSubjects;
            var cadss = new List<double>(n);
            var change = new[] { new List<double>(n), new List<double>(n) };
            var responders = new int[2];
            for (int i = 0; i < n; i++)
            {
                var subject = simulator.Rate(simulator.Simulate(i), 2);
                int arm = subject.Simulated.Arm;
                if (arm == 1) cadss.Add(subject.CadssRated);
                change[arm].Add(subject.Changes[1]);
                if (subject.Responders[1]) responders[arm]++;
            }
            double[] values = [cadss.Average(), Sd(cadss), 100.0 * responders[1] / change[1].Count, 100.0 * responders[0] / change[0].Count, Sd(change[1]) / Sd(change[0])];
            for (int i = 0; i < values.Length; i++) if (!double.IsFinite(values[i])) values[i] = double.NaN;   // e.g. a ratio of SDs over a constant arm: undefined, so not hit
            return values;
        }

        private static double Sd(List<double> x)
        {
            double mean = x.Average();
            return Math.Sqrt(x.Sum(c => (c - mean) * (c - mean)) / (x.Count - 1));
        }
    }
}
