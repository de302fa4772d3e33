using KetaminePkPd.Application;
using KetaminePkPd.Numerics;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// Typed options shared by several commands: each parses its text with the library's parser (<see cref="Vocabulary"/>,
/// <see cref="PkParameterSet.Parse"/>, the quantity parsers), so a bad value is a parse error naming the option, the text and what
/// is allowed, reported in one <c>error:</c> line with exit code 2 before the command runs. Each call returns a new option
/// (an option belongs to one command). A value not given reads as null.
/// </summary>
internal static class SharedOptions
{
    public static Option<Drug?> Drug() => Parsed<Drug?>("--drug", Parsing.DrugTokens, "Drug given: racemic (R,S)-ketamine or esketamine (S-ketamine). [default: racemic, or the drug of --model]", (t, n) => Vocabulary.ParseDrug(t, n), Parsing.DrugTokens);

    public static Option<PkParameterSet?> Model() => Parsed<PkParameterSet?>("--model", Parsing.ModelTokens, "Pharmacokinetic model (literature parameter set): domino = Domino 1982, adults, 3-compartment; hijazi = Hijazi 2003, " +
        "ICU patients; clements = Clements 1981, 2-compartment, venous-like peaks, CL and Vss within Kamp 2020; herd = Herd 2007, children, IV only; perez-ruixo = Perez-Ruixo 2021, esketamine + noresketamine. " +
        "A model of the other drug than --drug is an error. [default: domino for racemic, perez-ruixo for esketamine]", (t, n) => PkParameterSet.Parse(t, n), Parsing.ModelTokens);

    public static Option<Route?> Route() => Parsed<Route?>("--route", Parsing.RouteTokens, "Route of administration. domino and hijazi take all six; herd takes iv; perez-ruixo takes iv, intranasal, oral. " +
        "[default: iv for racemic and whenever --infusion or --rate is given, intranasal for esketamine]", (t, n) => Vocabulary.ParseRoute(t, n), Parsing.RouteTokens);

    public static Option<Dose?> Dose() => Parsed<Dose?>("--dose", "dose", "Dose per administration as free base, with its unit: mg/kg (e.g. 0.5mg/kg), mg (e.g. 35mg) or mg-hcl " +
        "(hydrochloride salt, converted to base). Intranasal esketamine is given as 28 mg devices, so its dose must be a " +
        $"multiple of 28 mg. [default: {Token(SimulationSetup.DefaultRacemicDose)} for racemic, {Token(SimulationSetup.DefaultEsketamineDose)} for esketamine]", (t, n) => Parsing.ParseDose(t, n));

    public static Option<TimeSpan?> Infusion() => Parsed<TimeSpan?>("--infusion", "duration", $"Intravenous infusion duration with its unit (e.g. 40min, 2h), up to {Durations.Format(Administration.MaxInfusionDuration)}; 0 or {Vocabulary.OrList(Durations.NoInfusionWords)} gives a bolus. IV only. [default: {Durations.Format(SimulationSetup.DefaultInfusion)} for iv]", (t, n) => Parsing.ParseInfusion(t, n));

    public static Option<DoseRate?> Rate() => Parsed<DoseRate?>("--rate", "rate", "Intravenous infusion by rate instead of --dose, with its unit: mg/h or mg/kg/h (also mg/min, mg/kg/min), run for the " +
        "--infusion duration (e.g. --rate 0.75mg/kg/h --infusion 40min). IV only; not with --dose.", (t, n) => Parsing.ParseRate(t, n));

    /// <summary>The number of administrations, <c>--repeat</c> (the <c>repeat=</c> key of an arm string); 1 when not given.</summary>
    public static Option<int> Repeat()
    {
        var option = Parsed<int>("--repeat", "count", $"Number of administrations, 1 to {DosingRegimen.MaxAdministrations}, each --interval after the previous one. [default: 1]",
            (t, n) => Parsing.ParseCount(t, n, 1, DosingRegimen.MaxAdministrations));
        option.DefaultValueFactory = _ => 1;
        return option;
    }

    public static Option<TimeSpan?> Interval() => Parsed<TimeSpan?>("--interval", "duration", "Time between the starts of repeated administrations, with its unit (e.g. 12h, 3.5d). Required when --repeat > 1.", (t, n) => Parsing.ParseDuration(t, n));

    public static Option<double?> Weight() => Parsed<double?>("--weight", "kg", $"Body weight in kg, e.g. 70kg (a bare number is read as kg), in (0, {Subject.MaxWeightKg}]. Sets mg/kg doses and weight-scaled parameters. [default: {Subject.TypicalAdult.WeightKg}kg]", (t, n) => Subject.ParseWeightKg(t, n));

