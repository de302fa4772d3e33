using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// The reduced linear PK system dA/dt = K A + b as an ODE for the adaptive solvers. The input rates <see cref="Rates"/>
/// are constant during one solve and set between solves. Not thread-safe: one instance per simulation.
/// </summary>
internal sealed class LinearPkOde(ReducedSystem s) : IOdeSystemWithJacobian
{
    public double[] Rates { get; } = new double[s.M];

    public int Dimension => s.M;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        int m = s.M;
        var k = s.K;
        for (int i = 0; i < m; i++)
        {
            double d = Rates[i];
            int row = i * m;
            for (int j = 0; j < m; j++) d += k[row + j] * y[j];
            dydt[i] = d;
        }
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => s.K.CopyTo(jacobian);
}
