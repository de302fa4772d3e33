namespace KetaminePkPd.Validation;

/// <summary>
/// One published number the model is held to: what is measured, in which design, the published value and its interval,
/// the acceptance interval with the reasoning behind it (including the Monte Carlo error of the simulation), the source,
/// and whether the model was calibrated to it. Immutable and always valid. The catalogue is <see cref="ValidationTarget.All"/>.
/// </summary>
public sealed partial record ValidationTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="key">Unique short key (letters, digits, '-' and '.'), e.g. <c>esk-56-day1</c>.</param>
    /// <param name="quantity">What is measured, in words.</param>
    /// <param name="design">The simulated design (drug, dose, route, population size).</param>
    /// <param name="unit">Unit of the value (e.g. <c>MADRS points</c>, <c>ng/mL</c>, <c>%</c>, <c>-</c>).</param>
    /// <param name="published">The published value, or null when the source gives only a direction or a range.</param>
    /// <param name="publishedText">The published value as the source states it, with its interval (e.g. <c>-4.0 (95% CI -7.3 to -0.6)</c>).</param>
    /// <param name="low">Lower end of the acceptance interval (finite, at most <paramref name="high"/>).</param>
    /// <param name="high">Upper end of the acceptance interval.</param>
    /// <param name="tolerance">Why the acceptance interval is what it is: the published uncertainty and the simulation's Monte Carlo error.</param>
    /// <param name="source">Citation of the published value, and where it was read.</param>
    /// <param name="use">Calibration target, independent check, or tracked headline.</param>
    /// <param name="knownMiss">Why the model cannot reach this target with a defensible structure, or null.</param>
    /// <exception cref="ArgumentException">An empty text, a malformed key, or a non-finite or reversed interval.</exception>
    public ValidationTarget(string key, string quantity, string design, string unit, double? published, string publishedText,
        double low, double high, string tolerance, string source, ValidationUse use, string? knownMiss = null)
    {
        Key = Guard.NotBlank(key, nameof(key)).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? key
            : throw new ArgumentException($"key must hold only ASCII letters, digits, '-' and '.', got '{key}'.", nameof(key));
        Quantity = Guard.NotBlank(quantity, nameof(quantity));
        Design = Guard.NotBlank(design, nameof(design));
        Unit = Guard.NotBlank(unit, nameof(unit));
        Published = Guard.Finite(published, nameof(published));
        PublishedText = Guard.NotBlank(publishedText, nameof(publishedText));
        Low = Guard.Finite(low, nameof(low));
        High = double.IsFinite(high) && high >= low ? high
            : throw new ArgumentOutOfRangeException(nameof(high), high, $"high must be finite and at least low ({low}), got {high}.");
        Tolerance = Guard.NotBlank(tolerance, nameof(tolerance));
        Source = Guard.NotBlank(source, nameof(source));
        Use = Guard.Defined(use, nameof(use));
        KnownMiss = knownMiss is null ? null : Guard.NotBlank(knownMiss, nameof(knownMiss));
    }

    /// <summary>Unique short key.</summary>
    public string Key { get; }

    /// <summary>What is measured.</summary>
    public string Quantity { get; }

    /// <summary>The simulated design.</summary>
    public string Design { get; }

    /// <summary>Unit of the value.</summary>
    public string Unit { get; }

    /// <summary>The published value, or null when the source gives only a direction or a range.</summary>
    public double? Published { get; }

    /// <summary>The published value as stated, with its interval.</summary>
    public string PublishedText { get; }

    /// <summary>Lower end of the acceptance interval.</summary>
    public double Low { get; }

    /// <summary>Upper end of the acceptance interval.</summary>
    public double High { get; }

    /// <summary>Why the acceptance interval is what it is.</summary>
    public string Tolerance { get; }

    /// <summary>Citation of the published value.</summary>
    public string Source { get; }

    /// <summary>Calibration target, independent check or tracked headline.</summary>
    public ValidationUse Use { get; }

    /// <summary>Why the model cannot reach the target, or null.</summary>
    public string? KnownMiss { get; }

    /// <summary>The status of a simulated value: hit inside [<see cref="Low"/>, <see cref="High"/>]; otherwise an explained miss when
    /// <see cref="KnownMiss"/> is set, a miss when not; always <see cref="ValidationStatus.Reported"/> for a tracked number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-finite value.</exception>
    public ValidationStatus Judge(double simulated)
    {
        if (!double.IsFinite(simulated)) throw new ArgumentOutOfRangeException(nameof(simulated), simulated, $"The simulated value of '{Key}' must be finite, got {simulated}.");
        if (Use == ValidationUse.Tracked) return ValidationStatus.Reported;
        if (simulated >= Low && simulated <= High) return ValidationStatus.Hit;
        return KnownMiss is null ? ValidationStatus.Miss : ValidationStatus.ExplainedMiss;
    }
}
