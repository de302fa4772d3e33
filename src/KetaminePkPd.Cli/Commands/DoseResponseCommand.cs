using System.CommandLine;
using System.Globalization;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd dose-response</c>: both effects along a log-spaced dose sweep for one route, the half-maximal
/// doses, and the correlation between dissociation and improvement that dose alone produces in a virtual population.
/// </summary>
internal sealed class DoseResponseCommand
{
    /// <summary>Runs with a population show progress on stderr (unless --quiet).</summary>
    public const int DefaultPopulation = 600;

    /// <summary>Rows of the readable table (the sweep may hold more doses; --out writes all).</summary>
    public const int TableRows = 10;

    /// <summary>Examples shown at the end of <c>dose-response --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd dose-response",
        "ketamine-pkpd dose-response --from 0.1mg/kg --to 1mg/kg --steps 12 --plot dose-response.png --plot-scatter dose-alone.svg",
        "ketamine-pkpd dose-response --route im --from 0.1mg/kg --to 2mg/kg --json",
        "ketamine-pkpd dose-response --drug esketamine --route iv --from 0.05mg/kg --to 0.8mg/kg --out sweep.csv",
        "ketamine-pkpd dose-response --drug esketamine --route intranasal --from 28mg --to 112mg --steps 3",
    ];

    private readonly Option<string?> _drug = CommonOptions.Drug();
    private readonly Option<string?> _model = CommonOptions.Model();
    private readonly Option<string?> _route = new("--route")
    {
        HelpName = Parsing.RouteTokens,
        Description = "Route of every dose of the sweep. domino and hijazi take all six; herd takes iv; perez-ruixo takes iv, " +
            "intranasal, oral. Intranasal esketamine comes in whole 28 mg devices, so its sweep must land on whole devices " +
            "(e.g. --from 28mg --to 112mg --steps 3 gives 28, 56, 112 mg); any other is an error before anything runs. " +
            "[default: iv]",
    };
    private readonly Option<string?> _infusion = new("--infusion")
    {
        HelpName = "duration",
        Description = "Intravenous infusion duration of every dose, with its unit (e.g. 40min, 2h), up to 7d; 0 gives a bolus. " +
            "IV only. [default: 40min]",
    };
    private readonly Option<string?> _from = new("--from")
    {
        HelpName = "dose",
        Description = "Lowest dose of the sweep, free base with its unit: mg/kg (e.g. 0.05mg/kg) or mg (e.g. 28mg); the same " +
            "kind as --to. [default: 0.05mg/kg]",
    };
    private readonly Option<string?> _to = new("--to")
    {
        HelpName = "dose",
        Description = "Highest dose of the sweep, above --from and the same kind (mg/kg or mg). [default: 1.5mg/kg]",
    };
    private readonly Option<string?> _steps = new("--steps")
    {
        HelpName = "count",
        Description = "Doses in the sweep, 2 to 1000, log-spaced from --from to --to. [default: 30]",
    };
    private readonly Option<string?> _population = new("--population")
    {
        HelpName = "count",
        Description = "Virtual patients given doses across the sweep (spread evenly, at least one per dose), 0 to 100000, under " +
            "the exposure-only hypothesis: nothing but dose and exposure links dissociation and improvement. Their CADSS at " +
            "40 min against % change at day 1 gives the correlation that dose alone produces. 0 skips it. [default: 600]",
    };
    private readonly Option<string?> _seed = CommonOptions.Seed();
    private readonly Option<string?> _weight = new("--weight")
    {
        HelpName = "kg",
        Description = "Body weight of the typical patient of the curves, in kg (e.g. 70kg; a bare number is read as kg), in " +
            "(0, 300]; sets mg/kg doses. The virtual population has its own weights (docs/model.md section 4.4). [default: 70kg]",
    };
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write the dose-response figure: peak dissociation (CADSS, left axis) and day-1 improvement (MADRS points, right " +
        "axis) of the typical patient against dose (log scale), with both half-maximal doses marked.");
    private readonly Option<string?> _plotScatter = PlotOptions.Create("--plot-scatter",
        "Write the population figure: each virtual patient's CADSS at 40 min against their improvement at day 1 (% of " +
        "baseline), with the least-squares line and r. Needs --population above 0.");
    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "file.csv",
        Description = "Also write one row per dose to this CSV file: dose, dose_unit (mg/kg or mg), dose_mg (for the typical " +
            "patient), peak_cadss (CADSS points), day1_improvement_madrs (antidepressant drug effect at 24 h as an " +
            "improvement, MADRS points, positive = better), cmax_ng_per_ml. Invariant culture; replaced atomically, a " +
            "failed run leaves no file. [default: none]",
    };
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print one JSON object to stdout instead of the tables: settings, points (every dose), halfMaximal " +
            "(doses and their definition), population (r, CI, p, improvementR, partial r given exposure and given dose, " +
            "reading), signConvention, provisionalParameters, modelVersion, a command line that reproduces the run, files written.",
    };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    public DoseResponseCommand()
    {
        Command = new Command("dose-response",
            "Sweep the dose for one route: peak dissociation (CADSS) and the day-1 antidepressant drug effect of a typical " +
            "patient at each dose, the dose at which each effect reaches half of its largest value in the sweep, and, in " +
            "virtual patients given doses across the sweep with nothing but dose and exposure linking the two effects, the " +
            "correlation between dissociation and improvement that this alone produces. Without options: racemic ketamine " +
            "IV over 40 min, 0.05 to 1.5 mg/kg in 30 log-spaced doses, a 70 kg patient, 600 virtual patients, seed 1. " +
            "PROVISIONAL effect calibration. Progress goes to stderr when there is a population.")
        {
            _drug, _model, _route, _infusion, _from, _to, _steps, _population, _seed, _weight, _plot, _plotScatter, _out, _json, _quiet,
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
            using var files = new OutputFiles();
            var plot = files.Open(inputs.PlotPath, "--plot");
            var scatter = files.Open(inputs.PlotScatterPath, "--plot-scatter");
            var csv = files.Open(inputs.OutPath, "--out");
            bool show = !inputs.Quiet && inputs.Settings.PopulationSize > 0 && (!inputs.Json || ProgressDisplay.IsTerminal(stderr));
            var result = ProgressDisplay.Run(stderr, show, "Simulating", progress => DoseResponse.Run(inputs.Settings, progress));
            var json = DoseResponseReport.ToJson(inputs, result, csv?.Path, [.. new[] { plot, scatter }.OfType<AtomicFile>().Select(f => f.Path)]);
            if (csv is not null) DoseResponseReport.WriteCsv(result, csv.Stream);
            if (plot is not null) OutputFiles.WritePlot(plot, KetaminePkPd.Plotting.Charts.DoseResponse(result));
            if (scatter is not null) OutputFiles.WritePlot(scatter, DoseResponseReport.ScatterPlot(result));
            files.CommitAll();
            if (inputs.Json) JsonOutput.Write(json, stdout);
            else ConsoleOutput.Render(stdout, console => DoseResponseReport.WriteSummary(console, inputs, result, json));
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options, cheaply, before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal DoseResponseInputs Resolve(ParseResult p)
    {
        var (drug, set) = Parsing.ResolveDrugAndModel(p.GetValue(_drug), p.GetValue(_model));
        string? routeText = p.GetValue(_route), infusionText = p.GetValue(_infusion);
        var route = routeText is null ? Route.Intravenous : Parsing.ParseRoute(routeText);
        if (!set.Routes.Contains(route))
            throw new ArgumentException($"--route {Parsing.RouteToken(route)}: model {set.Key} ({Parsing.DrugName(set.Drug)}) does not support this route; " +
                $"it supports {string.Join(", ", set.Routes.Select(Parsing.RouteToken))}.");
        if (route != Route.Intravenous && infusionText is not null)
            throw new ArgumentException($"--infusion applies to --route iv only, got --route {Parsing.RouteToken(route)}.");
        var infusion = infusionText is null ? TimeSpan.FromMinutes(40) : Parsing.ParseDuration(infusionText, "--infusion");

        var defaults = DoseResponseSettings.Default;
        var subject = Subject.TypicalAdult;
        if (p.GetValue(_weight) is { } weight) subject = subject with { WeightKg = Parsing.ParseWeightKg(weight) };
        string? fromText = p.GetValue(_from), toText = p.GetValue(_to);
        var from = fromText is null ? defaults.From : Parsing.ParseDose(fromText, "--from");
        var to = toText is null ? defaults.To : Parsing.ParseDose(toText, "--to");
        int steps = p.GetValue(_steps) is { } s ? Parsing.ParseCount(s, "--steps", 2, 1000) : defaults.Steps;
        int population = p.GetValue(_population) is { } n ? Parsing.ParseCount(n, "--population", 0, 100_000) : DefaultPopulation;
        ulong seed = p.GetValue(_seed) is { } seedText ? Parsing.ParseSeed(seedText) : defaults.Seed;
        if (from.IsPerKilogram != to.IsPerKilogram)
            throw new ArgumentException($"--from {from} and --to {to} must both be mg/kg or both be mg.");
        if (from.Value >= to.Value)
            throw new ArgumentException($"--from {from} must be below --to {to}.");

        var settings = Parsing.Wrap("--infusion", infusionText ?? "40min", () => defaults with
        {
            Model = set,
            Route = route,
            Infusion = infusion,
            Steps = steps,
            PopulationSize = population,
            Subject = subject,
            Seed = seed,
        });
        settings = Parsing.Wrap("--from", fromText ?? from.ToString(), () => settings.WithDoses(from, to));
        var doses = settings.Doses();
        // Every dose must be something a patient can be given: an infusion within limits, whole nasal devices.
        foreach (var dose in doses)
            Parsing.Wrap("--infusion", infusionText ?? "40min", () => Administration.Create(route, dose, route == Route.Intravenous ? infusion : TimeSpan.Zero));
        if (set.CreateModel(subject).GetRoute(route).Devices is { } devices)
        {
            string whole = $"--route intranasal with {Parsing.DrugName(drug)}: every dose must be a whole number of {Formatting.Plain(devices.DeviceMg)} mg devices";
            string advice = "Use a sweep that lands on whole devices, e.g. --from 28mg --to 112mg --steps 3 (28, 56, 112 mg), or compare " +
                "doses with 'ketamine-pkpd compare --arm \"drug=esketamine route=intranasal dose=28mg\" --arm ...'.";
            if (from.IsPerKilogram)
                throw new ArgumentException($"{whole}, so give --from and --to in mg, not mg/kg (the virtual patients' weights differ). {advice}");
            foreach (var dose in doses)
            {
                try
                {
                    devices.DeviceCount(dose.ToMilligrams(subject.WeightKg));
                }
                catch (ArgumentException)
                {
                    throw new ArgumentException($"{whole}, but the {steps} log-spaced doses from {from} to {to} include " +
                        $"{Formatting.Plain(dose.ToMilligrams(subject.WeightKg), 2)} mg. {advice}");
                }
            }
        }
        string? plot = PlotOptions.Check(p.GetValue(_plot), "--plot");
        string? scatter = PlotOptions.Check(p.GetValue(_plotScatter), "--plot-scatter");
        if (scatter is not null && population == 0)
            throw new ArgumentException("--plot-scatter draws the virtual population, but --population is 0; give --population 600 (or more than 0).");
        if (scatter is not null && Math.Max(population, steps) < 4)
            throw new ArgumentException($"--plot-scatter needs at least 4 virtual patients for a scatter with a fitted line, got --population {population}.");
        return new DoseResponseInputs(drug, settings, fromText is not null || toText is not null, infusionText is not null,
            p.GetValue(_population) is not null, plot, scatter, p.GetValue(_out), p.GetValue(_json), p.GetValue(_quiet));
    }
}

/// <summary>Everything <c>dose-response</c> needs, parsed, defaulted and checked; built by <see cref="DoseResponseCommand.Resolve"/>.</summary>
/// <param name="Drug">The drug.</param>
/// <param name="Settings">The sweep to run.</param>
/// <param name="DosesGiven">True when --from or --to was given.</param>
/// <param name="InfusionGiven">True when --infusion was given.</param>
/// <param name="PopulationGiven">True when --population was given.</param>
/// <param name="PlotPath">The --plot path, or null.</param>
/// <param name="PlotScatterPath">The --plot-scatter path, or null.</param>
/// <param name="OutPath">The --out path, or null.</param>
/// <param name="Json">True for JSON output.</param>
/// <param name="Quiet">True to hide progress.</param>
internal sealed record DoseResponseInputs(Drug Drug, DoseResponseSettings Settings, bool DosesGiven, bool InfusionGiven, bool PopulationGiven,
    string? PlotPath, string? PlotScatterPath, string? OutPath, bool Json, bool Quiet)
{
    /// <summary>A command line that reproduces this run (without the output options).</summary>
    public string Reproduce()
    {
        var d = DoseResponseSettings.Default;
        var s = Settings;
        var parts = new List<string> { CliApp.Name, "dose-response" };
        if (s.Model.Key != d.Model.Key) parts.Add($"--model {s.Model.Key}");
        if (s.Route != d.Route) parts.Add($"--route {Parsing.RouteToken(s.Route)}");
        if (s.Route == Route.Intravenous && s.Infusion != d.Infusion) parts.Add($"--infusion {(s.Infusion == TimeSpan.Zero ? "0" : Durations.Format(s.Infusion))}");
        if (s.From != d.From || s.To != d.To)
            parts.Add($"--from {Token(s.From)} --to {Token(s.To)}");
        if (s.Steps != d.Steps) parts.Add($"--steps {s.Steps.ToString(CultureInfo.InvariantCulture)}");
        if (s.PopulationSize != DoseResponseCommand.DefaultPopulation) parts.Add($"--population {s.PopulationSize.ToString(CultureInfo.InvariantCulture)}");
        if (s.Seed != d.Seed) parts.Add($"--seed {s.Seed.ToString(CultureInfo.InvariantCulture)}");
        if (s.Subject.WeightKg != d.Subject.WeightKg) parts.Add($"--weight {Parsing.Plain(s.Subject.WeightKg)}kg");
        return string.Join(' ', parts);
    }

    /// <summary>A dose as an option value: <c>0.05mg/kg</c>, <c>28mg</c>.</summary>
    public static string Token(Dose dose) => Parsing.Plain(dose.Value) + (dose.IsPerKilogram ? "mg/kg" : "mg");
}
