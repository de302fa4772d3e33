using KetaminePkPd.Numerics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>Builds the two adaptive solvers by name, so tests can run as theories over both.</summary>
internal static class Solvers
{
    public const string DormandPrince = "DormandPrince54";
    public const string Rodas = "Rodas4";

    public static TheoryData<string> Both => new() { DormandPrince, Rodas };

    public static OdeSolver Create(string name, double rtol, double atol, int maxSteps = 100_000)
    {
        var tolerances = new OdeTolerances { RelativeTolerance = rtol, AbsoluteTolerance = atol, MaxSteps = maxSteps };
        return name switch
        {
            DormandPrince => new DormandPrince54Solver(tolerances),
            Rodas => new Rodas4Solver(tolerances),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown solver."),
        };
    }

    /// <summary>The fixed-step variant (internal test hook) that accepts every step of size <paramref name="h"/>.</summary>
    public static OdeSolver CreateFixedStep(string name, double h) => name switch
    {
        DormandPrince => new DormandPrince54Solver(OdeTolerances.Default, h),
        Rodas => new Rodas4Solver(OdeTolerances.Default, h),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown solver."),
    };

    /// <summary>Solves and returns the output states as a new array (tests only; the solvers themselves never allocate).</summary>
    public static (double[] States, OdeStatistics Statistics) Run(OdeSolver solver, IOdeSystem system, double t0, double[] y0, double[] times)
    {
        var states = new double[times.Length * system.Dimension];
        var statistics = solver.Solve(system, t0, y0, times, states);
        return (states, statistics);
    }

    /// <summary>n equally spaced times in (t0, tEnd], ending exactly at tEnd.</summary>
    public static double[] Grid(double t0, double tEnd, int n) =>
        [.. Enumerable.Range(1, n).Select(i => i == n ? tEnd : t0 + (tEnd - t0) * i / n)];
}

/// <summary>y' = -k y; exact y0 exp(-k t).</summary>
internal sealed class ExponentialDecay(double ratePerH) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -ratePerH * y[0];

    public double Exact(double y0, double t) => y0 * Math.Exp(-ratePerH * t);
}

/// <summary>n independent decays y_i' = -k_i y_i, for a system large enough to need pooled work space.</summary>
internal sealed class DecoupledDecay(double[] ratesPerH) : IOdeSystemWithJacobian
{
    public int Dimension => ratesPerH.Length;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        for (int i = 0; i < ratesPerH.Length; i++)
            dydt[i] = -ratesPerH[i] * y[i];
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        int n = ratesPerH.Length;
        jacobian[..(n * n)].Clear();
        for (int i = 0; i < n; i++)
            jacobian[i * n + i] = -ratesPerH[i];
    }
}

/// <summary>y1' = y2, y2' = -omega^2 y1 from (1, 0); exact (cos wt, -w sin wt).</summary>
internal sealed class LinearOscillator(double omega) : IOdeSystem
{
    public int Dimension => 2;

    public double Omega => omega;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = -omega * omega * y[0];
    }
}

/// <summary>Logistic growth y' = r y (1 - y); exact 1 / (1 + (1/y0 - 1) exp(-r t)). Smooth and nonlinear.</summary>
internal sealed class Logistic(double rate) : IOdeSystemWithJacobian
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = rate * y[0] * (1 - y[0]);

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => jacobian[0] = rate * (1 - 2 * y[0]);

    public double Exact(double y0, double t) => 1 / (1 + (1 / y0 - 1) * Math.Exp(-rate * t));
}

/// <summary>Non-autonomous y' = -k y + sin t; exact (y0 + 1/(k^2+1)) exp(-k t) + (k sin t - cos t) / (k^2 + 1).</summary>
internal sealed class ForcedDecay(double rate) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -rate * y[0] + Math.Sin(t);

    public double Exact(double y0, double t)
    {
        double d = rate * rate + 1;
        return (y0 + 1 / d) * Math.Exp(-rate * t) + (rate * Math.Sin(t) - Math.Cos(t)) / d;
    }
}

/// <summary>
/// Robertson's chemical kinetics (Hairer and Wanner, Solving ODEs II, section IV.1, eq. 1.4), the classic stiff test:
/// y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2, y3' = 3e7 y2^2, y(0) = (1, 0, 0).
/// </summary>
internal sealed class Robertson : IOdeSystemWithJacobian
{
    public int Dimension => 3;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        dydt[2] = 3e7 * y[1] * y[1];
        dydt[1] = -dydt[0] - dydt[2];
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[0] = -0.04;
        jacobian[1] = 1e4 * y[2];
        jacobian[2] = 1e4 * y[1];
        jacobian[3] = 0.04;
        jacobian[4] = -1e4 * y[2] - 6e7 * y[1];
        jacobian[5] = -1e4 * y[1];
        jacobian[6] = 0;
        jacobian[7] = 6e7 * y[1];
        jacobian[8] = 0;
    }
}

/// <summary>Van der Pol's oscillator y1' = y2, y2' = mu (1 - y1^2) y2 - y1; stiff for large mu (Hairer and Wanner II, section IV.1).</summary>
internal sealed class VanDerPol(double mu) : IOdeSystemWithJacobian
{
    public int Dimension => 2;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[0] = 0;
        jacobian[1] = 1;
        jacobian[2] = -2 * mu * y[0] * y[1] - 1;
        jacobian[3] = mu * (1 - y[0] * y[0]);
    }
}

/// <summary>dA/dt = K A for a constant row-major matrix K.</summary>
internal sealed class LinearSystem(double[,] matrix) : IOdeSystemWithJacobian
{
    private readonly int _n = matrix.GetLength(0);
    private readonly double[] _k = [.. matrix.Cast<double>()];

    public int Dimension => _n;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        for (int i = 0; i < _n; i++)
        {
            double sum = 0;
            for (int j = 0; j < _n; j++)
                sum += _k[i * _n + j] * y[j];
            dydt[i] = sum;
        }
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => _k.CopyTo(jacobian);
}

/// <summary>Hides a system's Jacobian so the stiff solver must difference it.</summary>
internal sealed class WithoutJacobian(IOdeSystem inner) : IOdeSystem
{
    public int Dimension => inner.Dimension;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => inner.Evaluate(t, y, dydt);
}

/// <summary>y' = -y, but the derivative is NaN for t &gt; <paramref name="failAfter"/> (a model that breaks mid-run).</summary>
internal sealed class NonFiniteAfter(double failAfter) : IOdeSystem
{
    public int Dimension => 1;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = t > failAfter ? double.NaN : -y[0];
}

/// <summary>Wraps a system and records the largest time it was evaluated at. Not thread-safe; one test at a time.</summary>
internal sealed class TimeRecorder(IOdeSystem inner) : IOdeSystem
{
    public double MaxTime { get; private set; } = double.NegativeInfinity;

    public int Dimension => inner.Dimension;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        MaxTime = Math.Max(MaxTime, t);
        inner.Evaluate(t, y, dydt);
    }
}
