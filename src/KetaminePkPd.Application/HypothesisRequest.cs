namespace KetaminePkPd.Application;

/// <summary>
/// A hypothesis test as a user asks for it (the <c>hypothesis</c> command's settings): a design, the hypotheses by name
/// (or the four, with a scenario file's own in place of its namesake) with the strengths given, the observations
/// (Luckenbaugh 2014 by default, one given as r and n, or computed from a data file), replicates, pool and seed.
/// <see cref="Resolve"/> applies the defaults and checks every combination; <see cref="Settings"/> is ready to run.
/// </summary>
public sealed class HypothesisRequest
{
    private HypothesisRequest(DesignChoice choice, HypothesisTestSettings settings, bool hypothesesGiven, HypothesisStrengths strengths, string observedSource, string? observedFile, bool observedAtGiven)
    {
        Choice = choice;
        Settings = settings;
        _hypothesesGiven = hypothesesGiven;
        Strengths = strengths;
        ObservedSource = observedSource;
        ObservedFile = observedFile;
        _observedAtGiven = observedAtGiven;
    }

    private readonly bool _hypothesesGiven, _observedAtGiven;

    /// <summary>The design as chosen (key or file).</summary>
    public DesignChoice Choice { get; }

    /// <summary>The settings to run (<see cref="HypothesisTestResult.Run"/>).</summary>
    public HypothesisTestSettings Settings { get; }

    /// <summary>The strengths given.</summary>
    public HypothesisStrengths Strengths { get; }

    /// <summary>Where the observations come from: <c>default</c>, <c>--observed-r</c> or <c>--observed</c> (a data file).</summary>
    public string ObservedSource { get; }

    /// <summary>The full path of the observed-data file, or null.</summary>
    public string? ObservedFile { get; }

