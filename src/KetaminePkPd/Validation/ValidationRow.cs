namespace KetaminePkPd.Validation;

/// <summary>One line of the validation table: a target, the simulated value and the verdict. Immutable.</summary>
public sealed record ValidationRow
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="target">The target.</param>
    /// <param name="simulated">The simulated value, in <see cref="ValidationTarget.Unit"/>.</param>
    /// <param name="status">Hit, miss, explained miss or reported.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public ValidationRow(ValidationTarget target, double simulated, ValidationStatus status)
    {
        Target = target;
        Simulated = simulated;
        Status = status;
    }

    /// <summary>The target.</summary>
    public ValidationTarget Target { get; init => field = Guard.NotNull(value, nameof(Target)); }

    /// <summary>The simulated value, in <see cref="ValidationTarget.Unit"/>.</summary>
    public double Simulated { get; init => field = Guard.Finite(value, nameof(Simulated)); }

    /// <summary>Hit, miss, explained miss or reported.</summary>
    public ValidationStatus Status { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Status), value, $"Status must be one of {string.Join(", ", Enum.GetNames<ValidationStatus>())}, got {(int)value}."); }

    /// <summary>Simulated minus published value, or null when the target has no published value.</summary>
    public double? Deviation => Target.Published is { } p ? Simulated - p : null;
}
