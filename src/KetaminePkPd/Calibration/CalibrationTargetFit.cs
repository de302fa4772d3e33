namespace KetaminePkPd.Calibration;

/// <summary>One target of the objective: its value, the simulated values at the start and at the fit, and the residual.</summary>
public sealed record CalibrationTargetFit
{
    internal CalibrationTargetFit(string key, string block, string unit, double target, double low, double high, double simulatedAtStart, double simulated, double residual, double residualAtStart)
    {
        Key = key;
        Block = block;
        Unit = unit;
        Target = target;
        Low = low;
        High = high;
        SimulatedAtStart = simulatedAtStart;
        Simulated = simulated;
        Residual = residual;
        ResidualAtStart = residualAtStart;
    }

    /// <summary>The target's key.</summary>
    public string Key { get; }

    /// <summary>The calibration block that measures it.</summary>
    public string Block { get; }

    /// <summary>Unit of the values.</summary>
    public string Unit { get; }

    /// <summary>The target value y (the published value when inside the acceptance interval, else its midpoint).</summary>
    public double Target { get; }

    /// <summary>Lower end of the acceptance interval.</summary>
    public double Low { get; }

    /// <summary>Upper end of the acceptance interval.</summary>
    public double High { get; }

    /// <summary>The simulated value at the start set (<see cref="CalibrationSettings.Start"/>, every parameter at its start value).</summary>
    public double SimulatedAtStart { get; }

    /// <summary>The simulated value at the fitted values.</summary>
    public double Simulated { get; }

    /// <summary>r = (simulated - y) / h at the fit, h the tolerance on the side the simulation falls.</summary>
    public double Residual { get; }

    /// <summary>r at the start set.</summary>
    public double ResidualAtStart { get; }

    /// <summary>This target's term of the objective at the fit, r^2.</summary>
    public double Contribution => Residual * Residual;
}
