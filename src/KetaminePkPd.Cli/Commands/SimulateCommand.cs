using KetaminePkPd.Application;
using SimulationReport = KetaminePkPd.Application.Reporting.SimulationReport;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd simulate</c>: declares the options, lets <see cref="CommandLineText.ResolveSimulation"/> default and check them,
/// simulates, and writes the library's report or JSON, the time-course CSV and the figures (<c>--data</c>: <see cref="DataSetCommand"/>).
/// </summary>
internal sealed class SimulateCommand : CliCommand
{
    private readonly Option<Drug?> _drug = SharedOptions.Drug();
    private readonly Option<string?> _model = FileRoles.Input(SharedOptions.Parsed<string?>("--model", Parsing.ModelTokens, SharedOptions.Model().Description +
        " With --data also advan1..advan12 or a model file (.json).", (t, _) => t, Parsing.ModelTokens));
    private readonly Option<Route?> _route = SharedOptions.Route();
    private readonly Option<Dose?> _dose = SharedOptions.Dose();
    private readonly Option<TimeSpan?> _infusion = SharedOptions.Infusion();
    private readonly Option<DoseRate?> _rate = SharedOptions.Rate();
    private readonly Option<int?> _repeat = SharedOptions.Parsed<int?>("--repeat", "count",
        $"Number of administrations, 1 to {DosingRegimen.MaxAdministrations}, each --interval after the previous one. [default: 1]",
        (t, n) => Parsing.ParseCount(t, n, 1, DosingRegimen.MaxAdministrations));
    private readonly Option<TimeSpan?> _interval = SharedOptions.Interval();
    private readonly Option<double?> _weight = SharedOptions.Weight(), _age = SharedOptions.Age();
    private readonly Option<Ancestry?> _ancestry = SharedOptions.Ancestry();
    private readonly Option<TimeSpan?> _until = SharedOptions.Until(), _step = SharedOptions.Step();
    private readonly Option<SolverMethod?> _solver = SharedOptions.Solver();
    private readonly Option<string?> _parameters = SharedOptions.Parameters();
    private readonly Option<string?> _out = SharedOptions.Out("file.csv",
        "Also write every output time to this CSV file (columns in docs/outputs.md: time_h, parent_ng_per_ml, metabolite_ng_per_ml, " +
        "cadss, madrs_change (negative = improvement), amount_<compartment>_mg, eliminated_mg, input_mg; numbers with 10 significant digits). " +
        "Replaced atomically; a failed run leaves no file. [default: none]");
    private readonly Option<bool> _json = SharedOptions.Json("Print one JSON object (keys in docs/outputs.md, ## simulate) to stdout instead of the readable summary.");
    private readonly Option<bool> _timeCourse = new("--time-course") { Description = "With --json: add timeCourse, every output time as columns (timeH, parentNgPerMl, metaboliteNgPerMl, cadss, madrsChange)." };
    private readonly Option<bool> _quiet = SharedOptions.Quiet();
    private readonly Option<string?> _plot = PlotOptions.Create("--plot",
        "Write a figure of the plasma concentrations against time: the parent drug (solid) and its metabolite (dashed), over --until.");
    private readonly Option<bool> _log = new("--log") { Description = "Draw the --plot concentration axis on a log scale. Needs --plot." };
    private readonly Option<string?> _plotEffects = PlotOptions.Create("--plot-effects",
        "Write a figure of both effects against time: dissociation (CADSS points, left axis) and the antidepressant drug effect (MADRS points, negative = improvement, right axis).");
    private readonly Option<string?> _plotHysteresis = PlotOptions.Create("--plot-hysteresis",
        "Write the hysteresis figure of dissociation over the first 4 h (every 30 s): CADSS against the plasma concentration (a loop, as the effect site lags plasma) and against the effect-site concentration (a clockwise loop from the acute tolerance: less dissociation at the same effect-site concentration on the way down).");
    private readonly DataSetCommand _dataSet = new();

    public SimulateCommand()
        : base("simulate",
            "Simulate plasma concentrations of ketamine or esketamine and its metabolite in one subject, and the two effects " +
            "they drive: dissociation (CADSS points, sigmoid Emax) and the antidepressant drug effect (change in MADRS points, " +
            "negative = improvement; PROVISIONAL calibration). Prints exposure metrics, peak effects and a table over time. " +
            $"Without options: a {Subject.TypicalAdult.WeightKg:0} kg adult, racemic ketamine {SimulationSetup.DefaultRacemicDose} IV over " +
            $"{Durations.Format(SimulationSetup.DefaultInfusion)} (the antidepressant infusion), {Durations.Format(SimulationOptions.Default.Until)}, " +
            $"{PkParameterSet.DefaultFor(Drug.RacemicKetamine).Key} model, typical effect parameters.")
    {
        Add(_drug, _model, _route, _dose, _infusion, _rate, _repeat, _interval, _weight, _age, _ancestry, _until, _step, _solver, _parameters, _out, _json, _timeCourse, _quiet, _plot, _log, _plotEffects, _plotHysteresis);
        _dataSet.AddTo(Command);
    }

