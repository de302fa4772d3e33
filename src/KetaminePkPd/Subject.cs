using System.Globalization;

namespace KetaminePkPd;

/// <summary>
/// The covariates of one patient that the built-in models use: body weight, age and ancestry. Immutable and always valid.
/// </summary>
/// <example><code>var s = Subject.TypicalAdult with { WeightKg = 82, AgeYears = 67 };</code></example>
public sealed record Subject
{
    /// <summary>Largest accepted body weight, kg.</summary>
    public const double MaxWeightKg = 300;

    private readonly double _weightKg = 70;
    private readonly double _ageYears = 45;
    private readonly Ancestry _ancestry = Ancestry.NonAsian;

    /// <summary>A 70 kg, 45-year-old non-Asian adult: the typical adult of docs/model.md section 4.4 and of the Perez-Ruixo 2021 reference category.</summary>
    public static Subject TypicalAdult { get; } = new();

    /// <summary>Body weight in kg, finite, in (0, 300]. Default 70.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public double WeightKg
    {
        get => _weightKg;
        init => _weightKg = Guard.InRangeExclusiveMin(value, 0, MaxWeightKg, nameof(WeightKg));
    }

    /// <summary>Age in years, finite, in [0, 120]. Default 45.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public double AgeYears
    {
        get => _ageYears;
        init => _ageYears = Guard.InRange(value, 0, 120, nameof(AgeYears));
    }

    /// <summary>Ancestry (a covariate of the esketamine model only). Default <see cref="Ancestry.NonAsian"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined value.</exception>
    public Ancestry Ancestry
    {
        get => _ancestry;
        init => _ancestry = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Ancestry), value, $"Ancestry must be one of {string.Join(", ", Enum.GetNames<Ancestry>())}, got {value}.");
    }

    /// <summary>True for <see cref="Ancestry.AsianNonJapanese"/> and <see cref="Ancestry.Japanese"/>.</summary>
    public bool IsAsian => Ancestry != Ancestry.NonAsian;

    /// <summary>Formats as <c>70 kg, 45 y, NonAsian</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WeightKg:G4} kg, {AgeYears:G3} y, {Ancestry}");
}
