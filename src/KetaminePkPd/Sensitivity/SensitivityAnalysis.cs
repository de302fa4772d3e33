using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Populations;
using KetaminePkPd.Statistics;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What would it take? Varies the provisional assumptions behind a hypothesis test (PK and PD variability, dose spread,
/// placebo response, rating noise, CADSS time, baseline severity) over documented ranges around the design's current
/// values (<see cref="Levels"/>), one at a time and optionally two together, and reports per setting the
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
/// <para>The global analysis (<see cref="RunGlobal"/>): samples the assumptions jointly over the same ranges (a scrambled
/// Halton sequence; log-uniform for the CADSS time and the dose spread), keeps the worlds that still hit the calibration
/// targets of <see cref="PlausibilityTargets"/>, tests every hypothesis in each kept world and reports per hypothesis and
/// observation the share of plausible worlds in which the observation is compatible, the distribution of the median r and
/// which assumptions decide it (partial rank correlations). Shards: <see cref="RunGlobalShard"/> and <see cref="MergeGlobal(GlobalSensitivitySettings, IEnumerable{GlobalWorld})"/>.</para>
/// <para>Ranges (<see cref="Levels"/>, multiples of the design's current value, read each time so that a recalibrated
/// default moves the whole range): pk-variability x0-3 on every PK SD; dose-spread the design's basis, the other basis and
/// log-uniform [d/k, d k] for k = 1.5, 2, 3; the PD SDs x0-2; placebo-mean x0-2; placebo-sd x0-2; rating and CADSS noise
/// x0-3; cadss-time x0.25-4; baseline-mean x0.75-1.25 (docs/sensitivity.md gives each range's source).</para>
/// </remarks>
internal static partial class SensitivityAnalysis
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
        return Merge(settings, [RunShard(settings, 1, 1, progress)]);
    }

    /// <summary>
    /// Runs shard <paramref name="shard"/> of <paramref name="shards"/>: the pools (and their settings) whose position in the
    /// plan is congruent to shard - 1 modulo shards. Every shard uses the same streams as the whole run, so
    /// <see cref="Merge"/> of all shards gives exactly <see cref="Run"/>'s result, on one machine or many.
    /// </summary>
    /// <param name="settings">What to run (the same for every shard).</param>
    /// <param name="shard">This shard, in [1, <paramref name="shards"/>].</param>
    /// <param name="shards">Number of shards, in [1, 10 000].</param>
    /// <param name="progress">Receives the fraction of this shard done, in [0, 1] (optional).</param>
    /// <returns>The replicate r of this shard's settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shard number out of range.</exception>
    /// <exception cref="ArgumentException">As <see cref="Run"/>.</exception>
    internal static SensitivityShard RunShard(SensitivitySettings settings, int shard, int shards, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (shards is < 1 or > SensitivityShard.MaxShards) throw new ArgumentOutOfRangeException(nameof(shards), shards, $"shards must be in [1, {SensitivityShard.MaxShards}], got {shards}.");
        if (shard < 1 || shard > shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in [1, {shards}], got {shard}.");
        var work = new SensitivityWork(settings, shard, shards);
        var clock = Stopwatch.StartNew();
        while (!work.IsComplete)
        {
            work.Advance(StepUnits);
            progress?.Report(Math.Min(1, (double)work.CompletedWork / work.TotalWork));
        }
        progress?.Report(1);
        return work.Shard(clock.Elapsed);
    }

    /// <summary>Units per step when a shard runs to its end: large enough that both cores stay busy, small enough for a moving progress bar.</summary>
    private const int StepUnits = 1024;

    /// <summary>
    /// Starts the analysis as a run of bounded steps (<see cref="SimulationRun{TResult}"/>), for a caller that must stay
    /// responsive (a page in a browser) or may stop early. A unit of work is one patient simulation (each pharmacological
    /// setting simulates its pool) or one replicate trial (per setting and observation). Stepped to its end, the result is
    /// <see cref="Run"/>'s, bit for bit, whatever the step sizes (tested).
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="SensitivitySettings.Default"/>.</param>
    /// <returns>The run; no patient is simulated before its first step.</returns>
    /// <exception cref="ArgumentException">As <see cref="Run"/>.</exception>
    public static SimulationRun<SensitivityResult> Start(SensitivitySettings? settings = null) =>
        new SensitivityWork(settings ?? SensitivitySettings.Default, 1, 1).AsRun();

    /// <summary>Combines the shards of one analysis into its result, exactly as <see cref="Run"/> would give it (timing: the sum of the shards').</summary>
    /// <param name="settings">The settings every shard ran.</param>
    /// <param name="shards">Every shard 1..N exactly once (any order).</param>
    /// <exception cref="ArgumentException">Missing, repeated or foreign shards, or a shard whose cells do not fit the settings.</exception>
    internal static SensitivityResult Merge(SensitivitySettings settings, IEnumerable<SensitivityShard> shards)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shards);
        var list = shards.ToList();
        if (list.Count == 0) throw new ArgumentException("Merge needs at least one shard.", nameof(shards));
        int n = list[0].Shards;
        if (list.Any(x => x.Shards != n)) throw new ArgumentException("The shards come from runs split differently (their shard counts differ).", nameof(shards));
        var numbers = list.Select(x => x.Shard).Order().ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, n)))
            throw new ArgumentException($"Merge needs shards 1 to {n} exactly once each, got {string.Join(", ", numbers)}.", nameof(shards));
        var plan = Plan(settings);
        var outcomes = new Dictionary<string, ImmutableArray<SensitivityOutcome>>(StringComparer.Ordinal);
        foreach (var shard in list)
            foreach (var (key, values) in shard.Cells)
            {
                if (values.Length != settings.Observed.Length || values.Any(v => v.Length != settings.Replicates))
                    throw new ArgumentException($"Shard {shard.Shard}: setting '{key}' does not have {settings.Replicates} replicates for each of {settings.Observed.Length} observations.", nameof(shards));
                outcomes[key] = [.. values.Select((v, o) => new SensitivityOutcome(settings.Observed[o], SamplingDistribution.FromReplicates(v.AsSpan())))];
            }
        var missing = plan.Groups.SelectMany(g => g).Select(ls => Key(ls)).FirstOrDefault(k => !outcomes.ContainsKey(k));
        if (missing is not null || outcomes.Count != plan.Groups.Sum(g => g.Count))
            throw new ArgumentException($"The shards do not cover the settings' plan{(missing is null ? "" : $" (missing '{missing}')")}: were they run with other settings?", nameof(shards));

        var levels = plan.Levels;
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
            foreach (var o in settings.Observed.Cast<ObservedCorrelation?>().Append(null))
            {
                bool Fits(SensitivityCell c) => o is null ? c.IsCompatibleWithAll : c[o].Verdict == CompatibilityVerdict.Compatible;
                var below = Enumerable.Range(0, d).Reverse().Select(i => cells[i]).FirstOrDefault(Fits);
                var above = Enumerable.Range(d + 1, cells.Count - d - 1).Select(i => cells[i]).FirstOrDefault(Fits);
                frontiers.Add(new SensitivityFrontier(a, o, Fits(cells[d]), below?.Levels[0], above?.Levels[0]));
            }
        }
        return new SensitivityResult(settings, Cell([]), oneAtATime, grid, frontiers.ToImmutable(), list.Sum(x => x.SubjectSimulations),
            TimeSpan.FromTicks(list.Sum(x => x.Elapsed.Ticks)));
    }

    /// <summary>The pools (pharmacological settings) and settings that shard <paramref name="shard"/> of <paramref name="shards"/> runs.</summary>
    internal static (int Groups, int Cells) Work(SensitivitySettings settings, int shard, int shards)
    {
        var mine = Plan(settings).Groups.Where((_, g) => g % shards == shard - 1).ToList();
        return (mine.Count, mine.Sum(g => g.Count));
    }

    /// <summary>The key of a setting: its non-default levels, e.g. <c>DoseSpread:3|PlaceboSd:1</c> (empty for the default).</summary>
    internal static string Key(IEnumerable<SensitivityLevel> ls) =>
        string.Join('|', ls.Where(l => !l.IsDefault).OrderBy(l => l.Assumption).Select(l => $"{l.Assumption}:{l.Index}"));

    /// <summary>The levels of every assumption varied, and every distinct setting grouped by the pool it needs (plan order).</summary>
    internal static (Dictionary<SensitivityAssumption, ImmutableArray<SensitivityLevel>> Levels, List<List<ImmutableArray<SensitivityLevel>>> Groups) Plan(SensitivitySettings settings)
    {
        if (settings.Assumptions.IsEmpty && settings.Pair is null)
            throw new ArgumentException("Nothing to vary: give at least one assumption or a pair.", nameof(settings));
        var levels = new Dictionary<SensitivityAssumption, ImmutableArray<SensitivityLevel>>();
        var varied = settings.Assumptions.ToList();
        if (settings.Pair is { } p) varied.AddRange([p.First, p.Second]);
        foreach (var a in varied)
            if (!levels.ContainsKey(a)) levels[a] = SensitivityAnalysis.Levels(a, settings.Design);
        // Every distinct setting, keyed by its non-default levels; grouped by the ones that change the pharmacology.
        var wanted = new List<ImmutableArray<SensitivityLevel>> { ImmutableArray<SensitivityLevel>.Empty };
        foreach (var a in settings.Assumptions) wanted.AddRange(levels[a].Select(l => ImmutableArray.Create(l)));
        if (settings.Pair is { } pair)
            foreach (var l1 in levels[pair.First])
                foreach (var l2 in levels[pair.Second]) wanted.Add([l1, l2]);
        var distinct = wanted.GroupBy(ls => Key(ls)).Select(g => g.First().Where(l => !l.IsDefault).ToImmutableArray()).ToList();
        var groups = distinct.GroupBy(ls => Key(ls.Where(l => l.ChangesPharmacology))).Select(g => g.ToList()).ToList();
        return (levels, groups);
    }

    /// <summary>The per-patient dose multiplier k^(2u - 1), u uniform from the patient's dose stream; null for no spread (k = 1).</summary>
    internal static Func<int, double>? DoseFactor(ulong seed, double spread) => spread == 1 ? null
        : index => Math.Exp(Math.Log(spread) * (2 * new SubjectRandom(seed, index, DoseStream).NextDouble() - 1));
}
