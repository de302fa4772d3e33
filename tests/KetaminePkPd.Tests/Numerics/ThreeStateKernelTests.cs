using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// The exact path's kernels for a three-compartment model (issue 22, seventh pass): a step in registers instead of through the
/// general product and a copy, and the matrix exponential's squarings written into alternating buffers. Each must give the same bits
/// as the general computation, or the library's outputs would change.
/// </summary>
public sealed class ThreeStateKernelTests
{
    /// <summary>A three-compartment mammillary K (CL 80, V1 20, Q2 100, V2 60, Q3 30, V3 150: the peer benchmark's typical subject), row-major.</summary>
    private static double[] PeerK(double clearanceLPerH, double centralVolumeL)
    {
        double k10 = clearanceLPerH / centralVolumeL, k12 = 100 / centralVolumeL, k21 = 100.0 / 60, k13 = 30 / centralVolumeL, k31 = 30.0 / 150;
        return [-(k10 + k12 + k13), k21, k31, k12, -k21, 0, k13, 0, -k31];
    }

    [Theory]
    [InlineData(80, 20, 0.25, false)]
    [InlineData(80, 20, 0.25, true)]
    [InlineData(55, 31, 1.0 / 6, true)]
    [InlineData(120, 12, 1.0 / 12, false)]
    [InlineData(120, 12, 7.5, false)]
    public void Step_ThreeStates_SameBitsAsPropagate(double clearanceLPerH, double centralVolumeL, double h, bool input)
    {
        var k = PeerK(clearanceLPerH, centralVolumeL);
        var propagator = new LinearPropagator(k, 3);
        double[] b = input ? [52.5, 0, 0] : [0, 0, 0];
        var entry = propagator.Prepare(b, input, h);
        var random = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            // Amounts over several decades, and exact zeros (the first step of a march starts from zero state).
            double[] x = [.. Enumerable.Range(0, 3).Select(_ => random.NextDouble() < 0.2 ? 0 : random.NextDouble() * Math.Pow(10, random.Next(-8, 3)))];
            var expected = new double[3];
            propagator.Propagate(x, expected, entry);
            var stepped = (double[])x.Clone();
            propagator.Step(stepped, entry);
            for (int i = 0; i < 3; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(stepped[i]));
        }
    }

    /// <summary>
    /// exp(2A) is computed with one squaring more than exp(A) from the same scaled matrix (scaling by 2 is exact), so it must equal
    /// exp(A) squared bit for bit whenever 2A needs at least one squaring: this checks that the squarings' alternating buffers hand
    /// each square on whole, for a result made in 1, 2, 3 and more squarings.
    /// </summary>
    [Theory]
    [InlineData(3, 0.03)]
    [InlineData(3, 0.25)]
    [InlineData(3, 1.0 / 6)]
    [InlineData(3, 2)]
    [InlineData(3, 40)]
    [InlineData(4, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 0.7)]
    public void ComputeMetzler_DoubledMatrix_SameBitsAsTheSquare(int n, double h)
    {
        var a = new double[n * n];
        if (n == 3) for (int q = 0; q < 9; q++) a[q] = PeerK(80, 20)[q] * h;
        else
        {
            // A Metzler matrix with some zero rates (a chain with a return flow): off-diagonal >= 0, columns summing to at most 0.
            var random = new Random(n);
            for (int j = 0; j < n; j++)
            {
                double outflow = 0;
                for (int i = 0; i < n; i++)
                {
                    if (i == j || random.NextDouble() < 0.3) continue;
                    a[i * n + j] = random.NextDouble() * h;
                    outflow += a[i * n + j];
                }
                a[j * n + j] = -outflow - random.NextDouble() * h;
            }
        }
        double[] doubled = [.. a.Select(v => 2 * v)];
        var once = new double[n * n];
        MatrixExponential.ComputeMetzler(a, n, once);
        var square = new double[n * n];
        MatrixExponential.Multiply(once, once, n, square);
        var direct = new double[n * n];
        MatrixExponential.ComputeMetzler(doubled, n, direct);
        for (int q = 0; q < n * n; q++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(square[q]), BitConverter.DoubleToInt64Bits(direct[q]));
        // And the value is the exponential: for the peer K, mass only leaves, so every column of exp(2A) sums to at most 1.
        for (int j = 0; j < n; j++) Assert.InRange(Enumerable.Range(0, n).Sum(i => direct[i * n + j]), 0, 1 + 1e-12);
    }
}
