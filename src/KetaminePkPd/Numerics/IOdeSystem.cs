namespace KetaminePkPd.Numerics;

/// <summary>
/// A system of first-order ordinary differential equations <c>dy/dt = f(t, y)</c>, the extension point through
/// which user-defined (including nonlinear) models reach the adaptive solvers.
/// </summary>
/// <remarks>
/// Implementations must be pure: <see cref="Evaluate"/> reads the state and writes every element of
/// the derivative, keeps no state between calls and allocates nothing. Time is in hours and state in
/// canonical units (amounts in mg) throughout the library, but the solvers themselves are unit-agnostic.
/// </remarks>
internal interface IOdeSystem
{
    /// <summary>Number of state variables; at least 1.</summary>
    int Dimension { get; }

    /// <summary>Evaluates the right-hand side at time <paramref name="t"/>.</summary>
    /// <param name="t">Time (h in this library).</param>
    /// <param name="y">State, length <see cref="Dimension"/>.</param>
    /// <param name="dydt">Receives the derivative, length <see cref="Dimension"/>; every element must be written.</param>
    void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt);
}
