namespace KetaminePkPd.Sensitivity;

/// <summary>
/// How much one assumption decides a median r across the plausible worlds: its partial rank correlation coefficient
/// (PRCC) with the median r, holding the other sampled assumptions fixed (Marino S et al. J Theor Biol 2008;254:178), with
/// the Monte Carlo error of that estimate (Fisher's z: SD 1 / sqrt(n - 2 - p) on the atanh scale for n worlds and p
/// assumptions). NaN when there are too few plausible worlds (fewer than p + 3). Immutable; built by
/// <see cref="GlobalSensitivityResult.Run"/>.
/// </summary>
public sealed record GlobalImportance
{
    internal GlobalImportance(SensitivityAssumption assumption, double prcc, double standardError, double lower, double upper)
    {
        Assumption = assumption;
        Prcc = prcc;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The assumption.</summary>
    public SensitivityAssumption Assumption { get; }

    /// <summary>The PRCC, in [-1, 1]: positive when a larger value of the assumption gives a larger (less negative) median r; NaN when undefined.</summary>
    public double Prcc { get; }

    /// <summary>Its standard error, (1 - PRCC^2) / sqrt(n - 2 - p).</summary>
    public double StandardError { get; }

    /// <summary>Lower end of its 95% interval (Fisher's z).</summary>
    public double Lower { get; }

    /// <summary>Upper end of its 95% interval.</summary>
    public double Upper { get; }
}
