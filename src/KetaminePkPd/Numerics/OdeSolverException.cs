namespace KetaminePkPd.Numerics;

/// <summary>Thrown when an adaptive solver cannot continue: step size underflow, step budget exhausted, or a non-finite state.</summary>
public sealed class OdeSolverException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with the time reached.</param>
    public OdeSolverException(string message) : base(message) { }

    /// <summary>The time the solver had reached when it failed.</summary>
    public double Time { get; init; }
}