    public static Option<double?> Age() => Parsed<double?>("--age", "years", $"Age in years, 0 to {Subject.MaxAgeYears} (e.g. 45 or 45y). A covariate of perez-ruixo (hepatic blood flow falls above 60 y). [default: {Subject.TypicalAdult.AgeYears}]", (t, n) => Subject.ParseAgeYears(t, n));

    public static Option<Ancestry?> Ancestry() => Parsed<Ancestry?>("--ancestry", Parsing.AncestryTokens, "Ancestry, a covariate of perez-ruixo only (asian: slower hepatic elimination; japanese: also more nasal absorption). [default: non-asian]", (t, n) => Vocabulary.ParseAncestry(t, n), Parsing.AncestryTokens);

    public static Option<TimeSpan?> Until() => Parsed<TimeSpan?>("--until", "duration", $"Simulated time from the first dose, with its unit (e.g. 6h, 24h, 28d), up to {Durations.Format(SimulationOptions.MaxUntil)} (10 years). [default: {SimulationOptions.Default.Until.TotalHours}h]", (t, n) => Parsing.ParseDuration(t, n));

    public static Option<TimeSpan?> Step() => Parsed<TimeSpan?>("--step", "duration", $"Spacing of the output times (CSV rows), with its unit (e.g. 1min, 5min, 1h), at least {SimulationOptions.MinOutputStep.TotalSeconds}s and at most {SimulationOptions.MaxOutputs:N0} outputs. [default: {Durations.Format(SimulationOptions.Default.OutputStep)}]", (t, n) => Parsing.ParseDuration(t, n));

    public static Option<SolverMethod?> Solver() => Parsed<SolverMethod?>("--solver", Parsing.SolverTokens, "Solver: exact = matrix exponential of the linear model; dopri5 = adaptive Dormand-Prince 5(4); rodas4 = adaptive " +
        "Rosenbrock (stiff). All agree to about 1e-6. [default: exact]", (t, n) => Vocabulary.ParseSolver(t, n), Parsing.SolverTokens);

    public static Option<double?> Rho() => Parsed<double?>("--rho", "-1..1", "Strength of shared-sensitivity: the correlation of a patient's dissociation propensity and antidepressant " +
        $"responsiveness (the random effects that drive each spread), in [-1, 1]; 0 is exposure-only. Neither effect's distribution changes. PROVISIONAL illustration. [default: {Num(Hypothesis.SharedSensitivity().SensitivityCorrelation)}]", (t, n) => Parsing.ParseNumber(t, n, -1, 1));

    public static Option<double?> Share() => Parsed<double?>("--share", "0..1", "Strength of mediation: the share of the variance of a patient's antidepressant responsiveness set by how much " +
        $"they actually dissociated (exposure included), in [0, 1]; 0 is exposure-only. The effect's mean and spread are kept. PROVISIONAL illustration. [default: {Num(Hypothesis.Mediation().MediationShare)}]", (t, n) => Parsing.ParseNumber(t, n, 0, 1));

    public static Option<double?> Boost() => Parsed<double?>("--boost", "MADRS", $"Expectancy: extra placebo improvement (MADRS points, 0 to {Num(Hypothesis.MaxBoostMadrs)}) of a patient who noticed dissociation; scaled to " +
        $"the design's rating scale. PROVISIONAL illustration. [default: {Num(Hypothesis.Expectancy().ExpectancyBoostMadrs)}]", (t, n) => Parsing.ParseNumber(t, n, 0, Hypothesis.MaxBoostMadrs, "MADRS points"));

    public static Option<ulong?> Seed() => Parsed<ulong?>("--seed", "seed", "Seed of every random draw, a whole number in [0, 2^64-1]. The same seed gives the same result on any machine " +
        "and core count. [default: 1]", (t, n) => Parsing.ParseSeed(t, n));

    /// <summary>Expectancy threshold in CADSS points; <c>--threshold</c> is kept as an alias.</summary>
    public static Option<double?> ThresholdCadss() => Parsed<double?>("--threshold-cadss", "points",
        $"Expectancy: peak CADSS (points, 0 to {Num(Hypothesis.MaxThresholdCadss)}) above which a patient notices dissociation. Around 20 fits the " +
        $"letter's 'about 1 in 5' with significant dissociation. Alias: --threshold. [default: {Num(Hypothesis.Expectancy().ExpectancyThresholdCadss)}]",
        (t, n) => Parsing.ParseNumber(t, n, 0, Hypothesis.MaxThresholdCadss, "CADSS points"), aliases: ["--threshold"]);

