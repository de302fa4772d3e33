using System.Globalization;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The one-patient panel's controls as data, and what they ask the library for: a <see cref="ComparisonArm"/> of one
/// administration run by <see cref="ComparisonResult.Run"/> for one patient of the chosen weight (the same call as the
/// CLI's <c>compare</c>, so the page's numbers are the library's). Immutable.
/// </summary>
internal sealed record PatientSettings
{
    /// <summary>Slider range of a dose in mg/kg.</summary>
    public const double MinMgPerKg = 0.05, MaxMgPerKg = 2, StepMgPerKg = 0.05;

    /// <summary>Slider range of a dose in mg (routes without spray devices).</summary>
    public const double MinMg = 5, MaxMg = 300, StepMg = 5;

    /// <summary>Largest number of spray devices offered.</summary>
    public const int MaxDevices = 4;

    /// <summary>Weight slider range, kg.</summary>
    public const double MinWeightKg = 10, MaxWeightKg = 150;

    /// <summary>Infusion duration slider range, min.</summary>
    public const double MinInfusionMinutes = 1, MaxInfusionMinutes = 120;

    /// <summary>PK parameter set key (<see cref="PkParameterSet.Get"/>). Default Domino 1982.</summary>
    public string ModelKey { get; init; } = PkParameterSet.Domino.Key;

    /// <summary>Route. Default an IV infusion.</summary>
    public RouteChoice Route { get; init; } = RouteChoice.IntravenousInfusion;

    /// <summary>Infusion duration, min (IV infusion only). Default 40.</summary>
    public double InfusionMinutes { get; init; } = 40;

    /// <summary>True for a dose in mg/kg, false for mg. Default mg/kg.</summary>
    public bool PerKilogram { get; init; } = true;

    /// <summary>The dose, in mg/kg or mg as <see cref="PerKilogram"/> says. Default 0.5 mg/kg (the NIMH dose).</summary>
    public double DoseValue { get; init; } = 0.5;

    /// <summary>Number of sessions (repeated doses), 1 to <see cref="MaxSessions"/>. Default 1.</summary>
    public int Sessions { get; init; } = 1;

    /// <summary>Hours between sessions' starts, <see cref="MinIntervalH"/> to <see cref="MaxIntervalH"/>. Default 24 (daily).</summary>
    public double IntervalHours { get; init; } = 24;

    /// <summary>Largest number of sessions offered (all must start within the 7-day course).</summary>
    public const int MaxSessions = 8;

    /// <summary>Interval slider range, h (twice a day to twice a week), and its step.</summary>
    public const double MinIntervalH = 12, MaxIntervalH = 84, StepIntervalH = 12;

    /// <summary>Body weight, kg. Default 70.</summary>
    public double WeightKg { get; init; } = 70;

    /// <summary>Typical values the user changed, canonical "NAME=value;..." sorted by name (empty: the published values).
    /// A string keeps the record's value equality; <see cref="WithParameter"/> and <see cref="Overrides"/> read and write it.</summary>
    public string ParameterText { get; init; } = "";

    /// <summary>The changed typical values, by parameter name.</summary>
    public IReadOnlyList<(string Name, double Value)> Overrides => Read(ParameterText);

    /// <summary>Typical values of the effect models the user changed, canonical "NAME=value;..." sorted by name (empty: the
    /// library's calibration, <see cref="EffectParameterSet.Default"/>); kept when the PK model changes.</summary>
    public string EffectText { get; init; } = "";

    /// <summary>The changed effect typical values, by parameter name.</summary>
    public IReadOnlyList<(string Name, double Value)> EffectOverrides => Read(EffectText);

    /// <summary>The effect parameters: the library's calibration with the changed typical values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A changed value outside its parameter's range (the message names it).</exception>
    public EffectParameterSet Effects => EffectOverrides.Aggregate(EffectParameterSet.Default, (set, o) => set.WithParameter(o.Name, o.Value));

