using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Comparisons;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd compare</c>: routes and regimens side by side for a typical patient (exposure, dissociation and the
/// antidepressant drug effect), with the range of every number that rests on an uncertain input, and optionally
/// population bands.
/// </summary>
internal sealed class CompareCommand
{
    /// <summary>Examples shown at the end of <c>compare --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd compare",
        "ketamine-pkpd compare --population 300 --plot compare.png --plot-effects compare-effects.svg",
        "ketamine-pkpd compare --arm \"drug=esketamine route=intranasal dose=84mg\" --arm \"drug=racemic route=iv dose=0.5mg/kg infusion=40min\"",
        "ketamine-pkpd compare --arm \"route=intranasal dose=100mg f=0.3 name=racemic_IN_100mg\" --threshold 50ng/mL --json",
        "ketamine-pkpd compare --arm \"drug=esketamine route=intranasal dose=56mg sessions=8 interval=3.5d\" --out arms.csv",
    ];

    /// <summary>The CSV columns and JSON keys of the metrics, for the help texts.</summary>
    public const string MetricNames = "cmax_ng_per_ml, tmax_h, auc0_24_ng_h_per_ml, time_above_h, peak_cadss, peak_cadss_time_h, " +
        "cadss_below4_after_h (empty = not back under 4 within 7 d, 0 = never above 4), madrs_change_4h, madrs_change_1d, madrs_change_7d";

    private readonly Option<string[]> _arms = new("--arm")
    {
        HelpName = "\"key=value ...\"",
        Description = "One arm, as key=value pairs in one quoted argument; repeat the option for more arms (they replace the " +
            "defaults). Keys: drug (racemic|esketamine), model (" + Parsing.ModelTokens + "), route (" + Parsing.RouteTokens +
            ", required), dose (free base with unit, e.g. 0.5mg/kg, 84mg, 50mg-hcl; required; intranasal esketamine in whole " +
            "28 mg devices), infusion (IV duration, e.g. 40min; none = bolus), sessions (1 to 1000) and interval (e.g. 3.5d), " +
            "f (bioavailability of the route as a fraction, e.g. 0.3, where the model has one), name (display name, " +
            "underscores for spaces). [default: five arms: racemic 0.5 mg/kg IV over 40 min; esketamine intranasal 56 mg " +
            "and 84 mg; racemic intranasal 50 mg; racemic IM 0.5 mg/kg]",
    };
    private readonly Option<string?> _weight = CommonOptions.Weight();
    private readonly Option<string?> _age = CommonOptions.Age();
    private readonly Option<string?> _threshold = new("--threshold")
    {
        HelpName = "conc",
        Description = "Plasma concentration of the parent drug for 'time above', with its unit: ng/mL (a bare number), " +
            "mg/L, ug/mL or nmol/mL, e.g. 100ng/mL. [default: 100ng/mL]",
    };
    private readonly Option<string?> _population = new("--population")
    {
        HelpName = "count",
        Description = "Also simulate this many virtual patients per arm, 0 to 100000 (docs/model.md section 4.4 variability in PK and " +
            "effects; the same patients in every arm), and report the 5th percentile, median and 95th percentile of every " +
            "metric; the plots then show 5-95% bands. Progress goes to stderr. [default: 0, typical patient only]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a figure of the parent plasma concentration of every arm over the first 12 h (median and 5-95% band with " +
        "--population, the typical patient otherwise), with the --threshold level marked.");
    private readonly Option<string?> _plotEffects = PlotOptions.Create("--plot-effects",
        "Write one figure with two panels, one above the other: dissociation (CADSS points) over the first 6 h, with " +
        "CADSS 4 marked, and the antidepressant drug effect (MADRS points, negative = improvement) over 7 days, every arm " +
        "in each (bands with --population).", 2 * OutputFiles.PanelHeight);
    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "file.csv",
        Description = "Also write one row per arm to this CSV file: arm, drug, model, route, dose, dose_mg, infusion_h, " +
            "sessions, interval_h, threshold_ng_per_ml, the typical patient's " + MetricNames + ", then uncertain_parameter, " +
            "uncertain_value, uncertain_low, uncertain_high, uncertain_source and every metric at the low and high end " +
            "(<metric>_at_low, <metric>_at_high; empty without an uncertain input), with --population also <metric>_p5, " +
            "<metric>_median, <metric>_p95, and provisional_parameters. Invariant culture; replaced atomically, a failed run " +
            "leaves no file. [default: none]",
    };
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object to stdout instead of the tables: subject, thresholdNgPerMl, populationSize, " +
            "seed, arms (name, drug, model, route, dose, doseMg, typical metrics, uncertain input, atLow, atHigh, population " +
            "p5/median/p95, provisionalParameters), provisionalEffectParameters, metric notes, modelVersion, a command line " +
            "that reproduces the run, and the files written.",
    };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    public CompareCommand()
    {
        Command = new Command("compare",
            "Compare routes and regimens side by side for a typical patient: parent Cmax, Tmax, AUC0-24 and time above a " +
            "concentration, peak dissociation (CADSS) and when it is back under 4, and the antidepressant drug effect at " +
            "4 h, 1 d and 7 d (MADRS points, negative = improvement; drug effect only, no placebo or rating noise). A number " +
            "that rests on an uncertain input (e.g. racemic intranasal bioavailability, 11-45%) is marked and shown with " +
            "its value at both ends of the range. Without options: a 70 kg adult, five arms (racemic 0.5 mg/kg IV over " +
            "40 min; esketamine intranasal 56 mg and 84 mg; racemic intranasal 50 mg; racemic IM 0.5 mg/kg), 7 days. " +
            "PROVISIONAL effect calibration.")
        {
            _arms, _weight, _age, _threshold, _population, _seed, _plot, _plotEffects, _out, _json, _quiet,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var inputs = Resolve(parseResult);
            // Open every output first: a bad path fails before any work, and a failure later leaves no file.
            using var files = new OutputFiles();
            var plot = files.Open(inputs.PlotPath, "--plot");
            var plotEffects = files.Open(inputs.PlotEffectsPath, "--plot-effects");
            var csv = files.Open(inputs.OutPath, "--out");
            bool show = !inputs.Quiet && inputs.Options.PopulationSize > 0 && (!inputs.Json || ProgressDisplay.IsTerminal(stderr));
            var result = ProgressDisplay.Run(stderr, show, "Simulating", progress => RouteComparison.Run(inputs.Arms, inputs.Options, progress));
            var json = CompareReport.ToJson(inputs, result, csv?.Path, [.. new[] { plot, plotEffects }.OfType<AtomicFile>().Select(f => f.Path)]);
            if (csv is not null) CompareReport.WriteCsv(result, csv.Stream);
            if (plot is not null) OutputFiles.WritePlot(plot, CompareReport.ConcentrationPlot(result));
            if (plotEffects is not null) OutputFiles.WritePanels(plotEffects, CompareReport.EffectPanels(result));
            files.CommitAll();
            if (inputs.Json) JsonOutput.Write(json, stdout);
            else ConsoleOutput.Render(stdout, console => CompareReport.WriteSummary(console, inputs, result, json));
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options, cheaply, before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal CompareInputs Resolve(ParseResult p)
    {
        var subject = Subject.TypicalAdult;
        if (p.GetValue(_weight) is { } weight) subject = subject with { WeightKg = Parsing.ParseWeightKg(weight) };
        if (p.GetValue(_age) is { } age) subject = subject with { AgeYears = Parsing.ParseAgeYears(age) };
        var options = ComparisonOptions.Default with { Subject = subject };
        if (p.GetValue(_threshold) is { } threshold) options = options with { Threshold = Parsing.ParseConcentration(threshold, "--threshold") };
        if (p.GetValue(_population) is { } population) options = options with { PopulationSize = Parsing.ParseCount(population, "--population", 0, 100_000) };
        if (p.GetValue(_seed) is { } seed) options = options with { Seed = Parsing.ParseSeed(seed) };
        string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
        string? plotEffects = PlotOptions.Check(p.GetValue(_plotEffects), "--plot-effects");

        var specs = p.GetValue(_arms) ?? [];
        List<ComparisonArm> arms = specs.Length == 0 ? [.. ComparisonArm.Defaults] : [.. specs.Select(ParseArm)];
        var duplicate = arms.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"--arm: {duplicate.Count()} arms are named '{duplicate.Key}'; add name=... to tell them apart.");
        foreach (var (arm, i) in arms.Select((a, i) => (a, i)))
        {
            // Nasal sprays come in whole devices (esketamine: 28 mg); check now rather than inside the simulation.
            var route = arm.Model.CreateModel(subject).GetRoute(arm.Administration.Route);
            double mg = arm.Administration.Dose.ToMilligrams(subject.WeightKg);
            if (route.Devices is { } devices && mg > 0)
                Parsing.Wrap("--arm", specs.Length == 0 ? arm.Name : specs[i], () => devices.DeviceCount(mg));
        }
        return new CompareInputs([.. arms], specs.Length > 0 ? specs : null, options, plot, plotEffects, p.GetValue(_out), p.GetValue(_json), p.GetValue(_quiet));
    }

    /// <summary>Parses one <c>--arm</c> value, with the library's message behind the option and the text.</summary>
    /// <exception cref="ArgumentException">A token that is not key=value, an unknown or repeated key (named), a missing route or dose, or a bad value.</exception>
    internal static ComparisonArm ParseArm(string spec)
    {
        try
        {
            return ComparisonArm.Parse(spec);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            string message = CliErrors.WithoutArgumentDetails(CliErrors.OneLine(ex));
            string prefix = $"arm '{spec}': ";
            if (message.StartsWith(prefix, StringComparison.Ordinal)) message = message[prefix.Length..];
            throw new ArgumentException($"--arm '{spec}': {message}");
        }
    }
}

