namespace KetaminePkPd;

/// <summary>
/// Thrown when a result to be written holds NaN or an infinity, so that nothing non-finite is ever written. Writers
/// check every value before the first byte is out, so a failed write leaves the destination as it was.
/// </summary>
public sealed class NonFiniteResultException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not finite, and where.</param>
    public NonFiniteResultException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public NonFiniteResultException() : base("A result holds a non-finite value; nothing was written.")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">What was not finite, and where.</param>
    /// <param name="innerException">The cause.</param>
    public NonFiniteResultException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