    /// <summary>The published parameter set of <see cref="ModelKey"/>.</summary>
    public PkParameterSet Published => PkParameterSet.Get(ModelKey);

    /// <summary>The parameter set: the published one with the changed typical values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A changed value outside its parameter's range (the message names it).</exception>
    public PkParameterSet Model => Overrides.Aggregate(Published, (set, o) => set.WithParameter(o.Name, o.Value));

    /// <summary>The same settings with one typical value changed (or restored when equal to the published value).</summary>
    /// <exception cref="ArgumentException">No such parameter in the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the parameter's range.</exception>
    public PatientSettings WithParameter(string name, double value)
    {
        var parameter = Published[name];
        parameter.WithValue(value);   // validates the range, naming the parameter
        return this with { ParameterText = Write(ParameterText, parameter.Name, value, parameter.Value) };
    }

    /// <summary>The same settings with one typical value of the effect models changed (or restored when equal to the library's).</summary>
    /// <exception cref="ArgumentException">No such effect parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the parameter's range.</exception>
    public PatientSettings WithEffectParameter(string name, double value)
    {
        var parameter = EffectParameterSet.Default[name];
        parameter.WithValue(value);   // validates the range, naming the parameter
        return this with { EffectText = Write(EffectText, parameter.Name, value, parameter.Value) };
    }

