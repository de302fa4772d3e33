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

    /// <summary>Lowest dose (&gt; 0; mg/kg or mg, the same kind as <see cref="To"/>). Default 0.05 mg/kg.</summary>
    public Dose From { get => _from; init => _from = value; }

    /// <summary>Highest dose. Default 1.5 mg/kg.</summary>
    public Dose To { get => _to; init => _to = value; }

    /// <summary>Doses in the sweep, log-spaced from <see cref="From"/> to <see cref="To"/>, in [2, 1000]. Default 30.</summary>
    public int Steps { get => _steps; init => _steps = value is >= 2 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, $"Steps must be in [2, 1000], got {value}."); }

    /// <summary>Virtual patients given doses spread evenly over the sweep (0 for none), in [0, 100 000]. Default 600.</summary>
    public int PopulationSize { get => _population; init => _population = value is >= 0 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(PopulationSize), value, $"PopulationSize must be in [0, 100000], got {value}."); }

    /// <summary>The typical patient of the curves. Default 70 kg adult.</summary>
    public Subject Subject { get => _subject; init => _subject = value ?? throw new ArgumentNullException(nameof(Subject)); }

    /// <summary>Seed of the population. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The doses of the sweep.</summary>
    /// <exception cref="ArgumentException">From and To of different kinds, From not positive, or From above To.</exception>
    public IReadOnlyList<Dose> Doses()
    {
        if (From.IsPerKilogram != To.IsPerKilogram) throw new ArgumentException($"From ({From}) and To ({To}) must both be mg or both be mg/kg.");
        if (!(From.Value > 0) || From.Value >= To.Value) throw new ArgumentException($"Doses must satisfy 0 < From < To, got {From} and {To}.");
        double ratio = Math.Pow(To.Value / From.Value, 1.0 / (Steps - 1));
        return [.. Enumerable.Range(0, Steps).Select(k => k == Steps - 1 ? To : From.Scale(Math.Pow(ratio, k)))];
    }
}
