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
        "ICU patients; herd = Herd 2007, children, IV only; perez-ruixo = Perez-Ruixo 2021, esketamine + noresketamine. " +
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
        "Intravenous infusion duration with its unit (e.g. 40min, 2h), up to 7d; 0 gives a bolus. IV only. [default: 40min for iv]");

    public static Option<string?> Rate() => Text("--rate", "rate",
        "Intravenous infusion by rate instead of --dose, with its unit: mg/h or mg/kg/h (also mg/min, mg/kg/min), run for the " +
        "--infusion duration (e.g. --rate 0.75mg/kg/h --infusion 40min). IV only; not with --dose.");

    public static Option<int> Repeat() => new("--repeat")
    {
        HelpName = "count",
        Description = "Number of administrations, 1 to 10000, each --interval after the previous one.",
        DefaultValueFactory = _ => 1,
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
        "Also write every output time to this CSV file: time_h, parent_ng_per_ml, metabolite_ng_per_ml, then " +
        "amount_<compartment>_mg per compartment, eliminated_mg, input_mg. Invariant culture, round-trippable numbers. The " +
        "file is replaced atomically; a failed run leaves no file. [default: none]");

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object (drug, model, route, doseMg, weightKg, parent and metabolite exposure metrics, ...) " +
            "to stdout instead of the readable summary.",
    };

    private static Option<string?> Text(string name, string helpName, string description, string[]? completions = null)
    {
        var option = new Option<string?>(name) { HelpName = helpName, Description = description };
        if (completions is not null) option.CompletionSources.Add(completions);
        return option;
    }
}
