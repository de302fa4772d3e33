namespace KetaminePkPd.Numerics;

/// <summary>An <see cref="IOdeSystem"/> that also supplies its Jacobian, used by the stiff solver instead of finite differences.</summary>
internal interface IOdeSystemWithJacobian : IOdeSystem
{
    /// <summary>Writes the Jacobian <c>J[i * n + j] = df_i/dy_j</c> (row-major, n = <see cref="IOdeSystem.Dimension"/>).</summary>
    /// <param name="t">Time.</param>
    /// <param name="y">State, length n.</param>
    /// <param name="jacobian">Receives n * n elements; every element must be written.</param>
    void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian);
}
