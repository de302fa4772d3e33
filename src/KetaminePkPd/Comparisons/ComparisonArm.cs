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
        if (sessions < 1 || sessions > MaxSessions) throw new ArgumentOutOfRangeException(nameof(sessions), sessions, $"sessions must be in [1, {MaxSessions}], got {sessions}.");
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

    /// <summary>The largest number of sessions (<c>repeat</c>) of an arm: 1000.</summary>
    public const int MaxSessions = 1000;

    /// <summary>The keys of an arm string, in the order the help lists them (<see cref="Parse"/>).</summary>
    public static IReadOnlyList<string> Keys { get; } = ["drug", "model", "route", "dose", "infusion", "repeat", "interval", "f", "name"];

    /// <summary>Older spellings of keys, accepted as the key they stand for: <c>sessions</c> for <c>repeat</c>.</summary>
    public static IReadOnlyDictionary<string, string> KeySynonyms { get; } = new Dictionary<string, string> { ["sessions"] = "repeat" };

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
    /// Parses <c>key=value</c> pairs separated by spaces, with the words of every other front end (<see cref="Vocabulary"/>,
    /// <see cref="PkParameterSet.Parse"/>, <see cref="Dose.Parse"/>, <see cref="Durations.ParseInfusion"/>). Keys (case-insensitive):
    /// <c>drug</c> (racemic or esketamine, or a synonym), <c>model</c> (a <see cref="PkParameterSet.Keys"/> entry), <c>route</c>
    /// (iv, intranasal, oral, sublingual, im, sc, or a synonym such as nasal; required), <c>dose</c> (e.g. 0.5mg/kg, 84mg or
    /// 50mg-hcl; required), <c>infusion</c> (IV duration, e.g. 40min; 0 or none = bolus), <c>repeat</c> (number of sessions,
    /// 1 to 1000; also <c>sessions</c>) and <c>interval</c> (time between sessions, e.g. 3.5d; needs repeat above 1), <c>f</c>
    /// (bioavailability of the route, a fraction, where the model has a parameter for it), <c>name</c> (display name;
    /// underscores for spaces).
    /// </summary>
    /// <param name="spec">The arm string, e.g. <c>drug=esketamine route=nasal dose=56mg repeat=8 interval=3.5d</c>.</param>
    /// <exception cref="FormatException">A token that is not key=value, an unknown key (the message lists the known ones), a repeated key, a missing route or dose, or a value that does not parse; the message starts with <c>arm '...':</c>.</exception>
    /// <exception cref="ArgumentException">An unknown word (route, drug, model), a value out of range or a combination the model does not support; the message starts with <c>arm '...':</c>.</exception>
    public static ComparisonArm Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string at = $"arm '{spec}'";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = token.IndexOf('=');
            if (eq <= 0 || eq == token.Length - 1) throw new FormatException($"{at}: '{token}' is not key=value.");
            string given = token[..eq].ToLowerInvariant(), value = token[(eq + 1)..];
            string key = KeySynonyms.TryGetValue(given, out var k) ? k : given;
            if (!Keys.Contains(key)) throw new FormatException($"{at}: unknown key '{given}'; use {string.Join(", ", Keys)}.");
            if (!values.TryAdd(key, value)) throw new FormatException($"{at}: key '{key}' given twice{(key != given ? $" ('{given}' is '{key}')" : "")}.");
        }
        if (!values.TryGetValue("route", out var routeText)) throw new FormatException($"{at}: 'route' is required.");
        if (!values.TryGetValue("dose", out var doseText)) throw new FormatException($"{at}: 'dose' is required.");
        Drug? drug = values.TryGetValue("drug", out var d) ? Value(at, () => Vocabulary.ParseDrug(d)) : null;
        var modelGiven = values.TryGetValue("model", out var m) ? Value(at, () => PkParameterSet.Parse(m)) : null;
        var model = Value(at, () => PkParameterSet.Resolve(drug, modelGiven));
        var route = Value(at, () => Vocabulary.ParseRoute(routeText));
        var dose = Value(at, () => Dose.Parse(doseText));
        var infusion = values.TryGetValue("infusion", out var inf) ? Value(at, () => Durations.ParseInfusion(inf)) : TimeSpan.Zero;
        int sessions = values.TryGetValue("repeat", out var s) ? int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n
            : throw new FormatException($"{at}: repeat '{s}' is not a whole number.") : 1;
        var interval = values.TryGetValue("interval", out var iv) ? Value(at, () => Durations.Parse(iv, "interval")) : TimeSpan.Zero;
        if (values.ContainsKey("interval") && sessions <= 1)
            throw new FormatException($"{at}: 'interval' needs 'repeat' above 1 (got {sessions}).");
        if (values.TryGetValue("f", out var fText))
        {
            if (!double.TryParse(fText, NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
                throw new FormatException($"{at}: f '{fText}' is not a number.");
            string parameter = model.CreateModel(Subject.TypicalAdult).GetRoute(route).BioavailabilityParameter
                ?? throw new ArgumentException($"{at}: model '{model.Key}' has no single bioavailability parameter for route {Vocabulary.Token(route)}.");
            model = Value(at, () => model.WithParameter(parameter, f));
        }
        var admin = Value(at, () => Administration.Create(route, dose, infusion));
        string name = values.TryGetValue("name", out var nm) ? nm.Replace('_', ' ') : DefaultName(model, admin, sessions, interval);
        return Value(at, () => new ComparisonArm(name, model, admin, sessions, interval));
    }

    /// <summary>Runs a parser of one value, putting <paramref name="at"/> before its message (same exception kind).</summary>
    private static T Value<T>(string at, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{at}: {FirstLine(e)}", e);
        }
        catch (ArgumentException e) when (!e.Message.StartsWith(at, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{at}: {FirstLine(e)}", e);
        }
    }

    /// <summary>The first line of a message without the " (Parameter 'x')" suffix.</summary>
    private static string FirstLine(Exception e)
    {
        string m = e.Message.Split('\n')[0].TrimEnd();
        int p = m.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return p > 0 && m.EndsWith("')", StringComparison.Ordinal) ? m[..p] : m;
    }

    private static string DefaultName(PkParameterSet model, Administration a, int sessions, TimeSpan interval)
    {
        string drug = Vocabulary.Token(model.Drug);
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

    /// <summary>
    /// Checks, cheaply and before anything is simulated, that <paramref name="subject"/> can receive this arm: its model
    /// supports the route and a nasal dose is a whole number of devices (esketamine: 28 mg).
    /// </summary>
    /// <param name="subject">The typical patient (sets mg/kg doses).</param>
    /// <exception cref="ArgumentException">The arm cannot be given to the patient; the message says why.</exception>
    public void Check(Subject subject) => RouteComparison.CheckArm(this, subject);

    /// <summary>Checks that no two arms share a name (ignoring case), so every table row and CSV row says which arm it is.</summary>
    /// <param name="arms">The arms.</param>
    /// <exception cref="ArgumentException">Two or more arms have the same name; the message names it.</exception>
    public static void CheckNames(IEnumerable<ComparisonArm> arms) => RouteComparison.CheckNames(arms);
}
