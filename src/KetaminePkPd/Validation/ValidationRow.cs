namespace KetaminePkPd.Validation;

/// <summary>One line of the validation table: a target, the simulated value and the verdict. Immutable.</summary>
/// <param name="Target">The target.</param>
/// <param name="Simulated">The simulated value, in <see cref="ValidationTarget.Unit"/>.</param>
/// <param name="Status">Hit, miss, explained miss or reported.</param>
public sealed record ValidationRow(ValidationTarget Target, double Simulated, ValidationStatus Status)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Target, nameof(Target)) is not null && Guard.Finite(Simulated, nameof(Simulated)) == Simulated
        && (Enum.IsDefined(Status) ? true : throw new ArgumentOutOfRangeException(nameof(Status), Status, $"Status must be one of {string.Join(", ", Enum.GetNames<ValidationStatus>())}, got {(int)Status}."));

    /// <summary>Simulated minus published value, or null when the target has no published value.</summary>
    public double? Deviation => Target.Published is { } p ? Simulated - p : null;
}