    protected override int Execute(CommandContext ctx)
    {
        if (_dataSet.Handles(ctx.Parse))
            return _dataSet.Execute(ctx, ctx.Get(_model), ctx.Get(_out), ctx.Get(_json), ctx.Get(_step), [_drug, _route, _dose, _infusion, _rate, _repeat,
                _interval, _weight, _age, _ancestry, _until, _solver, _parameters, _plot, _log, _plotEffects, _plotHysteresis, _timeCourse]);
        if (_dataSet.Own.FirstOrDefault(o => ctx.Parse.GetResult(o) is { Implicit: false }) is { } own)
            throw new ArgumentException($"{own.Name} applies to a data set; give --data events.csv too.");
        var setup = Resolve(ctx);
        if (ctx.Get(_log) && ctx.Get(_plot) is null) throw new ArgumentException("--log applies to the --plot figure; give --plot file.png (or .svg) too.");
        if (ctx.Get(_timeCourse) && !ctx.Get(_json)) throw new ArgumentException("--time-course adds the time course to the JSON; give --json too (or --out file.csv).");
        // Open every output first: a bad path fails before any work, and a failure later leaves no file.
        using var files = ctx.Outputs();
        var csv = files.Open(ctx.Get(_out), "--out");
        var plot = files.Open(ctx.Get(_plot), "--plot");
        var plotEffects = files.Open(ctx.Get(_plotEffects), "--plot-effects");
        var plotHysteresis = files.Open(ctx.Get(_plotHysteresis), "--plot-hysteresis");
        var result = setup.Simulate();
        var plots = new[] { plot, plotEffects, plotHysteresis }.OfType<AtomicFile>().Select(f => f.Path).ToList();
        string json = SimulationReport.ToJson(setup, result, csv?.Path, plots, ctx.Get(_timeCourse));
        if (csv is not null) SimulationReport.TimeCourse(result).WriteCsv(csv.Stream);
        if (plot is not null) OutputFiles.WritePlot(plot, Charts.Concentrations([(SimulationReport.ShortLabel(setup), result.Pk)], ctx.Get(_log),
            title: $"Plasma concentrations: {Vocabulary.Name(setup.Drug)}, {setup.ParameterSet.Key} model, {Formatting.Plain(setup.Subject.WeightKg, 1)} kg"));
        if (plotEffects is not null) OutputFiles.WritePlot(plotEffects, Charts.Effects(result, title: $"Dissociation and antidepressant drug effect: {SimulationReport.ShortLabel(setup)}"));
        if (plotHysteresis is not null)
            OutputFiles.WritePlot(plotHysteresis, Charts.Hysteresis(setup.SimulateHysteresis()));
        files.CommitAll();
        ctx.Emit(ctx.Get(_json), () => json, () => SimulationReport.Build(setup, result, csv?.Path), plots);
        return CliErrors.Success;
    }

    /// <summary>Reads the options into a checked <see cref="SimulationSetup"/>, cheaply, before anything is simulated or written.</summary>
    /// <exception cref="ArgumentException">A bad value or combination; the message names the option.</exception>
    internal SimulationSetup Resolve(CommandContext ctx)
    {
        var subject = Subject.TypicalAdult;
        if (ctx.Get(_weight) is { } weight) subject = subject with { WeightKg = weight };
        if (ctx.Get(_age) is { } age) subject = subject with { AgeYears = age };
        if (ctx.Get(_ancestry) is { } ancestry) subject = subject with { Ancestry = ancestry };
        var options = SimulationOptions.Default;
        if (ctx.Get(_until) is { } until) options = Parsing.Wrap("--until", Durations.Format(until), () => options with { Until = until });
        if (ctx.Get(_step) is { } step) options = Parsing.Wrap("--step", Durations.Format(step), () => options with { OutputStep = step });
        if (ctx.Get(_solver) is { } solver) options = options with { Method = solver };
        var model = ctx.Get(_model) is { } m ? PkParameterSet.Parse(m, "--model") : null;
        string? doseText = ctx.Parse.GetResult(_dose)?.Tokens.FirstOrDefault()?.Value;
        return ParameterFile.Apply(CommandLineText.ResolveSimulation(ctx.Get(_drug), model, ctx.Get(_route), ctx.Get(_dose), ctx.Get(_infusion), ctx.Get(_rate),
            ctx.Get(_repeat) ?? 1, ctx.Get(_interval), subject, options, doseText), ParameterFile.ReadOptional(ctx.Get(_parameters)));
    }
}
