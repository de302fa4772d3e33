using System.CommandLine;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// Factories for the options several commands share, so that their names, value names and help texts agree. Each call
/// returns a new option (an option belongs to one command). Values are read as text and parsed by <see cref="Parsing"/>,
/// so that every bad value gives one <c>error:</c> line naming the option.
/// </summary>
internal static class CommonOptions
{
    public static Option<string?> Drug() => Text("--drug", Parsing.DrugTokens,
        "Drug given: racemic (R,S)-ketamine or esketamine (S-ketamine). [default: racemic, or the drug of --model]",
        Parsing.DrugTokens.Split('|'));

    public static Option<string?> Model() => Text("--model", Parsing.ModelTokens,
        "Pharmacokinetic model (literature parameter set): domino = Domino 1982, adults, 3-compartment; hijazi = Hijazi 2003, " +
        "ICU patients; clements = Clements 1981, 2-compartment, venous-like peaks, CL and Vss within Kamp 2020; herd = Herd 2007, children, IV only; perez-ruixo = Perez-Ruixo 2021, esketamine + noresketamine. " +
        "A model of the other drug than --drug is an error. [default: domino for racemic, perez-ruixo for esketamine]",
        Parsing.ModelTokens.Split('|'));

    public static Option<string?> Route() => Text("--route", Parsing.RouteTokens,
        "Route of administration. domino and hijazi take all six; herd takes iv; perez-ruixo takes iv, intranasal, oral. " +
        "[default: iv for racemic and whenever --infusion or --rate is given, intranasal for esketamine]",
        Parsing.RouteTokens.Split('|'));

    public static Option<string?> Dose() => Text("--dose", "dose",
        "Dose per administration as free base, with its unit: mg/kg (e.g. 0.5mg/kg), mg (e.g. 35mg) or mg-hcl " +
        "(hydrochloride salt, converted to base). Intranasal esketamine is given as 28 mg devices, so its dose must be a " +
        "multiple of 28 mg. [default: 0.5mg/kg for racemic, 56mg for esketamine]");

    public static Option<string?> Infusion() => Text("--infusion", "duration",
        "Intravenous infusion duration with its unit (e.g. 40min, 2h), up to 7d; 0 or none gives a bolus. IV only. [default: 40min for iv]");

    public static Option<string?> Rate() => Text("--rate", "rate",
        "Intravenous infusion by rate instead of --dose, with its unit: mg/h or mg/kg/h (also mg/min, mg/kg/min), run for the " +
        "--infusion duration (e.g. --rate 0.75mg/kg/h --infusion 40min). IV only; not with --dose.");

