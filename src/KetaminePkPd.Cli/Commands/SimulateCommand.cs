using System.CommandLine;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd simulate</c>: one subject, one regimen, one model; the plasma concentrations drive the two effect
/// models (dissociation, antidepressant response) with their typical parameters; prints a summary (or JSON) and optionally
/// writes every output time to a CSV file.
/// </summary>
internal sealed class SimulateCommand
{
    /// <summary>Examples shown at the end of <c>simulate --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd simulate",
        "ketamine-pkpd simulate --dose 35mg --infusion 40min --weight 82kg --out ketamine.csv",
        "ketamine-pkpd simulate --drug esketamine --dose 84mg --repeat 8 --interval 3.5d --until 28d",
        "ketamine-pkpd simulate --route im --dose 0.5mg/kg --until 6h --step 1min --json",
        "ketamine-pkpd simulate --model herd --weight 25kg --dose 1mg/kg --infusion 0",
        "ketamine-pkpd simulate --plot concentrations.png --log --plot-effects effects.svg --plot-hysteresis hysteresis.png",
        .. DataSetCommand.Examples,
    ];

    private readonly DataSetCommand _dataSet = new();

    private readonly Option<string?> _drug = CommonOptions.Drug();
    private readonly Option<string?> _model = CommonOptions.Model();
    private readonly Option<string?> _route = CommonOptions.Route();
    private readonly Option<string?> _dose = CommonOptions.Dose();
    private readonly Option<string?> _infusion = CommonOptions.Infusion();
    private readonly Option<string?> _rate = CommonOptions.Rate();
    private readonly Option<int> _repeat = CommonOptions.Repeat();
    private readonly Option<string?> _interval = CommonOptions.Interval();
    private readonly Option<string?> _weight = CommonOptions.Weight();
    private readonly Option<string?> _age = CommonOptions.Age();
    private readonly Option<string?> _ancestry = CommonOptions.Ancestry();
    private readonly Option<string?> _until = CommonOptions.Until();
    private readonly Option<string?> _step = CommonOptions.Step();
    private readonly Option<string?> _solver = CommonOptions.Solver();
    private readonly Option<string?> _out = CommonOptions.Out();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a figure of the plasma concentrations against time: the parent drug (solid) and its metabolite (dashed), over --until.");
    private readonly Option<bool> _log = new("--log")
    {
        Description = "Draw the --plot concentration axis on a log scale (shows the distribution and elimination phases as straight-ish lines). Needs --plot.",
    };
    private readonly Option<string?> _plotEffects = PlotOptions.Create("--plot-effects",
        "Write a figure of both effects against time: dissociation (CADSS points, left axis) and the antidepressant drug effect (MADRS points, negative = improvement, right axis).");
    private readonly Option<string?> _plotHysteresis = PlotOptions.Create("--plot-hysteresis",
        "Write the hysteresis figure of dissociation over the first 4 h (simulated every 30 s): CADSS against the plasma concentration (an anticlockwise loop, as the effect site lags plasma) and against the effect-site concentration (no loop).");

    public SimulateCommand()
    {
        Command = new Command("simulate",
            "Simulate plasma concentrations of ketamine or esketamine and its metabolite in one subject, and the two effects " +
            "they drive: dissociation (CADSS points, sigmoid Emax) and the antidepressant drug effect (change in MADRS points, " +
            "negative = improvement; PROVISIONAL calibration). Prints exposure metrics, peak effects and a table over time. " +
            "Without options: a 70 kg adult, racemic ketamine 0.5 mg/kg IV over 40 min (the antidepressant infusion), 24 h, " +
            "Domino model, typical effect parameters.")
        {
            _drug, _model, _route, _dose, _infusion, _rate, _repeat, _interval,
            _weight, _age, _ancestry, _until, _step, _solver, _out, _json, _plot, _log, _plotEffects, _plotHysteresis,
        };
        _dataSet.AddTo(Command);
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        if (_dataSet.Handles(parseResult))
            return _dataSet.Execute(parseResult, _model, _out, _json, _step, [_drug, _route, _dose, _infusion, _rate, _repeat, _interval, _weight, _age, _ancestry,
                _until, _solver, _plot, _log, _plotEffects, _plotHysteresis]);
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var inputs = Resolve(parseResult);
            // Open every output first: a bad path fails before any work, and a failure later leaves no file.
            using var files = new OutputFiles();
            var file = files.Open(inputs.OutPath, "--out");
            var plot = files.Open(inputs.PlotPath, "--plot");
            var plotEffects = files.Open(inputs.PlotEffectsPath, "--plot-effects");
            var plotHysteresis = files.Open(inputs.PlotHysteresisPath, "--plot-hysteresis");
            var effects = EffectParameterSet.Default;
            var model = new PkPdModel(inputs.Model, [effects.Dissociation(inputs.Drug), effects.Antidepressant(inputs.Drug)]);
            var result = PkPdSimulator.Simulate(model, inputs.Regimen, inputs.Options);
            var plots = new[] { plot, plotEffects, plotHysteresis }.OfType<AtomicFile>().Select(f => f.Path).ToList();
            var json = SimulationReport.ToJson(inputs, result, file?.Path) with { PlotFiles = plots };
            if (file is not null) CsvOutput.Write(result, file.Stream);
            if (plot is not null) OutputFiles.WritePlot(plot, SimulationReport.ConcentrationPlot(inputs, result));
            if (plotEffects is not null) OutputFiles.WritePlot(plotEffects, KetaminePkPd.Plotting.Charts.Effects(result, title: $"Dissociation and antidepressant drug effect: {SimulationReport.ShortLabel(inputs)}"));
            if (plotHysteresis is not null)
            {
                // The loop needs a finer grid than the tabulated output: the first 4 h again, every 30 s.
                var fine = PkPdSimulator.Simulate(model, inputs.Regimen, inputs.Options with { Until = TimeSpan.FromHours(4), OutputStep = TimeSpan.FromSeconds(30) });
                OutputFiles.WritePlot(plotHysteresis, KetaminePkPd.Plotting.Charts.Hysteresis(fine));
            }
            files.CommitAll();
            if (inputs.Json) JsonOutput.Write(json, stdout);
            else
            {
                ConsoleOutput.Render(stdout, console => SimulationReport.WriteSummary(console, inputs, result, file?.Path));
                if (plots.Count > 0) stdout.WriteLine($"Plots: {string.Join(", ", plots)}.");
            }
            return CliErrors.Success;
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }

    /// <summary>Reads, defaults and checks the options, cheaply, before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal SimulateInputs Resolve(ParseResult p)
    {
        var (drug, set) = Parsing.ResolveDrugAndModel(p.GetValue(_drug), p.GetValue(_model));
        string? doseText = p.GetValue(_dose), rateText = p.GetValue(_rate), infusionText = p.GetValue(_infusion), routeText = p.GetValue(_route);
        if (doseText is not null && rateText is not null)
            throw new ArgumentException("--dose and --rate exclude each other: give the total dose (--dose) or a rate run for --infusion (--rate).");

        var route = routeText is not null ? Parsing.ParseRoute(routeText)
            : infusionText is not null || rateText is not null || drug == Drug.RacemicKetamine ? Route.Intravenous
            : Route.Intranasal;
        if (!set.Routes.Contains(route))
            throw new ArgumentException($"--route {Parsing.RouteToken(route)}: model {set.Key} ({Parsing.DrugName(set.Drug)}) does not support this route; " +
                $"it supports {string.Join(", ", set.Routes.Select(Parsing.RouteToken))}.");
        if (route != Route.Intravenous && infusionText is not null)
            throw new ArgumentException($"--infusion applies to --route iv only, got --route {Parsing.RouteToken(route)}.");
        if (route != Route.Intravenous && rateText is not null)
            throw new ArgumentException($"--rate applies to --route iv only, got --route {Parsing.RouteToken(route)}.");

        var subject = Subject.TypicalAdult;
        if (p.GetValue(_weight) is { } weight) subject = subject with { WeightKg = Parsing.ParseWeightKg(weight) };
        if (p.GetValue(_age) is { } age) subject = subject with { AgeYears = Parsing.ParseAgeYears(age) };
        if (p.GetValue(_ancestry) is { } ancestry) subject = subject with { Ancestry = Parsing.ParseAncestry(ancestry) };

        var infusion = infusionText is not null ? Parsing.ParseDuration(infusionText, "--infusion")
            : route == Route.Intravenous ? TimeSpan.FromMinutes(40) : TimeSpan.Zero;
        DoseRate? rate = null;
        Administration first;
        if (rateText is not null)
        {
            var r = Parsing.ParseRate(rateText);
            rate = r;
            if (infusion <= TimeSpan.Zero) throw new ArgumentException("--rate needs a positive --infusion duration (e.g. 40min).");
            first = Parsing.Wrap("--rate", rateText, () => Administration.IntravenousInfusion(r, infusion));
        }
        else
        {
            var dose = doseText is not null ? Parsing.ParseDose(doseText)
                : drug == Drug.Esketamine ? KetaminePkPd.Dose.FromMilligrams(56) : KetaminePkPd.Dose.FromMilligramsPerKilogram(0.5);
            first = Parsing.Wrap("--infusion", infusionText ?? Durations.Format(infusion), () => Administration.Create(route, dose, infusion));
        }

        var model = set.CreateModel(subject);
        // Nasal sprays come in whole devices (esketamine: 28 mg); check now rather than inside the simulation.
        if (model.GetRoute(route).Devices is { } devices && first.Dose.ToMilligrams(subject.WeightKg) > 0)
            Parsing.Wrap("--dose", doseText ?? first.Dose.ToString(), () => devices.DeviceCount(first.Dose.ToMilligrams(subject.WeightKg)));

        int count = p.GetValue(_repeat);
        string? intervalText = p.GetValue(_interval);
        if (count > 1 && intervalText is null)
            throw new ArgumentException($"--repeat {count} needs --interval, the time between doses (e.g. --interval 3.5d).");
        if (count <= 1 && intervalText is not null)
            throw new ArgumentException("--interval is used only with --repeat greater than 1.");
        var interval = intervalText is null ? TimeSpan.Zero : Parsing.ParseDuration(intervalText, "--interval");
        if (intervalText is not null && interval <= TimeSpan.Zero)
            throw new ArgumentException($"--interval '{intervalText}': must be longer than zero.");
        var regimen = Parsing.Wrap("--repeat", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            () => DosingRegimen.Repeated(first, count, interval));

        var options = SimulationOptions.Default;
        if (p.GetValue(_until) is { } until)
            options = Parsing.Wrap("--until", until, () => options with { Until = Parsing.ParseDuration(until, "--until") });
        if (p.GetValue(_step) is { } step)
            options = Parsing.Wrap("--step", step, () => options with { OutputStep = Parsing.ParseDuration(step, "--step") });
        if (p.GetValue(_solver) is { } solver) options = options with { Method = Parsing.ParseSolver(solver) };
        // Counts the output times (and fails on too many) before any file is opened.
        string? stepGiven = p.GetValue(_step), untilGiven = p.GetValue(_until);
        if (stepGiven is not null) Parsing.Wrap("--step", stepGiven, options.OutputTimesH);
        else if (untilGiven is not null)
            Parsing.Wrap("--until", untilGiven, () => Parsing.Wrap("--step", Durations.Format(options.OutputStep), options.OutputTimesH));
        else options.OutputTimesH();

        string? plotPath = PlotOptions.Check(p.GetValue(_plot), "--plot");
        if (p.GetValue(_log) && plotPath is null) throw new ArgumentException("--log applies to the --plot figure; give --plot file.png (or .svg) too.");
        return new SimulateInputs(drug, set, model, route, subject, first, doseText, rate, count, interval, regimen, options, p.GetValue(_out), p.GetValue(_json))
        {
            PlotPath = plotPath,
            LogScale = p.GetValue(_log),
            PlotEffectsPath = PlotOptions.Check(p.GetValue(_plotEffects), "--plot-effects"),
            PlotHysteresisPath = PlotOptions.Check(p.GetValue(_plotHysteresis), "--plot-hysteresis"),
        };
    }
}