    /// <summary>
    /// The number of simulated patients, <c>--subjects</c> (<c>-n</c>) in every command that has one; the names it had in
    /// some commands (<c>--pool</c>, <c>--population</c>) are kept as aliases.
    /// </summary>
    /// <param name="description">What the patients are in this command, with its range and default.</param>
    /// <param name="min">The smallest count allowed.</param>
    /// <param name="max">The largest count allowed.</param>
    /// <param name="aliases">Former names kept as aliases.</param>
    public static Option<int?> Subjects(string description, int min, int max, params string[] aliases) =>
        Parsed<int?>("--subjects", "count", description, (t, n) => Parsing.ParseCount(t, n, min, max), aliases: ["-n", .. aliases]);

    /// <summary>The trial design: a built-in key (<see cref="KetaminePkPd.Application.DesignChoice.Keys"/>) or a scenario file, read with <see cref="KetaminePkPd.Application.DesignChoice.Resolve"/> when the command runs.</summary>
    public static Option<string?> Design()
    {
        var option = FileRoles.Input(new Option<string?>("--design")
        {
            HelpName = "design",
            Description = $"Trial design: {string.Join(", ", KetaminePkPd.Application.DesignChoice.Keys)}, or a JSON scenario file (file.json). " +
                string.Join("; ", DesignChoice.Keys.Select(k => $"{k} = {TrialWording.DesignSummary(TrialDesign.ByKey[k])}")) +
                ". A scenario file has the keys name, drug, model, scale, cadssAt, assessments, arms, population, parameters, clinical, " +
                $"hypothesis; an error in it names its JSON path, e.g. $.arms[0].dose (docs/scenario-files.md). [default: {KetaminePkPd.Application.DesignChoice.DefaultKey}]",
        });
        option.CompletionSources.Add([.. KetaminePkPd.Application.DesignChoice.Keys]);
        return option;
    }

    /// <summary>The effect parameters file, <c>--parameters</c>, read with <see cref="ParameterFile.Read"/> when the command runs.</summary>
    public static Option<string?> Parameters() => FileRoles.Input(new Option<string?>("--parameters") { HelpName = "file.json", Description = ParameterHelp });

    /// <summary>The help of <c>--parameters</c>.</summary>
    public const string ParameterHelp = "Effect parameters file: {\"parameters\": {\"NAME\": value, ...}} (as written by calibrate --out), replacing the typical values " +
        "of the named effect parameters (docs/calibration.md). [default: the shipped values]";

    /// <summary>Refuses an empty name in a list option (<c>--vary ''</c>, <c>--strength rho,,share</c>), which would otherwise read as the default.</summary>
    /// <param name="option">The option.</param>
    /// <param name="allowed">The names allowed, for the message.</param>
    public static Option<string[]> NoEmptyNames(Option<string[]> option, string allowed)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Where(t => t.Value.Split(',').Any(string.IsNullOrWhiteSpace)))
                r.AddError($"{r.IdentifierToken?.Value ?? option.Name} '{ErrorText.Excerpt(token.Value)}': an empty name; use {allowed}.");
        });
        return option;
    }

    /// <summary>An output file option, <c>--out</c>, with its value name (e.g. <c>file.csv</c>) and description.</summary>
    public static Option<string?> Out(string helpName, string description) => FileRoles.Output(new Option<string?>("--out") { HelpName = helpName, Description = description });

    /// <summary>The <c>--json</c> flag: print one JSON object instead of the report; <paramref name="description"/> says what it holds.</summary>
    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Do not show progress. Progress goes to stderr only, never to stdout; with --json it is shown only " +
            "when stderr is a terminal, so redirected output stays clean.",
    };

    private static string Token(Dose dose) => dose.ToString().Replace(" ", "", StringComparison.Ordinal);

    private static string Num(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// An option whose text is parsed by <paramref name="parse"/> (given the text and the option's name as typed, alias
    /// included); a parse failure (<see cref="ArgumentException"/>, <see cref="FormatException"/>) becomes the option's parse error.
    /// </summary>
    public static Option<T> Parsed<T>(string name, string helpName, string description, Func<string, string, T> parse,
        string? completions = null, string[]? aliases = null)
    {
        var option = new Option<T>(name, aliases ?? []) { HelpName = helpName, Description = description };
        option.CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            try
            {
                // Messages name the option as the user typed it (an alias such as --pool, not --subjects).
                return parse(text, (r.Parent as System.CommandLine.Parsing.OptionResult)?.IdentifierToken?.Value ?? name);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                r.AddError(ErrorText.OneLine(ex));
                return default!;
            }
        };
        if (completions is not null) option.CompletionSources.Add(completions.Split('|'));
        return option;
    }
}
