using System.Globalization;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// One arm of a what-if comparison: a drug and model, what is given, and how often. Immutable; parse one from text
/// with <see cref="Parse"/> (<c>drug=esketamine route=intranasal dose=84mg</c>).
/// </summary>
public sealed record ComparisonArm
{
    /// <summary>Creates an arm.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="model">The PK parameter set (with any overrides already applied).</param>
    /// <param name="administration">The first administration (time zero).</param>
    /// <param name="sessions">Number of sessions, in [1, 1000].</param>
    /// <param name="interval">Time between sessions (&gt; 0 when sessions &gt; 1).</param>
    /// <exception cref="ArgumentException">Empty name, a route the model does not support, or bad repetition.</exception>
    public ComparisonArm(string name, PkParameterSet model, Administration administration, int sessions = 1, TimeSpan interval = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(administration);
        if (!model.Routes.Contains(administration.Route))
            throw new ArgumentException($"Arm '{name}': model '{model.Key}' does not support route {administration.Route}; it supports {string.Join(", ", model.Routes)}.", nameof(administration));
        if (sessions < 1 || sessions > 1000) throw new ArgumentOutOfRangeException(nameof(sessions), sessions, $"sessions must be in [1, 1000], got {sessions}.");
        if (sessions > 1) Guard.Positive(interval, nameof(interval));
        Name = name;
        Model = model;
        Administration = administration;
        Sessions = sessions;
        Interval = sessions > 1 ? interval : TimeSpan.Zero;
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>PK parameter set.</summary>
    public PkParameterSet Model { get; }

    /// <summary>The drug.</summary>
    public Drug Drug => Model.Drug;

    /// <summary>The first administration.</summary>
    public Administration Administration { get; }

    /// <summary>Sessions.</summary>
    public int Sessions { get; }

    /// <summary>Time between sessions.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The regimen.</summary>
    public DosingRegimen Regimen => DosingRegimen.Repeated(Administration, Sessions, Interval);

    /// <summary>The default comparison of the what-if command: racemic 0.5 mg/kg IV over 40 min; esketamine intranasal 56 and
    /// 84 mg; racemic intranasal 50 mg; racemic IM 0.5 mg/kg.</summary>
    public static IReadOnlyList<ComparisonArm> Defaults { get; } =
    [
        Parse("drug=racemic route=iv dose=0.5mg/kg infusion=40min"),
        Parse("drug=esketamine route=intranasal dose=56mg"),
        Parse("drug=esketamine route=intranasal dose=84mg"),
        Parse("drug=racemic route=intranasal dose=50mg"),
        Parse("drug=racemic route=im dose=0.5mg/kg"),
    ];

    /// <summary>
    /// Parses <c>key=value</c> pairs separated by spaces. Keys: <c>drug</c> (racemic|esketamine), <c>model</c>
    /// (domino|hijazi|clements|herd|perez-ruixo), <c>route</c> (iv|intranasal|oral|sublingual|im|sc, required), <c>dose</c>
    /// (e.g. 0.5mg/kg or 84mg, required), <c>infusion</c> (IV duration, e.g. 40min), <c>sessions</c> and <c>interval</c>
    /// (repeated dosing), <c>f</c> (bioavailability of the route, a fraction, where the model has a parameter for it),
    /// <c>name</c> (display name; spaces as underscores).
    /// </summary>
    /// <exception cref="FormatException">A token that is not key=value, an unknown key (the message lists the known ones), a repeated key, or a missing route or dose.</exception>
    /// <exception cref="ArgumentException">A value out of range or a combination the model does not support.</exception>
    public static ComparisonArm Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string[] keys = ["drug", "model", "route", "dose", "infusion", "sessions", "interval", "f", "name"];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = token.IndexOf('=');
            if (eq <= 0 || eq == token.Length - 1) throw new FormatException($"arm '{spec}': '{token}' is not key=value.");
            string key = token[..eq].ToLowerInvariant(), value = token[(eq + 1)..];
            if (!keys.Contains(key)) throw new FormatException($"arm '{spec}': unknown key '{key}'; use {string.Join(", ", keys)}.");
            if (!values.TryAdd(key, value)) throw new FormatException($"arm '{spec}': key '{key}' given twice.");
        }
        if (!values.TryGetValue("route", out var routeText)) throw new FormatException($"arm '{spec}': 'route' is required.");
        if (!values.TryGetValue("dose", out var doseText)) throw new FormatException($"arm '{spec}': 'dose' is required.");
        Drug? drug = values.TryGetValue("drug", out var d) ? d.ToLowerInvariant() switch
        {
            "racemic" or "ketamine" => Drug.RacemicKetamine,
            "esketamine" => Drug.Esketamine,
            _ => throw new FormatException($"arm '{spec}': drug '{d}' is unknown; use racemic or esketamine."),
        } : null;
        var model = values.TryGetValue("model", out var m) ? PkModels.Get(m) : PkModels.DefaultFor(drug ?? Drug.RacemicKetamine);
        if (drug is { } dd && model.Drug != dd) throw new ArgumentException($"arm '{spec}': model '{model.Key}' describes {model.Drug}, not {dd}.");
        var route = ParseRoute(routeText, spec);
        var dose = Dose.Parse(doseText);
        var infusion = values.TryGetValue("infusion", out var inf) ? Durations.Parse(inf, "infusion") : TimeSpan.Zero;
        int sessions = values.TryGetValue("sessions", out var s) ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n
            : throw new FormatException($"arm '{spec}': sessions '{s}' is not a whole number.") : 1;
        var interval = values.TryGetValue("interval", out var iv) ? Durations.Parse(iv, "interval") : TimeSpan.Zero;
        if (values.ContainsKey("interval") && sessions <= 1)
            throw new FormatException($"arm '{spec}': 'interval' needs 'sessions' above 1 (got {sessions}).");
        if (values.TryGetValue("f", out var fText))
        {
            if (!double.TryParse(fText, NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
                throw new FormatException($"arm '{spec}': f '{fText}' is not a number.");
            string parameter = model.CreateModel(Subject.TypicalAdult).GetRoute(route).BioavailabilityParameter
                ?? throw new ArgumentException($"arm '{spec}': model '{model.Key}' has no single bioavailability parameter for route {route}.");
            model = model.WithParameter(parameter, f);
        }
        var admin = Administration.Create(route, dose, infusion);
        string name = values.TryGetValue("name", out var nm) ? nm.Replace('_', ' ') : DefaultName(model, admin, sessions, interval);
        return new ComparisonArm(name, model, admin, sessions, interval);
    }

    private static Route ParseRoute(string text, string spec) => text.ToLowerInvariant() switch
    {
        "iv" or "intravenous" => Route.Intravenous,
        "intranasal" or "in" => Route.Intranasal,
        "oral" or "po" => Route.Oral,
        "sublingual" or "sl" => Route.Sublingual,
        "im" or "intramuscular" => Route.Intramuscular,
        "sc" or "subcutaneous" => Route.Subcutaneous,
        _ => throw new FormatException($"arm '{spec}': route '{text}' is unknown; use iv, intranasal, oral, sublingual, im or sc."),
    };

    private static string DefaultName(PkParameterSet model, Administration a, int sessions, TimeSpan interval)
    {
        string drug = model.Drug == Drug.Esketamine ? "esketamine" : "racemic";
        string route = a.Route switch
        {
            Route.Intravenous => "IV", Route.Intranasal => "IN", Route.Oral => "oral", Route.Sublingual => "SL", Route.Intramuscular => "IM", _ => "SC",
        };
        string dose = a.Dose.ToString().Replace(" ", "");
        string over = a.IsInfusion ? $"/{Durations.Format(a.InfusionDuration)}" : "";
        string repeat = sessions > 1 ? $" x{sessions}/{Durations.Format(interval)}" : "";
        return $"{drug} {route} {dose}{over}{repeat}";
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
