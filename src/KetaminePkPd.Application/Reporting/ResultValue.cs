namespace KetaminePkPd.Application.Reporting;

/// <summary>One cell of a <see cref="ResultTable"/>: a number, a whole number, a text, a truth value or nothing.</summary>
public readonly struct ResultValue : IEquatable<ResultValue>
{
    private readonly double _number;
    private readonly long _integer;
    private readonly string? _text;

    private ResultValue(ResultValueKind kind, double number, long integer, string? text)
    {
        Kind = kind;
        _number = number;
        _integer = integer;
        _text = text;
    }

    /// <summary>The empty value.</summary>
    public static ResultValue Empty => default;

    /// <summary>What the value holds.</summary>
    public ResultValueKind Kind { get; }

    /// <summary>The value as a double (numbers, whole numbers; NaN otherwise).</summary>
    public double Number => Kind switch
    {
        ResultValueKind.Number => _number,
        ResultValueKind.Integer => _integer,
        _ => double.NaN,
    };

    /// <summary>The text of a text value; null otherwise.</summary>
    public string? Text => Kind == ResultValueKind.Text ? _text : null;

    /// <summary>False only for a <see cref="ResultValueKind.Number"/> that is NaN or infinite.</summary>
    public bool IsFinite => Kind != ResultValueKind.Number || double.IsFinite(_number);

    /// <summary>A number.</summary>
    /// <param name="value">The number (may be non-finite; writers refuse it).</param>
    public static ResultValue Of(double value) => new(ResultValueKind.Number, value, 0, null);

    /// <summary>A number, or <see cref="Empty"/> for null.</summary>
    /// <param name="value">The number or null.</param>
    public static ResultValue Of(double? value) => value is { } v ? Of(v) : Empty;

    /// <summary>A whole number.</summary>
    /// <param name="value">The number.</param>
    public static ResultValue Of(long value) => new(ResultValueKind.Integer, 0, value, null);

    /// <summary>A text, or <see cref="Empty"/> for null.</summary>
    /// <param name="value">The text or null.</param>
    public static ResultValue Of(string? value) => value is null ? Empty : new(ResultValueKind.Text, 0, 0, value);

    /// <summary>A truth value.</summary>
    /// <param name="value">The value.</param>
    public static ResultValue Of(bool value) => new(ResultValueKind.Boolean, 0, value ? 1 : 0, null);

    /// <summary>A number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ResultValue(double value) => Of(value);

    /// <summary>A whole number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ResultValue(long value) => Of(value);

    /// <summary>A whole number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator ResultValue(int value) => Of((long)value);

    /// <summary>A text.</summary>
    /// <param name="value">The text or null.</param>
    public static implicit operator ResultValue(string? value) => Of(value);

    /// <summary>A truth value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ResultValue(bool value) => Of(value);

    /// <summary>The significant digits a number is written with by default: 15, as R's <c>write.csv</c> writes doubles.</summary>
    internal const int DefaultSignificantDigits = 15;

    /// <summary>The most significant digits: 17, which writes the shortest text that reads back as the same double.</summary>
    internal const int MaxSignificantDigits = NumberText.MaxSignificantDigits;

    /// <summary>
    /// The value as written to CSV (see <see cref="ToString(int)"/>) with 15 significant digits, as R's <c>write.csv</c>: e.g.
    /// <c>0.3</c> for 0.1 + 0.2, <c>TRUE</c>, <c>FALSE</c>.
    /// </summary>
    public override string ToString() => ToString(DefaultSignificantDigits);

    /// <summary>
    /// The value as written to CSV: a number with at most <paramref name="significantDigits"/> significant digits in its
    /// shortest form (invariant culture, <c>E</c> notation for very small or large values, trailing zeros dropped, -0 as
    /// <c>0</c>; with 17 the shortest round-trip form, which reads back as the same double), whole numbers as digits, truth values
    /// as <c>TRUE</c>/<c>FALSE</c> (the spelling R's <c>read.csv</c>, readr and pandas all read as logical), texts as they
    /// are, the empty value as an empty string.
    /// </summary>
    /// <param name="significantDigits">Significant digits of a number, 1 to 17.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> outside 1 to 17.</exception>
    public string ToString(int significantDigits)
    {
        CheckDigits(significantDigits, nameof(significantDigits));
        return Kind switch
        {
            ResultValueKind.Number => FormatNumber(_number, significantDigits),
            ResultValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
            ResultValueKind.Text => _text!,
            ResultValueKind.Boolean => _integer != 0 ? "TRUE" : "FALSE",
            _ => "",
        };
    }

    /// <summary>Throws unless <paramref name="digits"/> is 1 to <see cref="MaxSignificantDigits"/>.</summary>
    internal static int CheckDigits(int digits, string name) => digits is >= 1 and <= MaxSignificantDigits ? digits
        : throw new ArgumentOutOfRangeException(name, digits, $"{name} must be 1 to {MaxSignificantDigits} significant digits, got {digits}.");

    /// <summary>
    /// The one number format of every CSV the library writes: at most <paramref name="digits"/> significant digits,
    /// shortest form, -0 as 0; 17 digits gives the shortest round-trip form.
    /// </summary>
    internal static string FormatNumber(double value, int digits) => NumberText.Significant(value, digits);

    /// <inheritdoc />
    public bool Equals(ResultValue other) => Kind == other.Kind && Kind switch
    {
        ResultValueKind.Number => _number.Equals(other._number),
        ResultValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        ResultValueKind.Empty => true,
        _ => _integer == other._integer,
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResultValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _integer, _text);

    /// <summary>Value equality.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(ResultValue left, ResultValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(ResultValue left, ResultValue right) => !left.Equals(right);
}
