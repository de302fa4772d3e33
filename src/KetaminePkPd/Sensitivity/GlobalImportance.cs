namespace KetaminePkPd.Sensitivity;

/// <summary>
/// How much one assumption decides a median r across the plausible worlds: its partial rank correlation coefficient
/// (PRCC) with the median r, holding the other sampled assumptions fixed (Marino S et al. J Theor Biol 2008;254:178), with
/// the Monte Carlo error of that estimate (Fisher's z: SD 1 / sqrt(n - 2 - p) on the atanh scale for n worlds and p
/// assumptions). NaN when there are too few plausible worlds (fewer than p + 3).
/// </summary>
/// <param name="Assumption">The assumption.</param>
/// <param name="Prcc">The PRCC, in [-1, 1]: positive when a larger value of the assumption gives a larger (less negative) median r.</param>
/// <param name="StandardError">Its standard error, (1 - PRCC^2) / sqrt(n - 2 - p).</param>
/// <param name="Lower">Lower end of its 95% interval (Fisher's z).</param>
/// <param name="Upper">Upper end of its 95% interval.</param>
public readonly record struct GlobalImportance(SensitivityAssumption Assumption, double Prcc, double StandardError, double Lower, double Upper);
