using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KetaminePkPd.Statistics;
using MathNetCorrelation = MathNet.Numerics.Statistics.Correlation;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>
/// Invariants of the correlation functions over random paired samples (5-40 subjects, integer-valued so ties occur,
/// y = slope x + noise with a random slope so strong and weak, positive and negative correlations all occur), and
/// agreement with independent implementations (MathNet's Pearson and Spearman, the recursive partial formula).
/// </summary>
public class CorrelationProperties
{
    /// <summary>One random trial: x, y and a covariate z, none constant and neither x nor y a linear function of z.</summary>
    public sealed record Sample(double[] X, double[] Y, double[] Z)
    {
        public override string ToString() => $"n={X.Length} x=[{string.Join(",", X)}] y=[{string.Join(",", Y)}] z=[{string.Join(",", Z)}]";
    }

    public static Arbitrary<Sample> Samples()
    {
        var gen =
            from n in Gen.Choose(5, 40)
            from x in Gen.ArrayOf(Gen.Choose(-300, 300), n)
            from noise in Gen.ArrayOf(Gen.Choose(-300, 300), n)
            from z in Gen.ArrayOf(Gen.Choose(-50, 50), n)
            from slope in Gen.Choose(-4, 4)
            let xs = x.Select(v => (double)v).ToArray()
            let ys = x.Select((v, i) => (double)(slope * v + noise[i])).ToArray()
            let zs = z.Select(v => (double)v + 0.5 * x[0]).ToArray()
            select new Sample(xs, ys, zs);
        return gen.Where(Usable).ToArbitrary();
    }

    private static bool Usable(Sample s)
    {
        static bool Varies(double[] v) => v.Distinct().Count() > 1;
        if (!Varies(s.X) || !Varies(s.Y) || !Varies(s.Z)) return false;
        double rxz = MathNetCorrelation.Pearson(s.X, s.Z), ryz = MathNetCorrelation.Pearson(s.Y, s.Z);
        return 1 - rxz * rxz > 1e-6 && 1 - ryz * ryz > 1e-6;
    }

    private static bool Valid(CorrelationResult r) =>
        r.R is >= -1 and <= 1 && r.Lower <= r.R && r.R <= r.Upper && r.Lower >= -1 && r.Upper <= 1
        && r.PValue is >= 0 and <= 1 && !double.IsNaN(r.TStatistic);

    [Property(MaxTest = 300, Arbitrary = [typeof(CorrelationProperties)])]
    public bool Correlations_LieInMinusOneToOne_WithIntervalsAroundR(Sample s) =>
        Valid(Correlation.Pearson(s.X, s.Y)) && Valid(Correlation.Spearman(s.X, s.Y))
        && Valid(Correlation.Partial(s.X, s.Y, s.Z));

    /// <summary>r(a x + b, y) = sign(a) r(x, y) for a != 0, to 1e-9, for scales from 1e-3 to 1e3.</summary>
    [Property(MaxTest = 200, Arbitrary = [typeof(CorrelationProperties)])]
    public bool Pearson_AffineMap_KeepsRUpToSign(Sample s, PositiveInt scaleIndex, int shift)
    {
        double a = new[] { 1e-3, 0.37, 2.5, 1e3 }[scaleIndex.Get % 4];
        double r = Correlation.Pearson(s.X, s.Y).R;
        double up = Correlation.Pearson([.. s.X.Select(v => a * v + shift)], s.Y).R;
        double down = Correlation.Pearson([.. s.X.Select(v => -a * v + shift)], s.Y).R;
        return Math.Abs(up - r) <= 1e-9 && Math.Abs(down + r) <= 1e-9;
    }

    /// <summary>Spearman's rho is unchanged (bit for bit: the ranks are identical) by strictly increasing maps, and flips sign under a decreasing one.</summary>
    [Property(MaxTest = 200, Arbitrary = [typeof(CorrelationProperties)])]
    public bool Spearman_MonotoneMaps_KeepRho(Sample s)
    {
        double rho = Correlation.Spearman(s.X, s.Y).R;
        double cubed = Correlation.Spearman([.. s.X.Select(v => v * v * v + v)], [.. s.Y.Select(v => Math.Exp(v / 1000))]).R;
        double reversed = Correlation.Spearman([.. s.X.Select(v => -v)], s.Y).R;
        return cubed == rho && Math.Abs(reversed + rho) <= 1e-12;
    }

    /// <summary>The allocation-free coefficient equals the full result's and MathNet's independent Pearson, to 1e-12.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(CorrelationProperties)])]
    public bool PearsonR_EqualsPearsonAndMathNet(Sample s)
    {
        double r = Correlation.PearsonR(s.X, s.Y);
        return Math.Abs(r - Correlation.Pearson(s.X, s.Y).R) <= 1e-12
            && Math.Abs(r - MathNetCorrelation.Pearson(s.X, s.Y)) <= 1e-12;
    }

    /// <summary>Spearman with mid-ranks equals MathNet's independent Spearman (average ranks), to 1e-12.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(CorrelationProperties)])]
    public bool Spearman_EqualsMathNet(Sample s) =>
        Math.Abs(Correlation.Spearman(s.X, s.Y).R - MathNetCorrelation.Spearman(s.X, s.Y)) <= 1e-12;

    /// <summary>Two independent routes to the partial r: the recursive formula from three pairwise r's (PartialR) and residualisation by QR (Partial), to 1e-9.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(CorrelationProperties)])]
    public bool PartialR_RecursiveFormula_EqualsResidualisation(Sample s) =>
        Math.Abs(Correlation.PartialR(s.X, s.Y, s.Z) - Correlation.Partial(s.X, s.Y, s.Z).R) <= 1e-9;

    /// <summary>Same seed, same bootstrap: two calls give identical results, and the OLS identity a b = c - c' holds to 1e-9 relative.</summary>
    [Property(MaxTest = 50, Arbitrary = [typeof(CorrelationProperties)])]
    public bool Mediation_SameSeed_SameResult_AndIndirectEqualsTotalMinusDirect(Sample s, int seed)
    {
        var first = Mediation.Estimate(s.Z, s.X, s.Y, 200, seed);
        var second = Mediation.Estimate(s.Z, s.X, s.Y, 200, seed);
        double scale = Math.Max(Math.Abs(first.Total), Math.Abs(first.Direct)) + 1e-300;
        return first == second && Math.Abs(first.Indirect - (first.Total - first.Direct)) <= 1e-9 * scale;
    }
}
