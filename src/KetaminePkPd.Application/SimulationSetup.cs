using System.Globalization;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application;

/// <summary>
/// One subject, one regimen, one PK model and the default effects (<see cref="PkPdModel.Default"/>): everything a
/// single simulation needs, defaulted and checked, built by <see cref="Resolve(Drug?, PkParameterSet?, Route?, Dose?, TimeSpan?, DoseRate?, int, TimeSpan?, Subject?, SimulationOptions?, string?)"/>. Run it with <see cref="Simulate"/>;
/// describe it with <c>KetaminePkPd.Application.Reporting.SimulationReport</c>.
/// </summary>
public sealed class SimulationSetup
{
    /// <summary>The default racemic ketamine dose: 0.5 mg/kg, the antidepressant infusion.</summary>
    public static readonly Dose DefaultRacemicDose = Dose.FromMilligramsPerKilogram(0.5);

    /// <summary>The default esketamine dose: 56 mg (two 28 mg nasal devices).</summary>
    public static readonly Dose DefaultEsketamineDose = Dose.FromMilligrams(56);

    /// <summary>The default intravenous infusion duration: 40 min.</summary>
    public static readonly TimeSpan DefaultInfusion = TimeSpan.FromMinutes(40);

    private SimulationSetup(Drug drug, PkParameterSet set, Subject subject, Administration first, DoseRate? rate, int count,
        TimeSpan interval, SimulationOptions options, string? doseText, EffectParameterSet? effects = null)
    {
        Drug = drug;
        ParameterSet = set;
        Subject = subject;
        First = first;
        Rate = rate;
        Count = count;
        Interval = interval;
        Options = options;
        DoseText = doseText;
        PkModel = set.CreateModel(subject);
        Effects = effects ?? EffectParameterSet.Default;
        Model = PkPdModel.Default(PkModel, drug, Effects);
        Regimen = DosingRegimen.Repeated(first, count, interval);
    }

