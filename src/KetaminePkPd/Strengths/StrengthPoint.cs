using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>One grid point of a strength scan: the hypothesis at one strength, its outcome against each observation, and the combined p. Immutable.</summary>
public sealed record StrengthPoint
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="parameter">The strength scanned.</param>
    /// <param name="value">Its value at this point.</param>
    /// <param name="hypothesis">The hypothesis at this strength.</param>
    /// <param name="outcomes">One outcome per observation.</param>
    /// <param name="combinedP">The observations' two-sided p combined (<see cref="StrengthScanSettings.Combination"/>).</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public StrengthPoint(StrengthParameter parameter, double @value, Hypothesis hypothesis, EquatableArray<SensitivityOutcome> outcomes, double combinedP)
    {
        Parameter = parameter;
        Value = @value;
        Hypothesis = hypothesis;
        Outcomes = outcomes;
        CombinedP = combinedP;
    }

    /// <summary>The strength scanned.</summary>
    public StrengthParameter Parameter { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Parameter), value, "Undefined strength."); }

    /// <summary>Its value at this point.</summary>
    public double Value { get; init => field = Guard.Finite(value, nameof(Value)); }

    /// <summary>The hypothesis at this strength.</summary>
    public Hypothesis Hypothesis { get; init => field = Guard.NotNull(value, nameof(Hypothesis)); }

    /// <summary>One outcome per observation.</summary>
    public EquatableArray<SensitivityOutcome> Outcomes { get; init => field = Guard.Values(value, nameof(Outcomes)); }

    /// <summary>The observations' two-sided p combined (<see cref="StrengthScanSettings.Combination"/>).</summary>
    public double CombinedP { get; init => field = Guard.InRange(value, 0, 1, nameof(CombinedP)); }
}