    /// <summary>The pairs of a canonical "NAME=value;..." text.</summary>
    private static List<(string Name, double Value)> Read(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .Select(p => (p[0], double.Parse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture)))];

    /// <summary>A canonical text with <paramref name="name"/> set to <paramref name="value"/>, or removed when it equals the reference value.</summary>
    private static string Write(string text, string name, double value, double reference)
    {
        var rest = Read(text).Where(o => !string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        var all = value == reference ? rest : rest.Append((name, value));
        return string.Join(";", all.OrderBy(o => o.Item1, StringComparer.Ordinal).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Item1}={o.Item2:R}")));
    }

    /// <summary>The library route of <see cref="Route"/>.</summary>
    public Route LibraryRoute => ToLibrary(Route);

    /// <summary>The routes the chosen model supports, as menu entries.</summary>
    public IReadOnlyList<RouteChoice> AvailableRoutes =>
        [.. Enum.GetValues<RouteChoice>().Where(c => Model.Routes.Contains(ToLibrary(c)))];

    /// <summary>The spray devices of the chosen route (esketamine nasal: 28 mg each), or null when any dose can be given.</summary>
    public IntranasalDevices? Devices => Model.CreateModel(Subject).GetRoute(LibraryRoute).Devices;

    /// <summary>The patient: a typical adult of the chosen weight.</summary>
    public Subject Subject => KetaminePkPd.Subject.TypicalAdult with { WeightKg = WeightKg };

    /// <summary>The dose.</summary>
    public Dose Dose => PerKilogram ? Dose.FromMilligramsPerKilogram(DoseValue) : Dose.FromMilligrams(DoseValue);

    /// <summary>The dose in mg for this patient.</summary>
    public double DoseMg => Dose.ToMilligrams(WeightKg);

    /// <summary>The administration.</summary>
    public Administration Administration => Route switch
    {
        RouteChoice.IntravenousInfusion => Administration.IntravenousInfusion(Dose, TimeSpan.FromMinutes(InfusionMinutes)),
        RouteChoice.IntravenousBolus => Administration.IntravenousBolus(Dose),
        _ => Administration.Create(LibraryRoute, Dose),
    };

    /// <summary>The library's arm for these settings.</summary>
    public ComparisonArm Arm => new(Describe(), Model, Administration, Sessions, TimeSpan.FromHours(IntervalHours));

    /// <summary>Most sessions that start within the 7-day course at this interval.</summary>
    public int SessionsThatFit => Math.Min(MaxSessions, 1 + (int)Math.Floor((168 - 12) / IntervalHours + 1e-9));

    /// <summary>The same settings with <paramref name="sessions"/> sessions every <paramref name="intervalHours"/> h, made to fit the 7-day course.</summary>
    public PatientSettings WithSessions(int sessions, double intervalHours)
    {
        double interval = Math.Clamp(Math.Round(intervalHours / StepIntervalH) * StepIntervalH, MinIntervalH, MaxIntervalH);
        var next = this with { IntervalHours = interval };
        return next with { Sessions = Math.Clamp(sessions, 1, next.SessionsThatFit) };
    }

    /// <summary>Runs the library for these settings: the typical patient over 7 days (and at both ends of an uncertain bioavailability).</summary>
    public ArmComparison Simulate() =>
        ComparisonResult.Run([Arm], new ComparisonOptions { Subject = Subject, Parallel = false, Effects = Effects }).Arms[0];

    /// <summary>The same settings on another model, with the route and dose made valid for it (first supported route; whole devices in mg).</summary>
    public PatientSettings WithModel(string key)
    {
        var next = this with { ModelKey = key, ParameterText = "" };
        if (!next.AvailableRoutes.Contains(next.Route)) next = next with { Route = next.AvailableRoutes[0] };
        return next.Normalised();
    }

    /// <summary>The same settings on another route, with the dose made valid for it.</summary>
    public PatientSettings WithRoute(RouteChoice route) => (this with { Route = route }).Normalised();

    /// <summary>The same dose in the other unit (mg/kg or mg), rounded to the slider's step.</summary>
    public PatientSettings WithPerKilogram(bool perKilogram)
    {
        if (perKilogram == PerKilogram) return this;
        double value = perKilogram ? DoseMg / WeightKg : DoseMg;
        return (this with { PerKilogram = perKilogram, DoseValue = value }).Normalised();
    }

    /// <summary>Slider bounds of the dose: (min, max, step) in the dose's unit.</summary>
    public (double Min, double Max, double Step) DoseRange => Devices is { } d
        ? (d.DeviceMg, MaxDevices * d.DeviceMg, d.DeviceMg)
        : PerKilogram ? (MinMgPerKg, MaxMgPerKg, StepMgPerKg) : (MinMg, MaxMg, StepMg);

    /// <summary>Whole devices in mg where the route has devices; the dose clamped to its slider and rounded to its step.</summary>
    private PatientSettings Normalised()
    {
        var s = Devices is not null && PerKilogram ? this with { PerKilogram = false, DoseValue = DoseMg } : this;
        var (min, max, step) = s.DoseRange;
        double value = Math.Clamp(Math.Round(s.DoseValue / step) * step, min, max);
        return s with { DoseValue = Math.Round(value, 6) };
    }

    /// <summary>A short description, e.g. "Domino 1982 ..., IV infusion 0.5 mg/kg over 40 min, 70 kg".</summary>
    public string Describe()
    {
        string how = Route switch
        {
            RouteChoice.IntravenousInfusion => string.Create(CultureInfo.InvariantCulture, $"IV infusion over {InfusionMinutes:0} min"),
            RouteChoice.IntravenousBolus => "IV bolus",
            _ => Label(Route),
        };
        string repeat = Sessions > 1 ? string.Create(CultureInfo.InvariantCulture, $", {Sessions} sessions every {IntervalHours:0} h") : "";
        string edited = string.Join(";", new[] { ParameterText, EffectText }.Where(t => t.Length > 0));
        string changed = edited.Length > 0 ? $", changed {edited.Replace(";", ", ", StringComparison.Ordinal)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Dose} {how}{repeat}, {WeightKg:0} kg{changed}");
    }

    /// <summary>The settings as a URL query (model, route, infusion, unit, dose, weight), so a link reproduces them.</summary>
    public string ToQuery() => string.Create(CultureInfo.InvariantCulture,
        $"model={ModelKey}&route={Route}&infusion={InfusionMinutes:R}&unit={(PerKilogram ? "mgkg" : "mg")}&dose={DoseValue:R}&weight={WeightKg:R}&sessions={Sessions}&interval={IntervalHours:R}") +
        string.Concat(Overrides.Select(o => string.Create(CultureInfo.InvariantCulture, $"&p.{o.Name}={o.Value:R}"))) +
        string.Concat(EffectOverrides.Select(o => string.Create(CultureInfo.InvariantCulture, $"&e.{o.Name}={o.Value:R}")));

    /// <summary>Settings read from a URL query: known keys with valid values override the defaults; anything else is
    /// ignored (a hand-edited link never breaks the page), and the result is made valid like a control change would.</summary>
    public static PatientSettings FromQuery(string? query)
    {
        var s = new PatientSettings();
        var pairs = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => Uri.UnescapeDataString(p[0]).ToLowerInvariant(), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        if (pairs.TryGetValue("lesson", out var lesson) && Lessons.Find(lesson) is { } l) s = l.Settings;
        if (pairs.TryGetValue("model", out var model) && PkParameterSet.Keys.Contains(model, StringComparer.OrdinalIgnoreCase))
            s = s.WithModel(PkParameterSet.Get(model).Key);
        if (pairs.TryGetValue("route", out var route) && Enum.TryParse<RouteChoice>(route, true, out var r) && Enum.IsDefined(r) && s.AvailableRoutes.Contains(r))
            s = s.WithRoute(r);
        if (Number(pairs, "infusion") is { } minutes) s = s with { InfusionMinutes = Math.Clamp(Math.Round(minutes), MinInfusionMinutes, MaxInfusionMinutes) };
        if (pairs.TryGetValue("unit", out var unit) && unit is "mgkg" or "mg") s = s.WithPerKilogram(unit == "mgkg");
        if (Number(pairs, "weight") is { } kg) s = s with { WeightKg = Math.Clamp(Math.Round(kg), MinWeightKg, MaxWeightKg) };
        if (Number(pairs, "dose") is { } dose) s = (s with { DoseValue = dose }).Normalised();
        foreach (var (key, text) in pairs.Where(p => p.Key.StartsWith("p.", StringComparison.Ordinal)))
        {
            if (Fmt.Parse(text) is not { } v) continue;
            try { s = s.WithParameter(key[2..], v); }
            catch (ArgumentException) { }   // an unknown name or a value out of range in a hand-edited link: ignored
        }
        foreach (var (key, text) in pairs.Where(p => p.Key.StartsWith("e.", StringComparison.Ordinal)))
        {
            if (Fmt.Parse(text) is not { } v) continue;
            try { s = s.WithEffectParameter(key[2..], v); }
            catch (ArgumentException) { }
        }
        if (Number(pairs, "sessions") is { } n && Number(pairs, "interval") is { } h && n < 1e6) s = s.WithSessions((int)n, h);
        return s;
    }

    private static double? Number(Dictionary<string, string> pairs, string key) => pairs.TryGetValue(key, out var text) ? Fmt.Parse(text) : null;

    /// <summary>Menu label of a route.</summary>
    public static string Label(RouteChoice route) => route switch
    {
        RouteChoice.IntravenousInfusion => "IV infusion",
        RouteChoice.IntravenousBolus => "IV bolus",
        RouteChoice.Intranasal => "intranasal",
        RouteChoice.Intramuscular => "intramuscular (IM)",
        RouteChoice.Oral => "oral",
        RouteChoice.Sublingual => "sublingual",
        _ => "subcutaneous",
    };

    private static Route ToLibrary(RouteChoice c) => c switch
    {
        RouteChoice.IntravenousInfusion or RouteChoice.IntravenousBolus => KetaminePkPd.Route.Intravenous,
        RouteChoice.Intranasal => KetaminePkPd.Route.Intranasal,
        RouteChoice.Intramuscular => KetaminePkPd.Route.Intramuscular,
        RouteChoice.Oral => KetaminePkPd.Route.Oral,
        RouteChoice.Sublingual => KetaminePkPd.Route.Sublingual,
        _ => KetaminePkPd.Route.Subcutaneous,
    };
}
