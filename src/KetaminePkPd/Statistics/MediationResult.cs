using System.Globalization;

namespace KetaminePkPd.Statistics;

/// <summary>
/// The simple mediation model X -&gt; M -&gt; Y estimated by OLS: paths a, b, c, c' with standard errors, the indirect
/// effect a b with a percentile bootstrap interval, and the Sobel test. Immutable; produced by <see cref="Mediation.Estimate"/>.
/// </summary>
/// <remarks>
/// Effects are unstandardised (units of Y per unit of X, M per X, Y per M). With OLS, <see cref="Indirect"/> = a b equals
/// <see cref="Total"/> - <see cref="Direct"/> exactly (up to rounding).
/// </remarks>
public sealed record MediationResult
{
    internal MediationResult(int n, MediationPaths paths, double lower, double upper, double bootstrapSe, double confidenceLevel, int resamples, int replaced, int seed)
    {
        N = n;
        A = paths.A;
        AStandardError = paths.SeA;
        B = paths.B;
        BStandardError = paths.SeB;
        Total = paths.C;
        TotalStandardError = paths.SeC;
        Direct = paths.CPrime;
        DirectStandardError = paths.SeCPrime;
        Indirect = paths.A * paths.B;
        IndirectLower = lower;
        IndirectUpper = upper;
        IndirectBootstrapStandardError = bootstrapSe;
        ConfidenceLevel = confidenceLevel;
        Resamples = resamples;
        ResamplesReplaced = replaced;
        Seed = seed;

        double sobelSe = Math.Sqrt(paths.B * paths.B * paths.SeA * paths.SeA + paths.A * paths.A * paths.SeB * paths.SeB);
        SobelStandardError = sobelSe;
        SobelZ = sobelSe > 0 ? Indirect / sobelSe : 0;
        SobelPValue = sobelSe > 0 ? 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(SobelZ)) : 1;
        ProportionMediated = paths.C != 0 ? Indirect / paths.C : null;
    }

    /// <summary>Number of subjects.</summary>
    public int N { get; }

    /// <summary>Path a: slope of M on X (M = i1 + a X).</summary>
    public double A { get; }

    /// <summary>OLS standard error of <see cref="A"/> (n - 2 df).</summary>
    public double AStandardError { get; }

    /// <summary>Path b: slope of Y on M controlling for X (Y = i2 + c' X + b M).</summary>
    public double B { get; }

    /// <summary>OLS standard error of <see cref="B"/> (n - 3 df).</summary>
    public double BStandardError { get; }

    /// <summary>Total effect c: slope of Y on X alone (Y = i3 + c X).</summary>
    public double Total { get; }

    /// <summary>OLS standard error of <see cref="Total"/> (n - 2 df).</summary>
    public double TotalStandardError { get; }

    /// <summary>Direct effect c': slope of Y on X controlling for M.</summary>
    public double Direct { get; }

    /// <summary>OLS standard error of <see cref="Direct"/> (n - 3 df).</summary>
    public double DirectStandardError { get; }

    /// <summary>Indirect effect a b (= c - c').</summary>
    public double Indirect { get; }

    /// <summary>Lower end of the percentile bootstrap interval of <see cref="Indirect"/>.</summary>
    public double IndirectLower { get; }

    /// <summary>Upper end of the percentile bootstrap interval of <see cref="Indirect"/>.</summary>
    public double IndirectUpper { get; }

    /// <summary>Standard deviation of the bootstrap estimates of a b.</summary>
    public double IndirectBootstrapStandardError { get; }

    /// <summary>Confidence level of the bootstrap interval, in (0, 1).</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Number of bootstrap resamples B.</summary>
    public int Resamples { get; }

    /// <summary>Resamples redrawn because a, b were undefined in them (X constant, or M constant or collinear with X); usually 0.</summary>
    public int ResamplesReplaced { get; }

    /// <summary>The seed of the bootstrap random stream.</summary>
    public int Seed { get; }

    /// <summary>Sobel (1982) first-order standard error of a b: sqrt(b^2 se_a^2 + a^2 se_b^2).</summary>
    public double SobelStandardError { get; }

    /// <summary>Sobel z = a b / <see cref="SobelStandardError"/>; 0 when that error is 0 (then a b = 0 too).</summary>
    public double SobelZ { get; }

    /// <summary>Two-sided normal p-value of <see cref="SobelZ"/>; 1 when the Sobel error is 0.</summary>
    public double SobelPValue { get; }

    /// <summary>Proportion mediated a b / c; null when the total effect c is exactly 0. Unstable when |c| is small relative to its standard error, and can fall outside [0, 1] (inconsistent mediation).</summary>
    public double? ProportionMediated { get; }

    /// <summary>Formats the paths and the indirect effect on one line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"a = {A:G4}, b = {B:G4}, c = {Total:G4}, c' = {Direct:G4}, indirect = {Indirect:G4} ({ConfidenceLevel * 100:G3}% bootstrap CI {IndirectLower:G4} to {IndirectUpper:G4}, B = {Resamples}, seed {Seed}), Sobel z = {SobelZ:G3}, p = {SobelPValue:G3}, n = {N}");

    /// <summary>Fewest bootstrap resamples <see cref="Estimate"/> accepts.</summary>
    public const int MinimumResamples = Mediation.MinimumResamples;

    /// <summary>Most bootstrap resamples <see cref="Estimate"/> accepts.</summary>
    public const int MaximumResamples = Mediation.MaximumResamples;

    /// <summary>Fewest subjects <see cref="Estimate"/> accepts (Y on X and M has 3 coefficients, so n - 3 &gt;= 1).</summary>
    public const int MinimumSubjects = Mediation.MinimumSubjects;

    /// <inheritdoc cref="Mediation.Estimate"/>
    /// <remarks>
    /// <para>Simple mediation X -&gt; M -&gt; Y by ordinary least squares (Preacher and Hayes 2008, Behav Res Methods 40:879;
    /// Hayes 2022, PROCESS model 4 without covariates): M = i1 + a X; Y = i2 + c' X + b M; Y = i3 + c X. Indirect effect
    /// a b, direct effect c', total effect c = c' + a b; the Sobel (1982) test uses se(a b) = sqrt(b^2 se_a^2 + a^2 se_b^2).</para>
    /// <para>Bootstrap: B resamples of the n subjects with replacement, a b re-estimated in each, the interval the type-7
    /// quantiles at (1 - level)/2 and (1 + level)/2; one MathNet <c>Xoshiro256StarStar(seed)</c> stream, so the same seed
    /// gives bit-identical results. A resample in which X or M is constant, or M collinear with X, is redrawn and counted
    /// in <see cref="ResamplesReplaced"/>.</para>
    /// <para>The estimates are associations; reading a b as a causal indirect effect needs no unmeasured confounding.</para>
    /// </remarks>
    public static MediationResult Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> m, ReadOnlySpan<double> y, int resamples, int seed,
        double confidenceLevel = Correlation.DefaultConfidenceLevel) => Mediation.Estimate(x, m, y, resamples, seed, confidenceLevel);
}