    public static Option<int> Repeat() => new("--repeat")
    {
        HelpName = "count",
        Description = "Number of administrations, 1 to 10000, each --interval after the previous one.",
        DefaultValueFactory = _ => 1,
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= DosingRegimen.MaxAdministrations)
                return n;
            r.AddError($"--repeat '{CliErrors.Excerpt(text)}': expected a whole number of administrations from 1 to {DosingRegimen.MaxAdministrations}");
            return 1;
        },
    };

    public static Option<string?> Interval() => Text("--interval", "duration",
        "Time between the starts of repeated administrations, with its unit (e.g. 12h, 3.5d). Required when --repeat > 1.");

    public static Option<string?> Weight() => Text("--weight", "kg",
        "Body weight in kg, e.g. 70kg (a bare number is read as kg), in (0, 300]. Sets mg/kg doses and weight-scaled parameters. [default: 70kg]");

    public static Option<string?> Age() => Text("--age", "years",
        "Age in years, 0 to 120 (e.g. 45 or 45y). A covariate of perez-ruixo (hepatic blood flow falls above 60 y). [default: 45]");

    public static Option<string?> Ancestry() => Text("--ancestry", Parsing.AncestryTokens,
        "Ancestry, a covariate of perez-ruixo only (asian: slower hepatic elimination; japanese: also more nasal absorption). [default: non-asian]",
        Parsing.AncestryTokens.Split('|'));

    public static Option<string?> Until() => Text("--until", "duration",
        "Simulated time from the first dose, with its unit (e.g. 6h, 24h, 28d), up to 10 years. [default: 24h]");

    public static Option<string?> Step() => Text("--step", "duration",
        "Spacing of the output times (CSV rows), with its unit (e.g. 1min, 5min, 1h), at least 1s and at most 1,000,000 outputs. [default: 5min]");

    public static Option<string?> Solver() => Text("--solver", Parsing.SolverTokens,
        "Solver: exact = matrix exponential of the linear model; dopri5 = adaptive Dormand-Prince 5(4); rodas4 = adaptive " +
        "Rosenbrock (stiff). All agree to about 1e-6. [default: exact]",
        Parsing.SolverTokens.Split('|'));

    public static Option<string?> Out() => Text("--out", "file.csv",
        "Also write every output time to this CSV file: time_h, parent_ng_per_ml, metabolite_ng_per_ml, cadss (CADSS " +
        "points), madrs_change (antidepressant drug effect, MADRS points, negative = improvement), then " +
        "amount_<compartment>_mg per compartment, eliminated_mg, input_mg. Invariant culture, round-trippable numbers. The " +
        "file is replaced atomically; a failed run leaves no file. [default: none]");

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object (drug, model, route, doseMg, weightKg, parent and metabolite exposure metrics, " +
            "dissociation {peakCadss, peakTimeH}, antidepressant {maxEffectMadrs, maxEffectTimeH}, provisional parameters, ...) " +
            "to stdout instead of the readable summary.",
    };

    public static Option<string?> Design() => Text("--design", "design",
        "Trial design: nimh, dose-ranging, esketamine-intranasal, twice-weekly, or a JSON scenario file (nimh|dose-ranging|" +
        "esketamine-intranasal|twice-weekly|file.json). nimh = Luckenbaugh 2014's NIMH trial: racemic ketamine 0.5 mg/kg IV " +
        "over 40 min, 108 patients, CADSS at 40 min, HDRS-17 at 230 min, 1 d, 3 d, 7 d (Domino PK); dose-ranging = Fava " +
        "2018: placebo and 0.1, 0.2, 0.5, 1.0 mg/kg over 40 min, 20 patients each, MADRS; esketamine-intranasal = 56 mg and " +
        "84 mg once, 100 patients each (Perez-Ruixo PK), MADRS at 4 h, 1 d, 3 d, 7 d; twice-weekly = esketamine 56 mg twice " +
        "weekly for 4 weeks, 100 patients, MADRS at days 1, 8, 15, 22, 28. A scenario file has the keys name, drug, model, " +
        "scale, cadssAt, assessments, arms, population, parameters, clinical, hypothesis; an error in it names its JSON " +
        "path, e.g. $.arms[0].dose. [default: nimh]",
        [.. KetaminePkPd.Trials.DesignChoice.Keys]);

    public static Option<string?> Rho() => Text("--rho", "-1..1",
        "Strength of shared-sensitivity: the correlation of the individual log C50 of dissociation and log EC50 of the " +
        "antidepressant effect, in [-1, 1]. PROVISIONAL illustration. [default: 0.7]");

    public static Option<string?> Share() => Text("--share", "0..1",
        "Strength of mediation: the share of the antidepressant plasticity signal driven by the dissociation itself " +
        "instead of by the drug concentration, in [0, 1]. PROVISIONAL illustration. [default: 0.5]");

    public static Option<string?> Threshold() => Text("--threshold", "CADSS",
        "Expectancy: peak CADSS (points, 0 to 92) above which a patient notices dissociation. Around 20 fits the " +
        "letter's 'about 1 in 5' with significant dissociation. [default: 20]");

    public static Option<string?> Boost() => Text("--boost", "MADRS",
        "Expectancy: extra placebo improvement (MADRS points, 0 to 60) of a patient who noticed dissociation; scaled to " +
        "the design's rating scale. PROVISIONAL illustration. [default: 6]");

    public static Option<string?> Seed() => Text("--seed", "seed",
        "Seed of every random draw, a whole number in [0, 2^64-1]. The same seed gives the same result on any machine " +
        "and core count. [default: 1]");

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Do not show progress. Progress goes to stderr only, never to stdout; with --json it is shown only " +
            "when stderr is a terminal, so redirected output stays clean.",
    };

    private static Option<string?> Text(string name, string helpName, string description, string[]? completions = null)
    {
        var option = new Option<string?>(name) { HelpName = helpName, Description = description };
        if (completions is not null) option.CompletionSources.Add(completions);
        return option;
    }
}