    /// <summary>Resolves a request; every argument is optional.</summary>
    /// <param name="design">The design chosen; null for the NIMH design.</param>
    /// <param name="hypotheses">Hypothesis names, each entry one name or several separated by commas; empty for the four (<see cref="Hypothesis.All"/>), with a scenario file's hypothesis in place of its namesake (or added).</param>
    /// <param name="strengths">Strengths; each must belong to a hypothesis that runs.</param>
    /// <param name="observedR">An observed r (with <paramref name="observedN"/> and <paramref name="observedAt"/>), in (-1, 1).</param>
    /// <param name="observedN">Patients behind <paramref name="observedR"/>.</param>
    /// <param name="observedAt">The time of <paramref name="observedR"/>; with <paramref name="observedFile"/>, the time of its rows (no time column) or the one time kept.</param>
    /// <param name="observedFile">A per-patient data file (<see cref="ObservedCorrelation.Read"/>); not with <paramref name="observedR"/>.</param>
    /// <param name="replicates">Replicate trials per hypothesis and observation (<see cref="HypothesisTestSettings.MinReplicates"/> to <see cref="HypothesisTestSettings.MaxReplicates"/>); null for 2000.</param>
    /// <param name="subjects">Patients simulated once per hypothesis (the pool), at least <see cref="HypothesisTestSettings.MinimumPoolSize"/> of the observations; null for 10 000.</param>
    /// <param name="seed">The seed; null for 1.</param>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option (e.g. <c>--observed-at</c>).</exception>
    /// <exception cref="IOException">The data file cannot be read.</exception>
    public static HypothesisRequest Resolve(DesignChoice? design = null, IEnumerable<string>? hypotheses = null, HypothesisStrengths? strengths = null,
        double? observedR = null, int? observedN = null, TimeSpan? observedAt = null, string? observedFile = null,
        int? replicates = null, int? subjects = null, ulong? seed = null)
    {
        var defaults = HypothesisTestSettings.Default;
        var choice = design ?? DesignChoice.Default;
        var given = strengths ?? HypothesisStrengths.None;
        var names = new List<string>();
        foreach (var text in hypotheses ?? [])
        {
            ArgumentNullException.ThrowIfNull(text, nameof(hypotheses));
            if (text.Split(',').Any(part => part.Trim().Length == 0))
                throw new ArgumentException($"--hypothesis '{ErrorText.Excerpt(text)}': empty hypothesis name; use {Vocabulary.OrList(Hypothesis.Names)}.");
            names.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        List<Hypothesis> list;
        if (names.Count > 0)
        {
            var duplicate = names.GroupBy(Vocabulary.Normalize, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ArgumentException($"--hypothesis {duplicate.Key} is given more than once.");
            list = [.. names.Select(n => Hypothesis.Parse(n, "--hypothesis"))];
        }
        else
        {
            list = [.. Hypothesis.All];
            if (choice.ScenarioHypothesis is { } fromFile)
            {
                int same = list.FindIndex(h => string.Equals(h.Name, fromFile.Name, StringComparison.OrdinalIgnoreCase));
                if (same >= 0) list[same] = fromFile; else list.Add(fromFile);
            }
        }
        if (given.FirstWithout(list.Select(h => h.Name)) is var (option, target))
            throw new ArgumentException($"{option} applies to the {target} hypothesis, which is not among those run " +
                $"({string.Join(", ", list.Select(h => h.Name))}); add --hypothesis {target}.");

        var (observed, source, file) = Observations(choice.Design, observedR, observedN, observedAt, observedFile);
        int pool = subjects ?? defaults.PoolSize;
        int minimum = HypothesisTestSettings.MinimumPoolSize(observed);
        if (pool < minimum)
            throw new ArgumentException($"--subjects {pool}: must be at least {HypothesisTestSettings.PoolPerObservedSubject} times the largest observed n ({observed.Max(o => o.N)}), i.e. at least {minimum}.");
        var settings = defaults.WithDesign(choice.Design, observed, pool) with
        {
            Hypotheses = [.. list.Select(given.Apply)],
            Replicates = replicates ?? defaults.Replicates,
            Seed = seed ?? defaults.Seed,
        };
        return new HypothesisRequest(choice, settings, names.Count > 0, given, source, file, observedAt is not null);
    }

    private static (ImmutableArray<ObservedCorrelation>, string Source, string? File) Observations(TrialDesign design, double? r, int? n, TimeSpan? at, string? file)
    {
        if (at is { } t0 && t0 <= TimeSpan.Zero) throw new ArgumentException($"--observed-at '{Durations.Format(t0)}': must be after the first dose.");
        ImmutableArray<ObservedCorrelation> observed;
        string source;
        if (file is not null)
        {
            if (r is not null || n is not null)
                throw new ArgumentException("--observed (a data file) and --observed-r/--observed-n exclude each other: give the data or the correlation.");
            observed = [.. ObservedCorrelation.Read(file, at, "--observed", "--observed-at")];
            source = "--observed";
        }
        else if (r is not null || n is not null || at is not null)
        {
            if (r is null || n is null || at is null)
                throw new ArgumentException("--observed-r, --observed-n and --observed-at go together: give all three " +
                    $"(missing: {string.Join(", ", new[] { ("--observed-r", r is null), ("--observed-n", n is null), ("--observed-at", at is null) }.Where(x => x.Item2).Select(x => x.Item1))}).");
            try
            {
                observed = [new ObservedCorrelation(at.Value, r.Value, n.Value, "given with --observed-r")];
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"--observed-r '{r.Value.ToString("R", CultureInfo.InvariantCulture)}': {ErrorText.OneLine(ex)}");
            }
            source = "--observed-r";
        }
        else
        {
            observed = HypothesisTestSettings.Default.Observed;
            source = "default";
        }
        string times = string.Join(", ", design.Assessments.Select(Durations.Format));
        foreach (var o in observed)
            if (!design.Assessments.Contains(o.Time))
                throw new ArgumentException(source switch
                {
                    "default" => $"the default observations (Luckenbaugh 2014 at 230min and 7d) need a design that assesses at those times, but '{design.Name}' assesses at {times}; " +
                        "give --observed-r, --observed-n and --observed-at (or --observed file.csv).",
                    "--observed" => $"--observed '{file}': data at {Durations.Format(o.Time)}, which is not an assessment of '{design.Name}' ({times}); use --observed-at to keep one of those.",
                    _ => $"--observed-at '{Durations.Format(o.Time)}': not an assessment of '{design.Name}'; use {times}.",
                });
        return (observed, source, file is null ? null : Path.GetFullPath(file));
    }

    /// <summary>The names of the settings that differ from <see cref="HypothesisTestSettings.Default"/>: design, hypotheses, observed, replicates, pool, seed.</summary>
    public ImmutableArray<string> DiffersFromDefaults
    {
        get
        {
            var d = HypothesisTestSettings.Default;
            var s = Settings;
            var list = ImmutableArray.CreateBuilder<string>();
            if (!Choice.IsDefault) list.Add("design");
            if (!s.Hypotheses.SequenceEqual(d.Hypotheses)) list.Add("hypotheses");
            if (!s.Observed.SequenceEqual(d.Observed)) list.Add("observed");
            if (s.Replicates != d.Replicates) list.Add("replicates");
            if (s.PoolSize != d.PoolSize) list.Add("pool");
            if (s.Seed != d.Seed) list.Add("seed");
            return list.ToImmutable();
        }
    }

    /// <summary>A <c>ketamine-pkpd hypothesis</c> command line that reproduces this run (without output options).</summary>
    public string CommandLine
    {
        get
        {
            var inv = CultureInfo.InvariantCulture;
            var d = HypothesisTestSettings.Default;
            var s = Settings;
            var parts = new List<string> { CommandLineText.Tool, "hypothesis" };
            if (!Choice.IsDefault) parts.Add($"--design {CommandLineText.Quote(Choice.FilePath ?? Choice.Token)}");
            if (_hypothesesGiven) parts.AddRange(s.Hypotheses.Select(h => $"--hypothesis {h.Name}"));
            parts.AddRange(Strengths.Arguments());
            if (ObservedSource == "--observed")
            {
                parts.Add($"--observed {CommandLineText.Quote(ObservedFile!)}");
                if (_observedAtGiven) parts.Add($"--observed-at {Durations.Format(s.Observed[0].Time)}");
            }
            else if (ObservedSource == "--observed-r")
            {
                var o = s.Observed[0];
                parts.Add($"--observed-r {o.R.ToString("R", inv)} --observed-n {o.N.ToString(inv)} --observed-at {Durations.Format(o.Time)}");
            }
            if (s.Replicates != d.Replicates) parts.Add($"--replicates {s.Replicates.ToString(inv)}");
            if (s.PoolSize != d.PoolSize) parts.Add($"--subjects {s.PoolSize.ToString(inv)}");
            if (s.Seed != d.Seed) parts.Add($"--seed {s.Seed.ToString(inv)}");
            return string.Join(' ', parts);
        }
    }

    /// <summary>Throws when the run is above the <see cref="WorkBudget"/> and a long run is not allowed.</summary>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names the settings that set the work.</exception>
    public void CheckWork(bool allowLongRun)
    {
        var s = Settings;
        WorkBudget.Check(Estimate(s), allowLongRun, string.Create(CultureInfo.InvariantCulture,
            $"--subjects {s.PoolSize} and --replicates {s.Replicates} over {s.Hypotheses.Length} hypotheses and {s.Observed.Length} observations of n up to {s.Observed.Max(o => o.N)}"));
    }

    /// <summary>Peak resident bytes per hypothesis, observation and replicate: 48, measured (2026-12-07) as 47 from
    /// <c>hypothesis --replicates 200000</c> (146 MB peak) against the default run (72 MB); the r and partial r it keeps are 16 of them,
    /// the rest is the collector's headroom over the replicate trials' short-lived arrays. Was 16 (the kept values alone).</summary>
    internal const double BytesPerReplicate = 48;

    /// <summary>
    /// The estimate of a hypothesis test: only the patients some replicate enrols are simulated, in expectation
    /// pool x (1 - prod over observations of (1 - n / pool)^replicates), their dissociation part once and a course per hypothesis; every hypothesis rates replicates x n
    /// patients per observation; memory holds those patients (sparse pool and cache) and the replicates' r and partial r.
    /// </summary>
    internal static WorkEstimate Estimate(HypothesisTestSettings s)
    {
        double pool = s.PoolSize;
        double missed = s.Observed.Aggregate(1.0, (m, o) => m * Math.Pow(1 - o.N / pool, s.Replicates));
        double enrolled = pool * (1 - missed);
        int h = s.Hypotheses.Length;
        double ratings = (double)s.Replicates * h * s.Observed.Sum(o => (double)o.N);
        // The hypotheses that link nothing (exposure-only, expectancy) share one noise-free course per patient; one pool per course
        // is kept from the first hypothesis's phase on.
        int linked = s.Hypotheses.Count(x => x.SensitivityCorrelation != 0 || x.MediationShare != 0);
        int courses = linked + (linked < h ? 1 : 0);
        double kept = enrolled * WorkBudget.BytesPerPoolPatient(s.Observed.Select(o => o.Time).Distinct().Count(), sparse: true, pools: courses)
            + pool / 8 + (double)h * s.Observed.Length * s.Replicates * BytesPerReplicate;
        return WorkBudget.Replicates(enrolled * (WorkBudget.SecondsPerDissociation + courses * WorkBudget.SecondsPerCourse), ratings, kept);
    }
}
