using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// A dose sweep for one route: the doses, the model and patient, and the virtual population that receives doses across
/// the sweep. Immutable; the defaults sweep racemic ketamine IV over 40 min from 0.05 to 1.5 mg/kg in 30 log-spaced steps,
/// with 600 virtual patients.
/// </summary>
public sealed record DoseResponseSettings
{
    /// <summary>The fewest doses in a sweep: 2.</summary>
    public const int MinSteps = 2;

    /// <summary>The most doses in a sweep: 1000.</summary>
    public const int MaxSteps = 1000;

    /// <summary>The default number of doses: 30.</summary>
    public const int DefaultSteps = 30;

    /// <summary>The default number of virtual patients: 600.</summary>
    public const int DefaultPopulationSize = 600;

    /// <summary>The largest number of virtual patients: 100 000.</summary>
    public const int MaxPopulationSize = 100_000;

    /// <summary>The default lowest dose, 0.05 mg/kg.</summary>
    public const double DefaultFromMgPerKg = 0.05;

    /// <summary>The default highest dose, 1.5 mg/kg.</summary>
    public const double DefaultToMgPerKg = 1.5;

    /// <summary>The default intravenous infusion duration, 40 min (the usual antidepressant infusion).</summary>
    public static TimeSpan DefaultInfusion { get; } = TimeSpan.FromMinutes(40);

    private readonly PkParameterSet _model = PkParameterSet.Domino;
    private readonly Route _route = Route.Intravenous;
    private readonly TimeSpan _infusion = DefaultInfusion;
    private readonly Dose _from = Dose.FromMilligramsPerKilogram(DefaultFromMgPerKg), _to = Dose.FromMilligramsPerKilogram(DefaultToMgPerKg);
    private Dose FromSetter { init => _from = value; }
    private Dose ToSetter { init => _to = value; }
    private readonly int _steps = DefaultSteps, _population = DefaultPopulationSize;
    private readonly Subject _subject = Subject.TypicalAdult;

    /// <summary>The defaults.</summary>
    public static DoseResponseSettings Default { get; } = new();

    /// <summary>PK parameter set (its drug sets the effect potency). Default Domino.</summary>
    public PkParameterSet Model { get => _model; init => _model = value ?? throw new ArgumentNullException(nameof(Model)); }

