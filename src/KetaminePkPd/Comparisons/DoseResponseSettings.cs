using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// A dose sweep for one route: the doses, the model and patient, and the virtual population that receives doses across
/// the sweep. Immutable; the defaults sweep racemic ketamine IV over 40 min from 0.05 to 1.5 mg/kg in 30 log-spaced steps,
/// with 600 virtual patients.
/// </summary>
public sealed record DoseResponseSettings
{
    private readonly PkParameterSet _model = PkModels.Domino;
    private readonly Route _route = Route.Intravenous;
    private readonly TimeSpan _infusion = TimeSpan.FromMinutes(40);
    private readonly Dose _from = Dose.FromMilligramsPerKilogram(0.05), _to = Dose.FromMilligramsPerKilogram(1.5);
    private Dose FromSetter { init => _from = value; }
    private Dose ToSetter { init => _to = value; }
    private readonly int _steps = 30, _population = 600;
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
    public int Steps { get => _steps; init => _steps = value is >= 2 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, $"Steps must be in [2, 1000], got {value}."); }

    /// <summary>Virtual patients given doses spread evenly over the sweep (0 for none), in [0, 100 000]. Default 600.</summary>
    public int PopulationSize { get => _population; init => _population = value is >= 0 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(PopulationSize), value, $"PopulationSize must be in [0, 100000], got {value}."); }

    /// <summary>The typical patient of the curves. Default 70 kg adult.</summary>
    public Subject Subject { get => _subject; init => _subject = value ?? throw new ArgumentNullException(nameof(Subject)); }

    /// <summary>Seed of the population. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The doses of the sweep.</summary>
    public IReadOnlyList<Dose> Doses()
    {
        double ratio = Math.Pow(To.Value / From.Value, 1.0 / (Steps - 1));
        return [.. Enumerable.Range(0, Steps).Select(k => k == Steps - 1 ? To : From.Scale(Math.Pow(ratio, k)))];
    }
}
