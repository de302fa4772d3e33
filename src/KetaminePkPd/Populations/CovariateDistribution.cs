using System.Globalization;

namespace KetaminePkPd.Populations;

/// <summary>
/// How covariates vary across a virtual population: body weight and age as truncated normals, ancestry as fractions.
/// Immutable; the defaults are docs/model.md section 4.4 (weight N(80, 15) kg truncated to 45-150 kg) and a PROVISIONAL adult age
/// distribution (N(45, 12) years truncated to 18-75).
/// </summary>
public sealed record CovariateDistribution
{
    private readonly double _weightMean = 80, _weightSd = 15, _weightMin = 45, _weightMax = 150;
    private readonly double _ageMean = 45, _ageSd = 12, _ageMin = 18, _ageMax = 75;
    private readonly double _asian, _japanese;

    /// <summary>The defaults.</summary>
    public static CovariateDistribution Default { get; } = new();

    /// <summary>Every subject has exactly these covariates.</summary>
    public static CovariateDistribution Fixed(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new CovariateDistribution
        {
            WeightMeanKg = subject.WeightKg, WeightSdKg = 0, WeightMinKg = subject.WeightKg, WeightMaxKg = subject.WeightKg,
            AgeMeanYears = subject.AgeYears, AgeSdYears = 0, AgeMinYears = subject.AgeYears, AgeMaxYears = subject.AgeYears,
            AsianFraction = subject.IsAsian ? 1 : 0, JapaneseFraction = subject.Ancestry == Ancestry.Japanese ? 1 : 0,
        };
    }

    /// <summary>Mean body weight, kg, in (0, 300]. Default 80.</summary>
    public double WeightMeanKg { get => _weightMean; init => _weightMean = Guard.InRangeExclusiveMin(value, 0, Subject.MaxWeightKg, nameof(WeightMeanKg)); }

    /// <summary>SD of body weight before truncation, kg, in [0, 100]. Default 15.</summary>
    public double WeightSdKg { get => _weightSd; init => _weightSd = Guard.InRange(value, 0, 100, nameof(WeightSdKg)); }

    /// <summary>Lower truncation bound, kg, in (0, 300]. Default 45.</summary>
    public double WeightMinKg { get => _weightMin; init => _weightMin = Guard.InRangeExclusiveMin(value, 0, Subject.MaxWeightKg, nameof(WeightMinKg)); }

    /// <summary>Upper truncation bound, kg, in (0, 300]. Default 150.</summary>
    public double WeightMaxKg { get => _weightMax; init => _weightMax = Guard.InRangeExclusiveMin(value, 0, Subject.MaxWeightKg, nameof(WeightMaxKg)); }

    /// <summary>Mean age, years, in [0, 120]. Default 45.</summary>
    public double AgeMeanYears { get => _ageMean; init => _ageMean = Guard.InRange(value, 0, 120, nameof(AgeMeanYears)); }

    /// <summary>SD of age before truncation, years, in [0, 100]. Default 12.</summary>
    public double AgeSdYears { get => _ageSd; init => _ageSd = Guard.InRange(value, 0, 100, nameof(AgeSdYears)); }

    /// <summary>Lower age bound, years, in [0, 120]. Default 18.</summary>
    public double AgeMinYears { get => _ageMin; init => _ageMin = Guard.InRange(value, 0, 120, nameof(AgeMinYears)); }

    /// <summary>Upper age bound, years, in [0, 120]. Default 75.</summary>
    public double AgeMaxYears { get => _ageMax; init => _ageMax = Guard.InRange(value, 0, 120, nameof(AgeMaxYears)); }

    /// <summary>Fraction of Asian subjects (Japanese included), in [0, 1]. Default 0.</summary>
    public double AsianFraction { get => _asian; init => _asian = Guard.InRange(value, 0, 1, nameof(AsianFraction)); }

    /// <summary>Fraction of Japanese subjects, in [0, <see cref="AsianFraction"/>]. Default 0.</summary>
    public double JapaneseFraction { get => _japanese; init => _japanese = Guard.InRange(value, 0, 1, nameof(JapaneseFraction)); }

    /// <summary>Draws one subject's covariates.</summary>
    /// <exception cref="InvalidOperationException">Inconsistent bounds (min above max, mean far outside them, Japanese above Asian).</exception>
    internal Subject Sample(ref SubjectRandom random)
    {
        if (WeightMinKg > WeightMaxKg || AgeMinYears > AgeMaxYears || JapaneseFraction > AsianFraction)
            throw new InvalidOperationException($"Inconsistent covariate distribution: {this}.");
        double weight = Truncated(ref random, WeightMeanKg, WeightSdKg, WeightMinKg, WeightMaxKg);
        double age = Truncated(ref random, AgeMeanYears, AgeSdYears, AgeMinYears, AgeMaxYears);
        double u = random.NextDouble();
        var ancestry = u < JapaneseFraction ? Ancestry.Japanese : u < AsianFraction ? Ancestry.AsianNonJapanese : Ancestry.NonAsian;
        return new Subject { WeightKg = weight, AgeYears = age, Ancestry = ancestry };
    }

    /// <summary>Normal truncated to [min, max] by rejection (falls back to clamping after 1000 rejections).</summary>
    private static double Truncated(ref SubjectRandom random, double mean, double sd, double min, double max)
    {
        if (sd == 0 || min == max) return Math.Clamp(mean, min, max);
        for (int i = 0; i < 1000; i++)
        {
            double x = mean + sd * random.NextStandardNormal();
            if (x >= min && x <= max) return x;
        }
        return Math.Clamp(mean, min, max);
    }

    /// <summary>Describes the distribution.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"weight N({WeightMeanKg:G4}, {WeightSdKg:G3}) kg in [{WeightMinKg:G4}, {WeightMaxKg:G4}], age N({AgeMeanYears:G3}, {AgeSdYears:G3}) y in [{AgeMinYears:G3}, {AgeMaxYears:G3}], Asian {AsianFraction:P0} (Japanese {JapaneseFraction:P0})");
}
