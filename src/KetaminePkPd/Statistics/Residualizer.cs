using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace KetaminePkPd.Statistics;

/// <summary>
/// Ordinary least-squares residuals on a set of covariates plus an intercept: the covariates are centred, factorised once
/// by a thin Householder QR (MathNet), and a centred variable's residual is v - Q (Q^T v).
/// </summary>
internal sealed class Residualizer
{
    /// <summary>A residual norm below this fraction of the centred norm means "a linear function of the covariates".</summary>
    internal const double CollinearityTolerance = 1e-12;

    private readonly Matrix<double> _q;

    /// <summary>Factorises the covariates (each of length <paramref name="n"/>, finite); throws, naming <paramref name="parameterName"/>, if one is constant or collinear.</summary>
    public Residualizer(IReadOnlyList<double[]> covariates, int n, IReadOnlyList<string> names, string parameterName)
    {
        int k = covariates.Count;
        var columns = new double[k][];
        var norms = new double[k];
        for (int j = 0; j < k; j++)
        {
            columns[j] = Center(covariates[j]);
            norms[j] = Math.Sqrt(SumOfSquares(columns[j]));
            if (norms[j] == 0)
                throw new ArgumentException($"{names[j]} is constant (all {n} values equal {StatisticsChecks.F(covariates[j][0])}); it cannot be a covariate.", parameterName);
        }

        QR<double> qr = Matrix<double>.Build.DenseOfColumnArrays(columns).QR(QRMethod.Thin);
        for (int j = 0; j < k; j++)
        {
            if (Math.Abs(qr.R[j, j]) <= CollinearityTolerance * norms[j])
                throw new ArgumentException($"{names[j]} is a linear function of the covariates before it (with the intercept); drop it.", parameterName);
        }
        _q = qr.Q;
    }

    /// <summary>The OLS residuals of <paramref name="values"/> on the covariates and an intercept; throws if they vanish.</summary>
    public double[] Residuals(ReadOnlySpan<double> values, string name)
    {
        double[] centred = Center(values);
        double total = SumOfSquares(centred);
        Vector<double> v = Vector<double>.Build.DenseOfArray(centred);
        double[] residual = (v - _q * _q.TransposeThisAndMultiply(v)).ToArray();
        double rss = SumOfSquares(residual);
        if (rss <= CollinearityTolerance * CollinearityTolerance * total)
            throw new ArgumentException($"{name} is a linear function of the covariates (residual sum of squares {StatisticsChecks.F(rss)} of total {StatisticsChecks.F(total)}); its partial correlation is undefined.", name);
        return residual;
    }

    private static double[] Center(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Length;
        var centred = new double[values.Length];
        for (int i = 0; i < values.Length; i++) centred[i] = values[i] - mean;
        return centred;
    }

    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (double v in values) s += v * v;
        return s;
    }
}
