namespace KetaminePkPd.Application;

/// <summary>
/// A sensitivity analysis as a user asks for it (the <c>sensitivity</c> command's settings): a design, the hypothesis by
/// name with the strengths given, the assumptions to vary one at a time and the pair to vary together by their tokens,
/// one observation given as r, n and time (Luckenbaugh 2014's two by default), replicates, pool and seed.
/// <see cref="Resolve"/> applies the defaults and checks every combination; <see cref="SensitivityRequestBase{TSettings}.Settings"/> is ready to run and
/// <see cref="SensitivityRequestBase{TSettings}.Arguments"/> are the command-line arguments that give the same analysis (stored in shard files).
/// </summary>
public sealed class SensitivityRequest : SensitivityRequestBase<SensitivitySettings>
{
    private SensitivityRequest(DesignChoice choice, SensitivitySettings settings, ImmutableArray<string> arguments) : base(choice, settings, arguments)
    {
    }

    /// <summary>Resolves a request; every argument is optional.</summary>
    /// <param name="design">The design chosen; null for the NIMH design.</param>
    /// <param name="hypothesis">The hypothesis name; null for exposure-only.</param>
    /// <param name="strengths">Strengths; each must belong to <paramref name="hypothesis"/>.</param>
    /// <param name="vary">Assumption tokens varied one at a time (<see cref="SensitivitySettings.ParseAssumptions"/>); null or empty for all that apply to the design.</param>
    /// <param name="pair">Two assumptions varied together, <c>a,b</c> (<see cref="SensitivitySettings.ParsePair"/>), or null.</param>
    /// <param name="observedR">An observed r (with <paramref name="observedN"/> and <paramref name="observedAt"/>).</param>
    /// <param name="observedN">Patients behind <paramref name="observedR"/>.</param>
    /// <param name="observedAt">The time of <paramref name="observedR"/>, one of the design's assessments.</param>
    /// <param name="replicates">Replicate trials per setting and observation; null for <see cref="ReplicateStudySettings.DefaultReplicates"/>.</param>
    /// <param name="subjects">Patients per pool, at least <see cref="HypothesisTestSettings.MinimumPoolSize"/> of the observations; null for <see cref="ReplicateStudySettings.DefaultPoolSize"/>.</param>
    /// <param name="seed">The seed; null for 1.</param>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option (e.g. <c>--vary</c>).</exception>
    public static SensitivityRequest Resolve(DesignChoice? design = null, string? hypothesis = null, HypothesisStrengths? strengths = null,
        IEnumerable<string>? vary = null, string? pair = null, double? observedR = null, int? observedN = null, TimeSpan? observedAt = null,
        int? replicates = null, int? subjects = null, ulong? seed = null)
    {
        var d = SensitivitySettings.Default;
        var choice = design ?? DesignChoice.Default;
        var given = strengths ?? HypothesisStrengths.None;
        var h = given.Apply(hypothesis is null ? Hypothesis.ExposureOnly : Hypothesis.Parse(hypothesis, "--hypothesis"));
        if (given.FirstWithout([h.Name]) is var (option, target))
            throw new ArgumentException($"{option} applies to the {target} hypothesis, not to {h.Name}; add --hypothesis {target}.");
        var observed = SensitivityArguments.Observed(observedR, observedN, observedAt);
        var varyList = vary?.ToList() ?? [];
        var settings = d with
        {
            Design = choice.Design, Hypothesis = h, Observed = observed ?? d.Observed,
            Assumptions = SensitivitySettings.ParseAssumptions(varyList, choice.Design, "--vary"),
            Pair = pair is null ? null : SensitivitySettings.ParsePair(pair, choice.Design, "--pair"),
            Replicates = replicates ?? d.Replicates, PoolSize = subjects ?? d.PoolSize, Seed = seed ?? d.Seed,
        };
        settings.Validate();

        var args = new List<string>();
        SensitivityArguments.AddCommon(args, choice, null, !h.IsExposureOnly || hypothesis is not null ? h.Name : null, given, varyList.Count > 0, settings.Assumptions);
        if (settings.Pair is { } p) args.AddRange(["--pair", $"{SensitivitySettings.Token(p.First)},{SensitivitySettings.Token(p.Second)}"]);
        CommandLineText.AddReplicateArguments(args, observed, (settings.Replicates, d.Replicates), (settings.PoolSize, d.PoolSize), (settings.Seed, d.Seed));
        return new SensitivityRequest(choice, settings, [.. args]);
    }

    /// <summary>Throws when the analysis, or shard <paramref name="shard"/> of <paramref name="shards"/>, is above the
    /// <see cref="WorkBudget"/> and a long run is not allowed.</summary>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <param name="shard">The shard run, 1 to <paramref name="shards"/> (1 for the whole analysis).</param>
    /// <param name="shards">Shards the analysis is split into (1 for none).</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --vary, --pair, --subjects and --replicates (and --shard).</exception>
    public void CheckWork(bool allowLongRun, int shard = 1, int shards = 1)
    {
        var s = Settings;
        var (groups, cells) = SensitivityAnalysis.Work(s, shard, shards);
        static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
        string varied = $"{Count(s.Assumptions.Length, "assumption")} (--vary){(s.Pair is null ? "" : " and --pair")}";
        WorkBudget.Check(Estimate(s, groups, cells), allowLongRun, string.Create(CultureInfo.InvariantCulture,
            $"{varied} with --subjects {s.PoolSize} and --replicates {s.Replicates}{(shards > 1 ? $" (--shard {shard}/{shards})" : "")}: {Count(cells, "setting")} over {Count(groups, "pool")}"));
    }

    /// <summary>The estimate of <paramref name="groups"/> pools of the settings' size and <paramref name="cells"/> settings rated
    /// from them: memory holds a pool and its copy with new clinical draws, the parts the pools share with the default pool
    /// (<see cref="SharedPoolParts"/>), the replicate draws the settings share (<see cref="SharedReplicateDraws"/>, when they are
    /// kept) and every setting's replicate r.</summary>
    internal static WorkEstimate Estimate(SensitivitySettings s, int groups, int cells)
    {
        double perReplicate = s.Observed.Sum(o => (double)o.N);
        double draws = s.Replicates * perReplicate;
        double kept = s.PoolSize * 2.0 * RatingPool.BytesPerPatient(s.Observed.Select(o => o.Time).Distinct().Count(), sparse: false)
            + (double)s.PoolSize * SharedPoolParts.BytesPerPatient(s.Design.Assessments.Length, keepPk: s.PoolSize <= SharedPoolParts.KeepPkUpTo)
            + (draws <= SharedReplicateDraws.MaxDraws ? draws * SharedReplicateDraws.BytesPer : 0)
            + (double)cells * s.Observed.Length * s.Replicates * 8;
        return WorkBudget.Replicates((groups > 0 ? s.PoolSize * WorkBudget.SecondsPerSensitivitySharedPatient : 0) + (double)groups * s.PoolSize * WorkBudget.SecondsPerSensitivityPatient, (double)cells * s.Replicates * perReplicate, kept,
            secondsPerRating: WorkBudget.SecondsPerScanRating);
    }
}
