using KetaminePkPd.Validation;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd validate</c>: runs the library's <see cref="ValidationReport.Run"/> and prints its report, JSON
/// (<see cref="ValidationOutput"/>) or the Markdown of docs/validation.md (<see cref="ValidationMarkdown"/>).
/// </summary>
internal sealed class ValidateCommand : CliCommand
{
    private readonly Option<bool> _json = SharedOptions.Json(
        "Print one JSON object instead of the table: settings, counts (hits, misses, explainedMisses, reported) and one row " +
        "per target (key, quantity, design, unit, published, publishedText, low, high, tolerance, source, use, knownMiss, simulated, " +
        "deviation, status).");
    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Print the Markdown page docs/validation.md instead of the table (" + ValidationMarkdown.RegenerateCommand + ").",
    };
    private readonly Option<int?> _subjects = SharedOptions.Subjects(
        $"Patients per arm of every virtual trial, {ValidationSettings.MinSubjectsPerArm} to {ValidationSettings.MaxSubjectsPerArm}; the tolerances " +
        $"state the Monte Carlo error at the default. [default: {ValidationSettings.Default.SubjectsPerArm}]",
        ValidationSettings.MinSubjectsPerArm, ValidationSettings.MaxSubjectsPerArm);
    private readonly Option<ulong?> _seed = SharedOptions.Seed();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<string?> _hypothesis = new("--hypothesis")
    {
        HelpName = "name",
        Description = $"Simulate the table's virtual trials under this hypothesis ({TrialCommand.HypothesisTokens}): {TrialCommand.HypothesisHelp} " +
            "Shared sensitivity and mediation leave every marginal target (means, SDs, response rates, the CADSS distribution) in place at any " +
            "strength; expectancy adds placebo response to patients who notice dissociation. The hypothesis-test rows stay exposure-only. [default: exposure-only]",
    };
    private readonly Option<double?> _rho = SharedOptions.Rho();
    private readonly Option<double?> _share = SharedOptions.Share();
    private readonly Option<double?> _threshold = SharedOptions.ThresholdCadss();
    private readonly Option<double?> _boost = SharedOptions.Boost();
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<bool> _allowLongRun = TrialCommand.AllowLongRun();

    public ValidateCommand()
        : base("validate",
            "Simulate every published target the model is calibrated to or checked against (Perez-Ruixo 2021 Table 4, the racemic IV " +
            "course, esketamine day 1 and day 28, placebo, dissociation timing and distribution, norketamine, racemic intranasal) and the " +
            "hypothesis test's headline numbers, and print each with its source, acceptance interval, simulated value and hit or miss. " +
            "Takes a few seconds.")
    {
        Add(_json, _markdown, _subjects, _seed, _parameters, _hypothesis, _rho, _share, _threshold, _boost, _quiet, _allowLongRun);
    }

    protected override int Execute(CommandContext ctx)
    {
        var settings = ValidationSettings.Default;
        if (ctx.Get(_subjects) is { } subjects) settings = settings with { SubjectsPerArm = subjects };
        if (ctx.Get(_seed) is { } seed) settings = settings with { Seed = seed };
        var strengths = TrialCommand.Strengths(ctx, _rho, _share, _threshold, _boost);
        var hypothesis = ctx.Get(_hypothesis) is { } name ? Hypothesis.Parse(name, "--hypothesis") : Hypothesis.ExposureOnly;
        if (strengths.FirstWithout([hypothesis.Name]) is { } stray)
            throw new ArgumentException($"{stray.Option} belongs to the {stray.Hypothesis} hypothesis; give --hypothesis {stray.Hypothesis} too.");
        settings = settings with { Hypothesis = strengths.Apply(hypothesis) };
        if (ctx.Get(_parameters) is { } file) settings = ParameterFile.Apply(settings, ParameterFile.Read(file));
        bool json = ctx.Get(_json), markdown = ctx.Get(_markdown);
        if (json && markdown) throw new ArgumentException("--json and --markdown cannot be combined; choose one output.");
        settings.CheckWork(ctx.Get(_allowLongRun));
        var report = ValidationReport.Run(settings);
        if (markdown)
        {
            ctx.Stdout.Write(ValidationMarkdown.ToMarkdown(report));
            ctx.Stdout.Flush();
        }
        else ctx.Emit(json, () => ValidationOutput.ToJson(report), () => ValidationOutput.Build(report));
        return CliErrors.Success;
    }
}
