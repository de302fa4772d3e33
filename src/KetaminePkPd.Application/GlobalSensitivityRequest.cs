namespace KetaminePkPd.Application;

/// <summary>
/// A global uncertainty analysis as a user asks for it (<c>sensitivity --global</c>): a design, the hypotheses (all four, or
/// one by name) with the strengths given, the assumptions sampled jointly by their tokens, one observation (Luckenbaugh
/// 2014's two by default), worlds, replicates, pool and seed. <see cref="Resolve"/> applies the defaults and checks every
/// value; <see cref="SensitivityRequestBase{TSettings}.Arguments"/> reproduce the analysis (stored in shard files).
/// </summary>
public sealed class GlobalSensitivityRequest : SensitivityRequestBase<GlobalSensitivitySettings>
{
    /// <summary>Wall seconds per world on the project's 2-core machine at the defaults, worlds run two at a time: 0.105 s of CPU
    /// (the default run of 1000 worlds, 104.7 s of CPU under /usr/bin/time, 2026-12-07; docs/benchmarks.md, "Issue 22: the work budget
    /// re-fitted") turned into wall time as <see cref="WorkBudget"/>'s costs are (<see cref="WorkBudget.WallPerCpuSecond"/>). Was 0.2 s,
    /// from 36.7 CPU seconds for 100 worlds on 2026-12-06 (docs/sensitivity.md, "Global analysis": cost).</summary>
    internal const double SecondsPerWorld = 0.105 * WorkBudget.WallPerCpuSecond;

    /// <summary>Bytes kept per world (its summary) and per pool patient of the two worlds simulated at a time.</summary>
    internal const double BytesPerWorld = 1000;

    /// <summary>The help text of the <c>--global</c> option.</summary>
    public static readonly string Help = "Global analysis: sample every assumption of --vary jointly (scrambled Halton sequence over the documented ranges), keep the " +
        "worlds that still hit the calibration targets, test every hypothesis (or --hypothesis) in each, and report per hypothesis and observation the share of plausible worlds " +
        "compatible, the median-r quantiles and each assumption's PRCC; --plot draws the median-r distribution and importance bars, --out one CSV row per world (docs/sensitivity.md). " +
        $"[defaults: --worlds {GlobalSensitivitySettings.DefaultWorlds}, --replicates {GlobalSensitivitySettings.DefaultWorldReplicates}, --subjects {GlobalSensitivitySettings.DefaultWorldPoolSize}]";

    private GlobalSensitivityRequest(DesignChoice choice, GlobalSensitivitySettings settings, ImmutableArray<string> arguments) : base(choice, settings, arguments)
    {
    }

