using KetaminePkPd.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Tests.Numerics;

public sealed class DenseLuTests
{
    /// <summary>A reproducible n-by-n matrix with entries in [-1, 1] plus <paramref name="diagonalShift"/> on the diagonal.</summary>
    private static double[] RandomMatrix(int n, int seed, double diagonalShift)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (int q = 0; q < a.Length; q++)
            a[q] = 2 * random.NextDouble() - 1;
        for (int i = 0; i < n; i++)
            a[i * n + i] += diagonalShift;
        return a;
    }

    private static double[] Multiply(double[] a, double[] x, int n, bool transposed)
    {
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                b[i] += (transposed ? a[j * n + i] : a[i * n + j]) * x[j];
        }

        return b;
    }

    // Residual check: ||A x - b||_inf <= 1e-12 for well-conditioned random matrices (shift 0, so pivoting is needed).
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(8, 3)]
    [InlineData(15, 4)]
    public void Solve_RandomSystem_ResidualWithin1e12(int n, int seed)
    {
        double[] a = RandomMatrix(n, seed, n == 1 ? 2 : 0);
        double[] x = [.. Enumerable.Range(0, n).Select(i => 1.0 + i)];
        double[] b = Multiply(a, x, n, transposed: false);
        double[] lu = (double[])a.Clone();
        var pivots = new int[n];

        Assert.True(DenseLu.Factor(lu, n, pivots));
        DenseLu.Solve(lu, n, pivots, b);

        for (int i = 0; i < n; i++)
            Assert.Equal(x[i], b[i], 1e-12 * n * (1 + i));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(9, 6)]
    public void SolveTransposed_RandomSystem_MatchesMathNetWithin1e12(int n, int seed)
    {
        double[] a = RandomMatrix(n, seed, 0);
        double[] rhs = [.. Enumerable.Range(0, n).Select(i => Math.Sin(i + 1))];
        var expected = Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j]).Transpose().Solve(Vector<double>.Build.DenseOfArray(rhs));
        double[] lu = (double[])a.Clone();
        var pivots = new int[n];

        Assert.True(DenseLu.Factor(lu, n, pivots));
        DenseLu.SolveTransposed(lu, n, pivots, rhs);

        for (int i = 0; i < n; i++)
            Assert.Equal(expected[i], rhs[i], 1e-12 * (1 + Math.Abs(expected[i])));
    }

    // A zero leading entry forces a row interchange; without pivoting the factorisation would divide by zero.
    [Fact]
    public void Factor_ZeroLeadingPivot_PivotsAndSolvesExactly()
    {
        double[] lu = [0, 1, 2, 3];
        var pivots = new int[2];
        double[] b = [1, 5];

        Assert.True(DenseLu.Factor(lu, 2, pivots));
        DenseLu.Solve(lu, 2, pivots, b);

        Assert.Equal(1.0, b[0], 1e-15);
        Assert.Equal(1.0, b[1], 1e-15);
    }

    [Fact]
    public void Factor_SingularMatrix_ReturnsFalse()
    {
        double[] lu = [1, 2, 2, 4];

        Assert.False(DenseLu.Factor(lu, 2, new int[2]));
    }

    [Fact]
    public void Factor_MatrixWithNaN_ReturnsFalse()
    {
        double[] lu = [double.NaN, 1, 1, 1];

        Assert.False(DenseLu.Factor(lu, 2, new int[2]));
    }
}
