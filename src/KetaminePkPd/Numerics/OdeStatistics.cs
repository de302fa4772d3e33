namespace KetaminePkPd.Numerics;

/// <summary>Work done by one adaptive solve.</summary>
/// <param name="AcceptedSteps">Steps accepted.</param>
/// <param name="RejectedSteps">Steps rejected by the error test (or, for the stiff solver, by a failed factorisation).</param>
/// <param name="FunctionEvaluations">Calls to <see cref="IOdeSystem.Evaluate"/> (including those for finite-difference Jacobians).</param>
/// <param name="JacobianEvaluations">Jacobians formed (analytic or by finite differences); 0 for explicit solvers.</param>
/// <param name="Factorizations">LU factorisations; 0 for explicit solvers.</param>
public readonly record struct OdeStatistics(int AcceptedSteps, int RejectedSteps, int FunctionEvaluations, int JacobianEvaluations, int Factorizations)
{
    /// <summary>Adds two sets of counts, for work split over several segments.</summary>
    public static OdeStatistics operator +(OdeStatistics a, OdeStatistics b) => new(
        a.AcceptedSteps + b.AcceptedSteps, a.RejectedSteps + b.RejectedSteps, a.FunctionEvaluations + b.FunctionEvaluations,
        a.JacobianEvaluations + b.JacobianEvaluations, a.Factorizations + b.Factorizations);
}