    /// <summary>Resolves a request; every argument is optional.</summary>
    /// <param name="design">The design; null for NIMH.</param>
    /// <param name="hypothesis">One hypothesis by name; null for all four.</param>
    /// <param name="strengths">Strengths, each for a hypothesis that is run.</param>
    /// <param name="vary">Assumption tokens sampled jointly; null or empty for every one that applies to the design.</param>
    /// <param name="observedR">An observed r (with <paramref name="observedN"/> and <paramref name="observedAt"/>).</param>
    /// <param name="observedN">Patients behind it.</param>
    /// <param name="observedAt">Its time.</param>
    /// <param name="worlds">Worlds; null for <see cref="GlobalSensitivitySettings.DefaultWorlds"/>.</param>
    /// <param name="replicates">Replicates per world, hypothesis and observation; null for the default.</param>
    /// <param name="subjects">Pool per world and hypothesis; null for the default.</param>
    /// <param name="seed">The seed; null for 1.</param>
    /// <param name="parametersFile">A parameters file (<see cref="ParameterFile"/>) whose effect parameters replace the design's, and so the
    /// centre of every sampled world (its plausibility trial and its hypothesis tests); or null.</param>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    public static GlobalSensitivityRequest Resolve(DesignChoice? design = null, string? hypothesis = null, HypothesisStrengths? strengths = null,
        IEnumerable<string>? vary = null, double? observedR = null, int? observedN = null, TimeSpan? observedAt = null,
        int? worlds = null, int? replicates = null, int? subjects = null, ulong? seed = null, string? parametersFile = null)
    {
        var d = GlobalSensitivitySettings.Default;
        var choice = (design ?? DesignChoice.Default).WithParameters(parametersFile);
        var given = strengths ?? HypothesisStrengths.None;
        var hypotheses = (hypothesis is null ? Hypothesis.All : [Hypothesis.Parse(hypothesis, "--hypothesis")]).Select(given.Apply).ToArray();
        if (given.FirstWithout(hypotheses.Select(h => h.Name)) is var (option, target))
            throw new ArgumentException($"{option} applies to the {target} hypothesis, which this run does not test; drop --hypothesis or use --hypothesis {target}.");
        var observed = SensitivityArguments.Observed(observedR, observedN, observedAt);
        var varyList = vary?.ToList() ?? [];
        var assumptions = SensitivitySettings.ParseAssumptions(varyList, choice.Design, "--vary");
        if (assumptions.IsEmpty) throw new ArgumentException("--vary none: a global analysis samples at least one assumption.");
        var settings = d with
        {
            Design = choice.Design, Hypotheses = hypotheses, Observed = observed ?? d.Observed, Assumptions = assumptions,
            Worlds = worlds ?? d.Worlds, Replicates = replicates ?? d.Replicates, PoolSize = subjects ?? d.PoolSize, Seed = seed ?? d.Seed,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("PoolSize", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--subjects {settings.PoolSize}: {ex.Message.Split(" (Parameter")[0]}");
        }

        static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
        var args = new List<string> { "--global" };
        SensitivityArguments.AddCommon(args, choice, parametersFile, hypothesis is not null ? hypotheses[0].Name : null, given, varyList.Count > 0, settings.Assumptions);
        if (settings.Worlds != d.Worlds) args.AddRange(["--worlds", Inv(settings.Worlds)]);
        CommandLineText.AddReplicateArguments(args, observed, (settings.Replicates, d.Replicates), (settings.PoolSize, d.PoolSize), (settings.Seed, d.Seed));
        return new GlobalSensitivityRequest(choice, settings, [.. args]);
    }

    /// <summary>Throws when the analysis, or one shard of it, is above the <see cref="WorkBudget"/> and a long run is not allowed
    /// (estimated as if every world were plausible, from the measured cost per world scaled by its sizes).</summary>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <param name="shard">The shard run (1 for the whole analysis).</param>
    /// <param name="shards">Shards the analysis is split into.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --worlds, --subjects and --replicates.</exception>
    public void CheckWork(bool allowLongRun, int shard = 1, int shards = 1)
    {
        var s = Settings;
        int worlds = s.Worlds / shards + (shard <= s.Worlds % shards ? 1 : 0);
        var d = GlobalSensitivitySettings.Default;
        double scale = (2.0 * s.PlausibilityPatientsPerArm * 2 + s.Hypotheses.Length * (s.PoolSize * 2 + s.Replicates * s.Observed.Sum(o => (double)o.N) / 100))
            / (2.0 * d.PlausibilityPatientsPerArm * 2 + d.Hypotheses.Length * (d.PoolSize * 2 + d.Replicates * d.Observed.Sum(o => (double)o.N) / 100));
        var estimate = new WorkEstimate(WorkBudget.StartSeconds + worlds * SecondsPerWorld * scale,
            WorkBudget.BaseBytes + worlds * BytesPerWorld + 2 * (s.PoolSize + 2 * s.PlausibilityPatientsPerArm) * 4000.0);
        WorkBudget.Check(estimate, allowLongRun, string.Create(CultureInfo.InvariantCulture,
            $"--global with --worlds {s.Worlds}, --subjects {s.PoolSize} and --replicates {s.Replicates}{(shards > 1 ? $" (--shard {shard}/{shards})" : "")}: {worlds} worlds"));
    }
}
