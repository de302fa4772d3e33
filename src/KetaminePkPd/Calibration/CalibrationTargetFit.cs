namespace KetaminePkPd.Calibration;

/// <summary>One target of the objective: its value, the simulated values at the start and at the fit, and the residual.</summary>
/// <param name="Key">The target's key.</param>
/// <param name="Block">The calibration block that measures it.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Target">The target value y (the published value when inside the acceptance interval, else its midpoint).</param>
/// <param name="Low">Lower end of the acceptance interval.</param>
/// <param name="High">Upper end of the acceptance interval.</param>
/// <param name="SimulatedAtStart">The simulated value at the start set (<see cref="CalibrationSettings.Start"/>, every parameter at its start value).</param>
/// <param name="Simulated">The simulated value at the fitted values.</param>
/// <param name="Residual">r = (simulated - y) / h at the fit, h the tolerance on the side the simulation falls.</param>
/// <param name="ResidualAtStart">r at the start set.</param>
public sealed record CalibrationTargetFit(string Key, string Block, string Unit, double Target, double Low, double High,
    double SimulatedAtStart, double Simulated, double Residual, double ResidualAtStart)
{
    /// <summary>This target's term of the objective at the fit, r^2.</summary>
    public double Contribution => Residual * Residual;
}