    /// <summary>Route. Default intravenous.</summary>
    public Route Route { get => _route; init => _route = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Route), value, "Undefined route."); }

    /// <summary>Infusion duration for the intravenous route (zero for a bolus). Default 40 min.</summary>
    public TimeSpan Infusion { get => _infusion; init => _infusion = Guard.NonNegative(value, nameof(Infusion)); }

    /// <summary>Lowest dose (&gt; 0; mg/kg or mg, the same kind as <see cref="To"/>). Default 0.05 mg/kg. Set with <see cref="WithDoses"/>.</summary>
    public Dose From => _from;

    /// <summary>Highest dose (above <see cref="From"/>). Default 1.5 mg/kg. Set with <see cref="WithDoses"/>.</summary>
    public Dose To => _to;

    /// <summary>A copy sweeping from <paramref name="from"/> to <paramref name="to"/> (the two are checked together, so a
    /// settings object always holds a valid range).</summary>
    /// <param name="from">Lowest dose, &gt; 0.</param>
    /// <param name="to">Highest dose, above <paramref name="from"/> and of the same kind (both mg or both mg/kg).</param>
    /// <exception cref="ArgumentException">Different kinds, <paramref name="from"/> not positive, or not below <paramref name="to"/>.</exception>
    public DoseResponseSettings WithDoses(Dose from, Dose to)
    {
        if (from.IsPerKilogram != to.IsPerKilogram) throw new ArgumentException($"from ({from}) and to ({to}) must both be mg or both be mg/kg.", nameof(to));
        if (!(from.Value > 0)) throw new ArgumentOutOfRangeException(nameof(from), from, $"from must be above 0, got {from}.");
        if (from.Value >= to.Value) throw new ArgumentException($"Doses must satisfy from < to, got {from} and {to}.", nameof(to));
        return this with { FromSetter = from, ToSetter = to };
    }

    /// <summary>Doses in the sweep, log-spaced from <see cref="From"/> to <see cref="To"/>, in [2, 1000]. Default 30.</summary>
    public int Steps { get => _steps; init => _steps = value is >= MinSteps and <= MaxSteps ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, $"Steps must be in [{MinSteps}, {MaxSteps}], got {value}."); }

    /// <summary>Virtual patients given doses spread evenly over the sweep (0 for none), in [0, 100 000]. Default 600.</summary>
    public int PopulationSize { get => _population; init => _population = value is >= 0 and <= MaxPopulationSize ? value : throw new ArgumentOutOfRangeException(nameof(PopulationSize), value, $"PopulationSize must be in [0, {MaxPopulationSize}], got {value}."); }

    /// <summary>
    /// The virtual patients actually simulated: 0 without a population, otherwise <see cref="PopulationSize"/> but at least
    /// one per dose (<see cref="Steps"/>).
    /// </summary>
    public int PopulationSubjects => PopulationSize == 0 ? 0 : Math.Max(PopulationSize, Steps);

    /// <summary>The typical patient of the curves. Default 70 kg adult.</summary>
    public Subject Subject { get => _subject; init => _subject = value ?? throw new ArgumentNullException(nameof(Subject)); }

    /// <summary>Seed of the population. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The effect parameters of the typical patient and of the population. Default <see cref="EffectParameterSet.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public EffectParameterSet Effects { get; init => field = value ?? throw new ArgumentNullException(nameof(Effects)); } = EffectParameterSet.Default;

    /// <summary>The doses of the sweep.</summary>
    public IReadOnlyList<Dose> Doses()
    {
        double ratio = Math.Pow(To.Value / From.Value, 1.0 / (Steps - 1));
        return [.. Enumerable.Range(0, Steps).Select(k => k == Steps - 1 ? To : From.Scale(Math.Pow(ratio, k)))];
    }

    /// <summary>
    /// Settings from what a user gave (null = not given): the defaults filled in and every rule that involves more than
    /// one setting checked, cheaply, before anything is simulated. Defaults: the drug of <paramref name="model"/> or racemic
    /// ketamine; <see cref="PkParameterSet.DefaultFor"/> the drug; intravenous; <see cref="DefaultInfusion"/>; the default doses,
    /// steps, population, typical adult and seed of <see cref="Default"/>.
    /// </summary>
    /// <param name="drug">The drug, or null.</param>
    /// <param name="model">The PK model, or null; it must be a model of <paramref name="drug"/> when both are given.</param>
    /// <param name="route">The route, or null; the model must support it.</param>
    /// <param name="infusion">The intravenous infusion duration (zero for a bolus), or null; only with the intravenous route.</param>
    /// <param name="from">The lowest dose, or null; above 0 and of the same kind (mg or mg/kg) as <paramref name="to"/>.</param>
    /// <param name="to">The highest dose, or null; above <paramref name="from"/>.</param>
    /// <param name="steps">Doses in the sweep, in [<see cref="MinSteps"/>, <see cref="MaxSteps"/>], or null.</param>
    /// <param name="populationSize">Virtual patients, in [0, <see cref="MaxPopulationSize"/>], or null.</param>
    /// <param name="subject">The typical patient of the curves, or null.</param>
    /// <param name="seed">The seed of the population, or null.</param>
    /// <exception cref="ArgumentException">
    /// A rule is broken; <see cref="ArgumentException.ParamName"/> names the argument at fault and the message says why:
    /// a model of the other drug, a route the model lacks, an infusion for another route, doses of different kinds or out
    /// of order, a dose that cannot be given, or (intranasal esketamine) a dose that is not a whole number of devices.
    /// </exception>
    public static DoseResponseSettings Create(Drug? drug = null, PkParameterSet? model = null, Route? route = null, TimeSpan? infusion = null,
        Dose? from = null, Dose? to = null, int? steps = null, int? populationSize = null, Subject? subject = null, ulong? seed = null)
    {
        var set = model ?? PkParameterSet.DefaultFor(drug ?? Drug.RacemicKetamine);
        if (drug is { } d && d != set.Drug)
            throw new ArgumentException($"{set.Key} is a model of {Vocabulary.Name(set.Drug)}, not of {Vocabulary.Name(d)}; models of {Vocabulary.Name(d)} are " +
                $"{string.Join(", ", PkParameterSet.All.Where(m => m.Drug == d).Select(m => m.Key))}.", nameof(model));
        var r = route ?? Route.Intravenous;
        if (!set.Routes.Contains(r))
            throw new ArgumentException($"model {set.Key} ({Vocabulary.Name(set.Drug)}) does not support route {Vocabulary.Token(r)}; it supports " +
                $"{string.Join(", ", set.Routes.Select(Vocabulary.Token))}.", nameof(route));
        if (r != Route.Intravenous && infusion is not null)
            throw new ArgumentException($"an infusion applies to the iv route only, got route {Vocabulary.Token(r)}.", nameof(infusion));
        Dose f = from ?? Default.From, t = to ?? Default.To;
        if (f.IsPerKilogram != t.IsPerKilogram)
            throw new ArgumentException($"the lowest and highest doses must both be mg/kg or both be mg, got {f} and {t}.", nameof(to));
        if (!(f.Value > 0)) throw new ArgumentException($"the lowest dose must be above 0, got {f}.", nameof(from));
        if (f.Value >= t.Value) throw new ArgumentException($"the lowest dose, {f}, must be below the highest, {t}.", nameof(from));
        var settings = Default with
        {
            Model = set,
            Route = r,
            Infusion = Guard.NonNegative(infusion ?? DefaultInfusion, nameof(infusion)),
            Steps = steps ?? DefaultSteps,
            PopulationSize = populationSize ?? DefaultPopulationSize,
            Subject = subject ?? Subject.TypicalAdult,
            Seed = seed ?? Default.Seed,
        };
        settings = settings.WithDoses(f, t);
        settings.CheckDoses();
        return settings;
    }

    /// <summary>
    /// Checks that a patient can be given every dose of the sweep: the model supports the route, an infusion within the
    /// limits of <see cref="Administration.Create"/>, and for intranasal esketamine whole 28 mg devices (so the doses must be
    /// in mg, not mg/kg, as the virtual patients' weights differ).
    /// </summary>
    /// <exception cref="ArgumentException">A dose cannot be given; <see cref="ArgumentException.ParamName"/> is <c>route</c>, <c>infusion</c> or <c>from</c>.</exception>
    public void CheckDoses()
    {
        if (!Model.Routes.Contains(Route))
            throw new ArgumentException($"model {Model.Key} ({Vocabulary.Name(Model.Drug)}) does not support route {Vocabulary.Token(Route)}; it supports " +
                $"{string.Join(", ", Model.Routes.Select(Vocabulary.Token))}.", "route");
        var doses = Doses();
        foreach (var dose in doses)
        {
            try
            {
                Administration.Create(Route, dose, Route == Route.Intravenous ? Infusion : TimeSpan.Zero);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(ex.Message.Split(" (Parameter", 2)[0], "infusion", ex);
            }
        }
        if (Model.CreateModel(Subject).GetRoute(Route).Devices is not { } devices) return;
        string whole = $"intranasal {Vocabulary.Name(Model.Drug)} comes in {Guard.F(devices.DeviceMg)} mg devices, so every dose must be a whole number of devices";
        string advice = $"Sweep doses that land on whole devices, e.g. from {Guard.F(devices.DeviceMg)} mg to {Guard.F(4 * devices.DeviceMg)} mg in 3 steps " +
            $"({Guard.F(devices.DeviceMg)}, {Guard.F(2 * devices.DeviceMg)}, {Guard.F(4 * devices.DeviceMg)} mg), or compare single doses as arms of a route comparison.";
        if (From.IsPerKilogram)
            throw new ArgumentException($"{whole}; give the doses in mg, not mg/kg (the virtual patients' weights differ). {advice}", "from");
        foreach (var dose in doses)
        {
            double mg = dose.ToMilligrams(Subject.WeightKg);
            try
            {
                devices.DeviceCount(mg);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{whole}, but the {Steps} log-spaced doses from {From} to {To} include {NumberText.Plain(mg, 2)} mg. {advice}", "from", ex);
            }
        }
    }

}
