using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// The reduced linear PK system as an ODE for the adaptive solvers, with four accumulator states appended:
/// parent AUC (mg.h/L), metabolite AUC (mg.h/L), amount eliminated (mg) and amount input (mg).
/// The input rates <see cref="Rates"/> are constant during one solve and set between solves.
/// </summary>
internal sealed class LinearPkOde(ReducedSystem s) : IOdeSystemWithJacobian
{
    public double[] Rates { get; } = new double[s.M];

    public int Dimension => s.M + ReducedSystem.Accumulators;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        int m = s.M;
        var k = s.K;
        double elim = 0, input = 0;
        for (int i = 0; i < m; i++)
        {
            double d = Rates[i];
            int row = i * m;
            for (int j = 0; j < m; j++) d += k[row + j] * y[j];
            dydt[i] = d;
            elim += s.EliminationRates[i] * y[i];
            input += Rates[i];
        }
        dydt[m] = y[s.Central] * s.InverseCentralVolume;
        dydt[m + 1] = s.Metabolite >= 0 ? y[s.Metabolite] * s.InverseMetaboliteVolume : 0;
        dydt[m + 2] = elim;
        dydt[m + 3] = input;
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        int m = s.M, d = Dimension;
        jacobian[..(d * d)].Clear();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) jacobian[i * d + j] = s.K[i * m + j];
        jacobian[m * d + s.Central] = s.InverseCentralVolume;
        if (s.Metabolite >= 0) jacobian[(m + 1) * d + s.Metabolite] = s.InverseMetaboliteVolume;
        for (int j = 0; j < m; j++) jacobian[(m + 2) * d + j] = s.EliminationRates[j];
    }
}
