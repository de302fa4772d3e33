using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace KetaminePkPd.Tests.Statistics;

/// <summary>Seeded bivariate normal samples for simulation tests: x = z1, y = rho z1 + sqrt(1 - rho^2) z2, z from MathNet's <c>Normal.Sample</c> on a Xoshiro256StarStar stream.</summary>
internal sealed class BivariateNormal(int seed)
{
    private readonly Xoshiro256StarStar _rng = new(seed, false);

    /// <summary>The random source, for tests that need more draws.</summary>
    public Random Random => _rng;

    /// <summary>Fills <paramref name="x"/> and <paramref name="y"/> with n standard bivariate normal pairs of correlation <paramref name="rho"/>.</summary>
    public void Fill(double rho, Span<double> x, Span<double> y)
    {
        double s = Math.Sqrt(1 - rho * rho);
        for (int i = 0; i < x.Length; i++)
        {
            double z1 = Normal.Sample(_rng, 0, 1), z2 = Normal.Sample(_rng, 0, 1);
            x[i] = z1;
            y[i] = rho * z1 + s * z2;
        }
    }
}
