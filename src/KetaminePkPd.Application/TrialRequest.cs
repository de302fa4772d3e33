namespace KetaminePkPd.Application;

/// <summary>
/// One virtual trial as a user asks for it (the <c>trial</c> command's settings): a design, optionally resized, a
/// hypothesis by name (or the scenario file's, or exposure-only) with the strengths given, and a seed. The constructor
/// applies the defaults and checks every combination, so a request that exists can run (<see cref="Run"/>).
/// </summary>
public sealed class TrialRequest
{
    /// <summary>The most patients in one trial: 1 000 000.</summary>
    public const int MaxSubjects = 1_000_000;

    /// <summary>The default seed: 1.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Resolves a request.</summary>
    /// <param name="design">The design chosen; null for the NIMH design.</param>
    /// <param name="subjects">Patients in the trial, 1 to <see cref="MaxSubjects"/> and at least one per arm, shared among the arms in the design's proportions; null for the design's own size.</param>
    /// <param name="hypothesis">A hypothesis name (<see cref="Hypothesis.Names"/>); null for the scenario file's hypothesis or exposure-only.</param>
    /// <param name="strengths">Strengths for the hypothesis; each must belong to the hypothesis that runs.</param>
    /// <param name="seed">The seed of every random draw.</param>
    /// <exception cref="ArgumentException">An unknown or empty hypothesis name, a strength for another hypothesis, or too few subjects for the arms; the message names the option.</exception>
    public TrialRequest(DesignChoice? design = null, int? subjects = null, string? hypothesis = null, HypothesisStrengths? strengths = null, ulong seed = DefaultSeed)
    {
        Choice = design ?? DesignChoice.Default;
        Strengths = strengths ?? HypothesisStrengths.None;
        Seed = seed;
        _subjectsGiven = subjects is not null;
        if (hypothesis is not null && hypothesis.Trim().Length == 0)
            throw new ArgumentException($"--hypothesis '': empty hypothesis name; use {Vocabulary.OrList(Hypothesis.Names)}.");
        (Hypothesis, HypothesisSource) = hypothesis is not null ? (Strengths.Apply(Hypothesis.Parse(hypothesis, "--hypothesis")), "--hypothesis")
            : Choice.ScenarioHypothesis is { } fromFile ? (fromFile, "scenario file")
            : (Hypothesis.ExposureOnly, "default");
        if (Strengths.FirstWithout(hypothesis is null ? [] : [Hypothesis.Name]) is var (option, target))
            throw new ArgumentException(hypothesis is null
                ? $"{option} applies to the {target} hypothesis; give --hypothesis {target} too (this run's hypothesis is {Hypothesis.Name}{(HypothesisSource == "default" ? ", the default" : ", from the scenario file")})."
                : $"{option} applies to the {target} hypothesis, but this run's hypothesis is {Hypothesis.Name}; use --hypothesis {target}.");
        Design = Choice.Design;
        if (subjects is { } n)
        {
            if (n is < 1 or > MaxSubjects) throw new ArgumentOutOfRangeException(nameof(subjects), n, $"--subjects '{n}': must be a whole number in [1, {MaxSubjects}], got {n}.");
            try
            {
                Design = Design.WithTotalSubjects(n);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"--subjects '{n}': {ErrorText.OneLine(ex)}");
            }
        }
    }

    private readonly bool _subjectsGiven;

    /// <summary>The design as chosen (key or file).</summary>
    public DesignChoice Choice { get; }

    /// <summary>The design that runs (resized when subjects were given).</summary>
    public TrialDesign Design { get; }

    /// <summary>The hypothesis that runs, with its strengths.</summary>
    public Hypothesis Hypothesis { get; }

    /// <summary>Where the hypothesis comes from: <c>default</c>, <c>--hypothesis</c> or <c>scenario file</c>.</summary>
    public string HypothesisSource { get; }

    /// <summary>The strengths given.</summary>
    public HypothesisStrengths Strengths { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The names of the settings that differ from the defaults (design nimh at its own size, exposure-only, seed 1): design, subjects, hypothesis, seed.</summary>
    public ImmutableArray<string> DiffersFromDefaults =>
    [
        .. !Choice.IsDefault ? ["design"] : Array.Empty<string>(),
        .. Design.TotalSubjects != Choice.Design.TotalSubjects ? ["subjects"] : Array.Empty<string>(),
        .. HypothesisSource != "default" ? ["hypothesis"] : Array.Empty<string>(),
        .. Seed != DefaultSeed ? ["seed"] : Array.Empty<string>(),
    ];

    /// <summary>A <c>ketamine-pkpd trial</c> command line that reproduces this run (without output options).</summary>
    public string CommandLine
    {
        get
        {
            var parts = new List<string> { CommandLineText.Tool, "trial" };
            if (!Choice.IsDefault) parts.Add($"--design {CommandLineText.Quote(Choice.FilePath ?? Choice.Token)}");
            if (Design.TotalSubjects != Choice.Design.TotalSubjects) parts.Add($"--subjects {Design.TotalSubjects.ToString(CultureInfo.InvariantCulture)}");
            if (HypothesisSource == "--hypothesis")
            {
                parts.Add($"--hypothesis {Hypothesis.Name}");
                parts.AddRange(Strengths.Arguments());
            }
            if (Seed != DefaultSeed) parts.Add($"--seed {Seed.ToString(CultureInfo.InvariantCulture)}");
            return string.Join(' ', parts);
        }
    }

    /// <summary>Throws when the trial is above the <see cref="WorkBudget"/> and a long run is not allowed.</summary>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects, or the scenario file that set the size.</exception>
    public void CheckWork(bool allowLongRun) =>
        WorkBudget.Check(WorkBudget.Trial(Design.TotalSubjects, Design.Assessments.Length), allowLongRun, Choice.FilePath is not null && !_subjectsGiven
            ? $"--design '{Choice.FilePath}' ({Design.TotalSubjects} patients over {Design.Arms.Length} arms)"
            : $"--subjects {Design.TotalSubjects}");

    /// <summary>Runs the trial (<see cref="TrialDesign.Simulate"/>, in parallel; the result does not depend on the core count).</summary>
    /// <param name="progress">Receives the number of patients simulated so far, or null.</param>
    public TrialResult Run(IProgress<int>? progress = null) => Design.Simulate(Hypothesis, Seed, parallel: true, progress);
}
