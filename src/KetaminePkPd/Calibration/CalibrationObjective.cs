using KetaminePkPd.Validation;

namespace KetaminePkPd.Calibration;

/// <summary>
/// The declared objective: F = sum over targets i of r_i^2, with r_i = (s_i - y_i) / h_i, where s_i is the simulated value,
/// y_i the target value (the published value when the catalogue gives one inside the acceptance interval [L_i, H_i], else the
/// interval's midpoint) and h_i the tolerance on the side the simulation falls: H_i - y_i when s_i >= y_i, y_i - L_i when
/// below (a side of zero width takes the other side's). A target whose interval has zero width (an exact count) is not in
/// the objective. Where the tolerance is a 95% half-width (1.96 standard errors), r_i = z_i / 1.96 and F = chi^2 / 3.84, so
/// F rising by 1 from its minimum is the 95% profile-likelihood bound of one parameter.
/// </summary>
internal static class CalibrationObjective
{
    /// <summary>The target value y: the published value when inside [Low, High], else the midpoint.</summary>
    public static double TargetValue(ValidationTarget target) =>
        target.Published is { } p && p >= target.Low && p <= target.High ? p : (target.Low + target.High) / 2;

    /// <summary>Whether the target can enter the objective (its acceptance interval has a positive width).</summary>
    public static bool IsFittable(ValidationTarget target) => target.High > target.Low;

    /// <summary>The residual r = (s - y) / h of <paramref name="simulated"/> against <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">A target of zero width.</exception>
    public static double Residual(ValidationTarget target, double simulated)
    {
        if (!IsFittable(target)) throw new ArgumentException($"Target '{target.Key}' has an acceptance interval of zero width and cannot enter the objective.", nameof(target));
        double y = TargetValue(target), up = target.High - y, down = y - target.Low;
        double h = simulated >= y ? (up > 0 ? up : down) : (down > 0 ? down : up);
        return (simulated - y) / h;
    }

    /// <summary>F = sum of r_i^2 over <paramref name="targets"/>, each simulated value taken from <paramref name="simulated"/> by key.</summary>
    /// <exception cref="KeyNotFoundException">A target without a simulated value.</exception>
    public static double Value(IEnumerable<ValidationTarget> targets, IReadOnlyDictionary<string, double> simulated)
    {
        double sum = 0;
        foreach (var t in targets)
        {
            double r = Residual(t, simulated[t.Key]);
            sum += r * r;
        }
        return sum;
    }
}
