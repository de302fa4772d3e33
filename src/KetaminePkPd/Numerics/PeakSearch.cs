namespace KetaminePkPd.Numerics;

/// <summary>
/// Locates the maximum of one component of the linear state of a finished <see cref="LinearMarch"/>.
/// </summary>
/// <remarks>
/// The largest value among the evaluated points (outputs and event times) is found first. No event lies between two
/// consecutive points, so the solution is smooth on the pieces to either side of it; each piece is scanned in sub-steps
/// of at most one minute with the exact propagator, and where the slope g = (K x + b)_c turns from positive to negative
/// the component is represented on that sub-step by its quintic Hermite interpolant (value, slope and curvature
/// (K (K x + b))_c at both ends, all exact), whose maximum is found by safeguarded Newton iteration. For sub-steps of
/// one minute and time constants of a few minutes the interpolation error is below 1e-8 relative.
/// </remarks>
internal static class PeakSearch
{
    private const double MaxSubStepH = 1.0 / 60;

    /// <summary>Returns (time of the maximum, value of x[c] there).</summary>
    /// <param name="propagator">An exact propagator for K (its cache is reused).</param>
    /// <param name="k">K of the linear part, n x n.</param>
    /// <param name="n">Linear dimension (the first n entries of each stored state).</param>
    /// <param name="points">Evaluated points.</param>
    /// <param name="outStates">The output states the points refer to.</param>
    /// <param name="ratesAt">Zero-order input rates (length n) in force just after a time.</param>
    /// <param name="c">Component to maximise.</param>
    public static (double T, double Value) Maximum(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates,
        Func<double, double[]> ratesAt, int c)
    {
        int best = 0;
        double max = double.NegativeInfinity;
        for (int p = 0; p < points.Count; p++)
        {
            double v = points.State(p, outStates)[c];
            if (v > max) { max = v; best = p; }
        }
        double tmax = points.Time(best);
        if (max > 0)
        {
            if (best > 0) Refine(propagator, k, n, points, outStates, ratesAt, best - 1, points.Time(best), c, ref max, ref tmax);
            if (best + 1 < points.Count) Refine(propagator, k, n, points, outStates, ratesAt, best, points.Time(best + 1), c, ref max, ref tmax);
        }
        return (tmax, max);
    }

    private static void Refine(LinearPropagator propagator, double[] k, int n, EvaluatedPoints points, double[] outStates, Func<double, double[]> ratesAt,
        int start, double tRight, int c, ref double max, ref double tmax)
    {
        double t0 = points.Time(start), span = tRight - t0;
        if (span <= 1e-9) return;
        var rates = ratesAt(t0);
        bool hasInput = rates.Any(r => r > 0);
        int steps = (int)Math.Ceiling(span / MaxSubStepH - 1e-9);
        double delta = span / steps;
        var step = propagator.Prepare(rates, hasInput, delta);
        var x = points.State(start, outStates)[..n].ToArray();
        var previous = (double[])x.Clone();
        double g0 = Slope(k, n, x, rates, c);
        for (int s = 0; s < steps; s++)
        {
            x.CopyTo(previous, 0);
            propagator.Step(x, step);
            double g1 = Slope(k, n, x, rates, c);
            if (g0 > 0 && g1 <= 0)
            {
                var (u, value) = QuinticMaximum(k, n, previous, x, rates, c, delta);
                if (value > max) { max = value; tmax = t0 + (s + u) * delta; }
                return;
            }
            g0 = g1;
        }
    }

    /// <summary>(K x + b)_c.</summary>
    private static double Slope(double[] k, int n, ReadOnlySpan<double> x, ReadOnlySpan<double> b, int c)
    {
        double d = b[c];
        for (int j = 0; j < n; j++) d += k[c * n + j] * x[j];
        return d;
    }

    /// <summary>(K (K x + b))_c.</summary>
    private static double Curvature(double[] k, int n, ReadOnlySpan<double> x, ReadOnlySpan<double> b, int c)
    {
        double s = 0;
        for (int j = 0; j < n; j++)
        {
            double kj = k[c * n + j];
            if (kj == 0) continue;
            s += kj * Slope(k, n, x, b, j);
        }
        return s;
    }

    /// <summary>Maximum of the quintic Hermite interpolant of x_c on a sub-step of length h whose slope changes sign: (fraction u in [0, 1], value).</summary>
    private static (double U, double Value) QuinticMaximum(double[] k, int n, double[] x0, double[] x1, double[] b, int c, double h)
    {
        double f0 = x0[c], f1 = x1[c];
        double d0 = Slope(k, n, x0, b, c) * h, d1 = Slope(k, n, x1, b, c) * h;
        double s0 = Curvature(k, n, x0, b, c) * h * h, s1 = Curvature(k, n, x1, b, c) * h * h;
        double a0 = f0, a1 = d0, a2 = s0 / 2;
        double big = f1 - (a0 + a1 + a2), dd = d1 - (a1 + 2 * a2), ss = s1 - 2 * a2;
        double a3 = 10 * big - 4 * dd + ss / 2, a4 = -15 * big + 7 * dd - ss, a5 = 6 * big - 3 * dd + ss / 2;
        double P(double u) => a0 + u * (a1 + u * (a2 + u * (a3 + u * (a4 + u * a5))));
        double Dp(double u) => a1 + u * (2 * a2 + u * (3 * a3 + u * (4 * a4 + u * 5 * a5)));
        double D2p(double u) => 2 * a2 + u * (6 * a3 + u * (12 * a4 + u * 20 * a5));
        double lo = 0, hi = 1, v = d0 / (d0 - d1);
        if (!(v > 0 && v < 1)) v = 0.5;
        for (int it = 0; it < 60; it++)
        {
            double g = Dp(v);
            if (g > 0) lo = v; else hi = v;
            double gp = D2p(v);
            double next = gp < 0 ? v - g / gp : double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            bool done = Math.Abs(next - v) <= 1e-12 || hi - lo <= 1e-12;
            v = next;
            if (done) break;
        }
        return (v, P(v));
    }
}
