namespace KetaminePkPd;

/// <summary>
/// Error tolerances for the adaptive solvers: a step is accepted when, for every component i,
/// the local error estimate is within <c>AbsoluteTolerance + RelativeTolerance * |y_i|</c> (in the RMS norm).
/// </summary>
public sealed record OdeTolerances
{
    private readonly double _relative = 1e-6;
    private readonly double _absolute = 1e-9;
    private readonly int _maxSteps = 100_000;

    /// <summary>Relative tolerance, in [1e-14, 0.1]. Default 1e-6.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [1e-14, 0.1] or not finite.</exception>
    public double RelativeTolerance
    {
        get => _relative;
        init => _relative = Guard.InRange(value, 1e-14, 0.1, nameof(RelativeTolerance));
    }

    /// <summary>Absolute tolerance in state units (mg for amounts), in [0, 1]; 0 means purely relative. Default 1e-9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1] or not finite.</exception>
    public double AbsoluteTolerance
    {
        get => _absolute;
        init => _absolute = Guard.InRange(value, 0, 1, nameof(AbsoluteTolerance));
    }

    /// <summary>Maximum number of steps (accepted plus rejected) per <see cref="Numerics.OdeSolver.Solve"/> call, at least 10. Default 100 000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 10.</exception>
    public int MaxSteps
    {
        get => _maxSteps;
        init => _maxSteps = value >= 10 ? value : throw new ArgumentOutOfRangeException(nameof(MaxSteps), value, $"MaxSteps must be at least 10, got {value}.");
    }

    /// <summary>The default tolerances: relative 1e-6, absolute 1e-9.</summary>
    public static OdeTolerances Default { get; } = new();
}
