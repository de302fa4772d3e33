namespace KetaminePkPd.Numerics;

/// <summary>
/// The steady state of a linear system dA/dt = K A + b(t) under a dose repeated every tau forever: the state P just before
/// a dose, with P = exp(K tau) P + g, where g is the state reached from zero over one interval under that interval's input
/// (boluses at offsets in [0, tau) and zero-order segments within it). Solved exactly: P = (I - exp(K tau))^-1 g. Shared by
/// the data-set engine (NONMEM's SS records) and <see cref="DosingRegimen.WithSteadyState"/>.
/// </summary>
internal static class PeriodicState
{
    /// <summary>Adds to <paramref name="g"/> the state reached from <paramref name="g"/> at offset 0 to offset <paramref name="tau"/>
    /// under <paramref name="boluses"/> (compartment, offset in [0, tau), amount) and <paramref name="segments"/> (compartment,
    /// from, to within [0, tau], rate); that is, g of one interval when <paramref name="g"/> starts at zero.</summary>
    public static void Integrate(LinearPropagator propagator, int n, double tau, IReadOnlyList<(int Compartment, double At, double Amount)> boluses,
        IReadOnlyList<(int Compartment, double From, double To, double Rate)> segments, Span<double> g)
    {
        var points = new SortedSet<double> { 0, tau };
        foreach (var b in boluses) points.Add(b.At);
        foreach (var s in segments)
        {
            points.Add(s.From);
            points.Add(s.To);
        }
        var bw = new double[n];
        double prev = double.NaN;
        foreach (double point in points)
        {
            if (!double.IsNaN(prev) && point > prev)
            {
                double mid = 0.5 * (prev + point);
                Array.Clear(bw);
                bool active = false;
                foreach (var s in segments)
                    if (s.From <= mid && mid < s.To)
                    {
                        bw[s.Compartment] += s.Rate;
                        active = true;
                    }
                propagator.Step(g, propagator.Prepare(bw, active, point - prev));
            }
            if (point < tau)
                foreach (var b in boluses)
                    if (b.At == point) g[b.Compartment] += b.Amount;
            prev = point;
        }
    }

    /// <summary>Factors I - exp(K tau) into <paramref name="lu"/> (n x n) and <paramref name="pivots"/>; false when it is singular.</summary>
    public static bool Factor(LinearPropagator propagator, int n, double tau, double[] lu, int[] pivots)
    {
        var phi = propagator.Prepare(new double[n], false, tau).Phi;
        for (int q = 0; q < n * n; q++) lu[q] = -phi[q];
        for (int q = 0; q < n; q++) lu[q * n + q] += 1;
        return DenseLu.Factor(lu, n, pivots);
    }

    /// <summary>
    /// The periodic state just before a dose of the system with rate matrix <paramref name="k"/> (n x n, row-major), every
    /// compartment clamped at zero from below (round-off), for a dose repeated every <paramref name="tau"/>.
    /// </summary>
    /// <exception cref="ArgumentException">I - exp(K tau) is singular (a compartment that never drains).</exception>
    public static double[] Solve(double[] k, int n, double tau, IReadOnlyList<(int Compartment, double At, double Amount)> boluses,
        IReadOnlyList<(int Compartment, double From, double To, double Rate)> segments)
    {
        var propagator = new LinearPropagator(k, n);
        var g = new double[n];
        Integrate(propagator, n, tau, boluses, segments, g);
        var lu = new double[n * n];
        var pivots = new int[n];
        if (!Factor(propagator, n, tau, lu, pivots)) throw new ArgumentException("No steady state: I - exp(K tau) is singular (a compartment that never drains).", nameof(k));
        DenseLu.Solve(lu, n, pivots, g);
        for (int q = 0; q < n; q++) g[q] = Math.Max(0, g[q]);
        return g;
    }
}