    /// <summary>A copy whose <see cref="Model"/> uses <paramref name="effects"/> instead of the default effect parameters.</summary>
    /// <param name="effects">The effect parameters.</param>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public SimulationSetup WithEffects(EffectParameterSet effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return new SimulationSetup(Drug, ParameterSet, Subject, First, Rate, Count, Interval, Options, DoseText, effects);
    }

    /// <summary>The effect parameters of <see cref="Model"/>: <see cref="EffectParameterSet.Default"/> unless set with <see cref="WithEffects"/>.</summary>
    public EffectParameterSet Effects { get; }

    /// <summary>The drug given.</summary>
    public Drug Drug { get; }

    /// <summary>The literature PK parameter set.</summary>
    public PkParameterSet ParameterSet { get; }

    /// <summary>The subject (weight, age, ancestry).</summary>
    public Subject Subject { get; }

    /// <summary>The route of every administration.</summary>
    public Route Route => First.Route;

    /// <summary>The first administration; the others repeat it every <see cref="Interval"/>.</summary>
    public Administration First { get; }

    /// <summary>The infusion rate when the dose was given as a rate, else null.</summary>
    public DoseRate? Rate { get; }

    /// <summary>The number of administrations, at least 1.</summary>
    public int Count { get; }

    /// <summary>The time between the starts of administrations; zero for one administration.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The output grid and solver.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The dose as the caller wrote it (e.g. <c>50mg-hcl</c>), shown when it names the hydrochloride salt; or null.</summary>
    public string? DoseText { get; }

    /// <summary>The subject's PK model.</summary>
    public PkModel PkModel { get; }

    /// <summary>The PK-PD model: <see cref="PkModel"/> with the default dissociation and antidepressant effects.</summary>
    public PkPdModel Model { get; }

    /// <summary>The dosing regimen.</summary>
    public DosingRegimen Regimen { get; }

    /// <summary>Milligrams of free base per administration, after mg/kg conversion.</summary>
    public double DoseMg => First.Dose.ToMilligrams(Subject.WeightKg);

    /// <summary>Runs the simulation.</summary>
    /// <param name="options">Other output times and solver (e.g. a finer grid for a hysteresis loop); null for <see cref="Options"/>.</param>
    public PkPdSimulationResult Simulate(SimulationOptions? options = null) => Model.Simulate(Regimen, options ?? Options);

    /// <summary>How long a hysteresis loop (effect against concentration) is drawn: the first 4 h after the first dose.</summary>
    public static readonly TimeSpan HysteresisSpan = TimeSpan.FromHours(4);

    /// <summary>The output spacing of a hysteresis loop: 30 s, finer than a table needs, so the loop is smooth.</summary>
    public static readonly TimeSpan HysteresisStep = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the simulation again over the first <see cref="HysteresisSpan"/> every <see cref="HysteresisStep"/> (same
    /// solver), the grid a hysteresis figure of effect against concentration needs.
    /// </summary>
    public PkPdSimulationResult SimulateHysteresis() => Simulate(Options with { Until = HysteresisSpan, OutputStep = HysteresisStep });

    /// <summary>
    /// Applies the defaults and the cross-field rules of a single simulation. The drug follows <paramref name="model"/>
    /// when only the model is given (racemic ketamine when neither is); the model defaults to
    /// <see cref="PkParameterSet.DefaultFor"/>. The route defaults to IV for racemic ketamine or when an infusion or rate is
    /// given, else intranasal; the dose to <see cref="DefaultRacemicDose"/> or <see cref="DefaultEsketamineDose"/>; an IV
    /// infusion lasts <see cref="DefaultInfusion"/> unless given (zero = bolus).
    /// </summary>
    /// <param name="drug">The drug, or null.</param>
    /// <param name="model">The PK parameter set, or null.</param>
    /// <param name="route">The route, or null.</param>
    /// <param name="dose">The dose per administration, or null; not with <paramref name="rate"/>.</param>
    /// <param name="infusion">The IV infusion duration (0 to 7 d), or null; IV only.</param>
    /// <param name="rate">An IV infusion rate run for <paramref name="infusion"/>, or null; not with <paramref name="dose"/>.</param>
    /// <param name="repeat">The number of administrations, 1 or more.</param>
    /// <param name="interval">The time between administrations; required when <paramref name="repeat"/> &gt; 1, else null.</param>
    /// <param name="subject">The subject; null for <see cref="Subject.TypicalAdult"/>.</param>
    /// <param name="options">Output grid and solver; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="doseText">The dose as written, kept for the description (see <see cref="DoseText"/>).</param>
    /// <exception cref="ArgumentException">A value out of range or a bad combination; the message names the parameters
    /// (e.g. <c>rate applies to route iv only</c>).</exception>
    public static SimulationSetup Resolve(Drug? drug = null, PkParameterSet? model = null, Route? route = null, Dose? dose = null,
        TimeSpan? infusion = null, DoseRate? rate = null, int repeat = 1, TimeSpan? interval = null, Subject? subject = null,
        SimulationOptions? options = null, string? doseText = null) =>
        Resolve(drug, model, route, dose, infusion, rate, repeat, interval, subject, options, doseText, static name => name);

    /// <summary><see cref="Resolve(Drug?, PkParameterSet?, Route?, Dose?, TimeSpan?, DoseRate?, int, TimeSpan?, Subject?, SimulationOptions?, string?)"/>
    /// with messages that call each parameter (<c>drug</c>, <c>model</c>, <c>route</c>, <c>dose</c>, <c>infusion</c>, <c>rate</c>,
    /// <c>repeat</c>, <c>interval</c>, <c>until</c>, <c>step</c>) what <paramref name="inputName"/> says (a front end's own words).</summary>
    internal static SimulationSetup Resolve(Drug? drug, PkParameterSet? model, Route? route, Dose? dose, TimeSpan? infusion, DoseRate? rate,
        int repeat, TimeSpan? interval, Subject? subject, SimulationOptions? options, string? doseText, Func<string, string> inputName)
    {
        string N(string name) => inputName(name);
        var set = model ?? PkParameterSet.DefaultFor(drug ?? Drug.RacemicKetamine);
        if (model is not null && drug is { } d && d != set.Drug)
            throw new ArgumentException($"{N("model")} {set.Key} is a model of {Vocabulary.Name(set.Drug)}, but {N("drug")} {Vocabulary.Token(d)} was given; " +
                $"models of {Vocabulary.Name(d)} are {string.Join(", ", PkParameterSet.All.Where(s => s.Drug == d).Select(s => s.Key))}.");
        var theDrug = set.Drug;
        if (dose is not null && rate is not null)
            throw new ArgumentException($"{N("dose")} and {N("rate")} exclude each other: give the total dose ({N("dose")}) or a rate run for {N("infusion")} ({N("rate")}).");
        var theRoute = route ?? (infusion is not null || rate is not null || theDrug == Drug.RacemicKetamine ? Route.Intravenous : Route.Intranasal);
        if (!set.Routes.Contains(theRoute))
            throw new ArgumentException($"{N("route")} {Vocabulary.Token(theRoute)}: model {set.Key} ({Vocabulary.Name(set.Drug)}) does not support this route; " +
                $"it supports {string.Join(", ", set.Routes.Select(Vocabulary.Token))}.");
        if (theRoute != Route.Intravenous && infusion is not null)
            throw new ArgumentException($"{N("infusion")} applies to {N("route")} iv only, got {N("route")} {Vocabulary.Token(theRoute)}.");
        if (theRoute != Route.Intravenous && rate is not null)
            throw new ArgumentException($"{N("rate")} applies to {N("route")} iv only, got {N("route")} {Vocabulary.Token(theRoute)}.");
        var who = subject ?? Subject.TypicalAdult;
        var duration = infusion ?? (theRoute == Route.Intravenous ? DefaultInfusion : TimeSpan.Zero);
        Administration first;
        if (rate is { } r)
        {
            if (duration <= TimeSpan.Zero) throw new ArgumentException($"{N("rate")} needs a positive {N("infusion")} duration (e.g. 40min).");
            first = Named(N("rate"), r.ToString(), () => Administration.IntravenousInfusion(r, duration));
        }
        else
        {
            var amount = dose ?? (theDrug == Drug.Esketamine ? DefaultEsketamineDose : DefaultRacemicDose);
            first = Named(N("infusion"), Durations.Format(duration), () => Administration.Create(theRoute, amount, duration));
        }
        // Nasal sprays come in whole devices (esketamine: 28 mg); check now rather than inside the simulation.
        double mg = first.Dose.ToMilligrams(who.WeightKg);
        if (set.CreateModel(who).GetRoute(theRoute).Devices is { } devices && mg > 0)
            Named(N("dose"), doseText ?? first.Dose.ToString(), () => devices.DeviceCount(mg));
        if (repeat > 1 && interval is null)
            throw new ArgumentException($"{N("repeat")} {repeat} needs {N("interval")}, the time between doses (e.g. {N("interval")} 3.5d).");
        if (repeat <= 1 && interval is not null)
            throw new ArgumentException($"{N("interval")} is used only with {N("repeat")} greater than 1.");
        if (interval is { } i && i <= TimeSpan.Zero)
            throw new ArgumentException($"{N("interval")} '{Durations.Format(i)}': must be longer than zero.");
        var gap = interval ?? TimeSpan.Zero;
        Named(N("repeat"), repeat.ToString(CultureInfo.InvariantCulture), () => DosingRegimen.Repeated(first, repeat, gap));
        var grid = options ?? SimulationOptions.Default;
        // Counts the output times (and fails on too many) before anything is simulated.
        try
        {
            grid.OutputTimesH();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ArgumentException($"{N("until")} {Durations.Format(grid.Until)} with {N("step")} {Durations.Format(grid.OutputStep)} gives more than " +
                $"{SimulationOptions.MaxOutputs:N0} output times; use a longer {N("step")} or a shorter {N("until")}.");
        }
        return new SimulationSetup(theDrug, set, who, first, rate, repeat, gap, grid, doseText);
    }

    /// <summary>Runs <paramref name="build"/>; a failure becomes an <see cref="ArgumentException"/> naming the input and its value.</summary>
    private static T Named<T>(string name, string value, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            string message = ex is ArgumentException { ParamName: { } p } a ? a.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : ex.Message;
            throw new ArgumentException($"{name} '{value}': {message}", ex);
        }
    }
}
