using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Exact solutions of dA/dt = K A, independent of the solvers under test: by eigendecomposition (MathNet's Evd) and, as a
/// cross-check, by a Taylor series with scaling and squaring written here (Moler and Van Loan, SIAM Review 45 (2003), methods 3 and 13).
/// </summary>
internal static class LinearOdeReference
{
    /// <summary>
    /// The 3-compartment mammillary model used across the numerics tests: micro-constants k10 0.4381, k12 0.5921, k13 0.59,
    /// k21 0.247, k31 0.0146 per minute (a racemic-ketamine-like set), converted to per hour.
    /// </summary>
    public static double[,] ThreeCompartmentRateMatrixPerH()
    {
        const double perMinToPerH = 60;
        double k10 = 0.4381 * perMinToPerH, k12 = 0.5921 * perMinToPerH, k13 = 0.59 * perMinToPerH;
        double k21 = 0.247 * perMinToPerH, k31 = 0.0146 * perMinToPerH;
        return new[,]
        {
            { -(k10 + k12 + k13), k21, k31 },
            { k12, -k21, 0 },
            { k13, 0, -k31 },
        };
    }

    /// <summary>A(t) = V exp(Lambda t) V^-1 A0 from MathNet's eigendecomposition; requires real eigenvalues (true for mammillary models).</summary>
    public static double[] ByEigendecomposition(double[,] k, double[] a0, double t)
    {
        var evd = Matrix<double>.Build.DenseOfArray(k).Evd();
        foreach (var lambda in evd.EigenValues)
        {
            if (Math.Abs(lambda.Imaginary) > 1e-12 * Math.Abs(lambda.Real))
                throw new InvalidOperationException($"Complex eigenvalue {lambda}; the reference needs a real spectrum.");
        }

        var v = evd.EigenVectors;
        var c = v.Solve(Vector<double>.Build.DenseOfArray(a0));
        var scaled = Vector<double>.Build.Dense(a0.Length, i => Math.Exp(evd.EigenValues[i].Real * t) * c[i]);
        return (v * scaled).ToArray();
    }

    /// <summary>A(t) = exp(K t) A0 by scaling (||K t|| 2^-s &lt;= 1/2), a 30-term Taylor series and s squarings.</summary>
    public static double[] ByTaylorScalingSquaring(double[,] k, double[] a0, double t)
    {
        var m = Matrix<double>.Build.DenseOfArray(k) * t;
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(m.L1Norm() / 0.5)));
        m /= Math.Pow(2, s);
        var sum = Matrix<double>.Build.DenseIdentity(a0.Length);
        var term = Matrix<double>.Build.DenseIdentity(a0.Length);
        for (int j = 1; j <= 30; j++)
        {
            term = term * m / j;
            sum += term;
        }

        for (int j = 0; j < s; j++)
            sum *= sum;
        return (sum * Vector<double>.Build.DenseOfArray(a0)).ToArray();
    }
}
