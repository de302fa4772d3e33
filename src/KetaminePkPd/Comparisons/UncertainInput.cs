namespace KetaminePkPd.Comparisons;

/// <summary>An input of an arm that the literature does not pin down (e.g. racemic intranasal bioavailability, 11-45%), with the range the comparison was also run at. Immutable; every property is checked when set, so a <c>with</c> expression is checked too.</summary>
public sealed record UncertainInput
{
    /// <summary>Creates the input.</summary>
    /// <param name="parameter">Parameter name (e.g. F_IN), not blank.</param>
    /// <param name="value">Value used for the typical numbers (finite).</param>
    /// <param name="low">Low end of the documented range (finite).</param>
    /// <param name="high">High end of the documented range (finite, &gt;= <paramref name="low"/>).</param>
    /// <param name="source">Where the range comes from.</param>
    /// <exception cref="ArgumentException">A blank name, a non-finite value, or <paramref name="high"/> below <paramref name="low"/>.</exception>
    public UncertainInput(string parameter, double value, double low, double high, string source)
    {
        Parameter = parameter;
        Value = value;
        Low = low;
        High = high;
        Source = source;
    }

    /// <summary>Parameter name (e.g. F_IN).</summary>
    public string Parameter { get; init => field = Guard.NotBlank(value, nameof(Parameter)); }

    /// <summary>Value used for the typical numbers.</summary>
    public double Value { get; init => field = Guard.Finite(value, nameof(Value)); }

    /// <summary>Low end of the documented range.</summary>
    public double Low { get; init => field = Guard.Finite(value, nameof(Low)); }

    /// <summary>High end of the documented range (at least <see cref="Low"/>).</summary>
    public double High
    {
        get;
        init => field = Guard.Finite(value, nameof(High)) >= Low ? value
            : throw new ArgumentException($"UncertainInput needs Low <= High, got [{Guard.F(Low)}, {Guard.F(value)}].", nameof(High));
    }

    /// <summary>Where the range comes from.</summary>
    public string Source { get; init => field = Guard.NotNull(value, nameof(Source)); }
}
