using KetaminePkPd.Pharmacodynamics;
namespace KetaminePkPd.Comparisons;

/// <summary>Settings of a what-if comparison. Immutable; the defaults compare a typical 70 kg adult over 7 days.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The largest <see cref="PopulationSize"/>: 100 000 virtual patients per arm.</summary>
    public const int MaxPopulationSize = 100_000;

    /// <summary>The default <see cref="Threshold"/>: 100 ng/mL of the parent drug.</summary>
    public const double DefaultThresholdNgPerMl = 100;

    /// <summary>The default <see cref="Seed"/>: 1.</summary>
    public const ulong DefaultSeed = 1;

    private readonly Subject _subject = Subject.TypicalAdult;
    private readonly Concentration _threshold = Concentration.FromNanogramsPerMilliliter(DefaultThresholdNgPerMl);
    private readonly int _population;

    /// <summary>The defaults.</summary>
    public static ComparisonOptions Default { get; } = new();

    /// <summary>The typical patient. Default <see cref="Subject.TypicalAdult"/> (70 kg).</summary>
    public Subject Subject { get => _subject; init => _subject = value ?? throw new ArgumentNullException(nameof(Subject)); }

    /// <summary>Concentration for "time above", parent drug. Default 100 ng/mL.</summary>
    public Concentration Threshold { get => _threshold; init => _threshold = value; }

    /// <summary>Virtual patients per arm for the 5-95% bands (0 for none), in [0, 100 000]. Default 0.</summary>
    public int PopulationSize
    {
        get => _population;
        init => _population = value is >= 0 and <= MaxPopulationSize ? value : throw new ArgumentOutOfRangeException(nameof(PopulationSize), value, $"PopulationSize must be in [0, {MaxPopulationSize}], got {value}.");
    }

    /// <summary>Seed of the population (every arm uses the same patients). Default 1.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Simulate population patients on all cores (default); results are identical either way.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>The effect parameters of every arm (typical patient and population). Default <see cref="EffectParameterSet.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public EffectParameterSet Effects { get; init => field = value ?? throw new ArgumentNullException(nameof(Effects)); } = EffectParameterSet.Default;
}
