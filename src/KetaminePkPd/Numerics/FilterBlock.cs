namespace KetaminePkPd.Numerics;

/// <summary>
/// The nonlinear part of a PK-PD system in Hammerstein form: drives u = f(x) that are static nonlinear functions of
/// the linear state x (amounts and effect-site concentrations), feeding a linear time-invariant filter
/// dp/dt = A p + B u. Emax effects (no filter), the plasticity signal of the antidepressant model, transit chains and
/// indirect responses acting on the input rate all have this form.
/// </summary>
internal abstract class FilterBlock
{
    /// <summary>Number of filter states q (may be 0).</summary>
    public abstract int States { get; }

    /// <summary>Number of drives r.</summary>
    public abstract int Drives { get; }

    /// <summary>A, q x q row-major; must be Metzler (off-diagonal &gt;= 0).</summary>
    public abstract ReadOnlySpan<double> A { get; }

    /// <summary>B, q x r row-major; entries &gt;= 0.</summary>
    public abstract ReadOnlySpan<double> B { get; }

    /// <summary>The filter state at time zero.</summary>
    public abstract void Initial(Span<double> p);

    /// <summary>Writes the drives u(x).</summary>
    public abstract void Drive(ReadOnlySpan<double> x, Span<double> u);

    /// <summary>Writes du/dt given x and dx/dt (the chain rule through <see cref="Drive"/>); the adaptive solvers' Jacobian uses it.</summary>
    public abstract void DriveRate(ReadOnlySpan<double> x, ReadOnlySpan<double> dx, Span<double> du);
}