/// <summary>Everything <c>compare</c> needs, parsed, defaulted and checked; built by <see cref="CompareCommand.Resolve"/>.</summary>
/// <param name="Arms">The arms, in order.</param>
/// <param name="ArmSpecs">The --arm texts, or null for the defaults.</param>
/// <param name="Options">Subject, threshold, population size and seed.</param>
/// <param name="PlotPath">The --plot path, or null.</param>
/// <param name="PlotEffectsPath">The --plot-effects path, or null.</param>
/// <param name="OutPath">The --out path, or null.</param>
/// <param name="Json">True for JSON output.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record CompareInputs(IReadOnlyList<ComparisonArm> Arms, IReadOnlyList<string>? ArmSpecs, ComparisonOptions Options, string? PlotPath,
    string? PlotEffectsPath, string? OutPath, bool Json, bool Quiet)
{
    /// <summary>A command line that reproduces this run (without the output options).</summary>
    public string Reproduce()
    {
        var parts = new List<string> { CliApp.Name, "compare" };
        if (ArmSpecs is not null) parts.AddRange(ArmSpecs.Select(s => $"--arm {TrialInputs.Quote(s)}"));
        var d = ComparisonOptions.Default;
        var o = Options;
        if (o.Subject.WeightKg != d.Subject.WeightKg) parts.Add($"--weight {Parsing.Plain(o.Subject.WeightKg)}kg");
        if (o.Subject.AgeYears != d.Subject.AgeYears) parts.Add($"--age {Parsing.Plain(o.Subject.AgeYears)}");
        if (o.Threshold != d.Threshold) parts.Add($"--threshold {Parsing.Plain(o.Threshold.NanogramsPerMilliliter)}ng/mL");
        if (o.PopulationSize != 0) parts.Add($"--population {o.PopulationSize.ToString(CultureInfo.InvariantCulture)}");
        if (o.Seed != d.Seed) parts.Add($"--seed {o.Seed.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', parts);
    }
}
