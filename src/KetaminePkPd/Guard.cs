using System.Collections.Immutable;
using System.Globalization;

namespace KetaminePkPd;

/// <summary>Argument checks that name the parameter, the value and what is allowed.</summary>
internal static class Guard
{
    /// <summary>Returns <paramref name="value"/> if finite and in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double InRange(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and in [{F(min)}, {F(max)}], got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if finite and in (<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double InRangeExclusiveMin(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value <= min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and in ({F(min)}, {F(max)}], got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if finite and &gt;= 0.</summary>
    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and >= 0, got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if finite and &gt; 0.</summary>
    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0, got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if it is at least zero.</summary>
    public static TimeSpan NonNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0, got {Durations.Format(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if it is greater than zero.</summary>
    public static TimeSpan Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0, got {Durations.Format(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if it is in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static TimeSpan InRange(TimeSpan value, TimeSpan min, TimeSpan max, string name) =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{Durations.Format(min)}, {Durations.Format(max)}], got {Durations.Format(value)}.");

    /// <summary>Returns <paramref name="value"/> if it is in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], got {value}.");

    /// <summary>Returns <paramref name="value"/> if finite.</summary>
    public static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, got {F(value)}.");

    /// <summary>Returns <paramref name="value"/> if null or finite.</summary>
    public static double? Finite(double? value, string name) => value is { } v ? Finite(v, name) : null;

    /// <summary>Returns <paramref name="value"/> if not null.</summary>
    public static T NotNull<T>(T? value, string name) where T : class => value ?? throw new ArgumentNullException(name);

    /// <summary>Returns <paramref name="values"/> if it is not a default array (and, when <paramref name="length"/> is given, has that length).</summary>
    public static ImmutableArray<T> Values<T>(ImmutableArray<T> values, string name, int? length = null)
    {
        if (values.IsDefault) throw new ArgumentException($"{name} must be an initialised array, got a default ImmutableArray.", name);
        if (length is { } n && values.Length != n) throw new ArgumentException($"{name} must hold {n} values, got {values.Length}.", name);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> if it is not a default array, every value is finite, and (when given) it has <paramref name="length"/> values.</summary>
    public static ImmutableArray<double> FiniteValues(ImmutableArray<double> values, string name, int? length = null)
    {
        FiniteValues((EquatableArray<double>)Values(values, name, length), name);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> if (when given) it has <paramref name="length"/> values.</summary>
    public static EquatableArray<T> Values<T>(EquatableArray<T> values, string name, int? length = null)
    {
        if (length is { } n && values.Length != n) throw new ArgumentException($"{name} must hold {n} values, got {values.Length}.", name);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> if every value is finite and (when given) it has <paramref name="length"/> values.</summary>
    public static EquatableArray<double> FiniteValues(EquatableArray<double> values, string name, int? length = null)
    {
        Values(values, name, length);
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new ArgumentException($"{name} must hold finite values, got {F(v)}.", name);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> if it is non-empty and holds no null element.</summary>
    public static EquatableArray<T> NotEmpty<T>(EquatableArray<T> values, string name)
    {
        if (values.IsEmpty) throw new ArgumentException($"{name} must hold at least one element, got none.", name);
        foreach (var v in values)
            if (v is null) throw new ArgumentException($"{name} must not hold null elements.", name);
        return values;
    }

    /// <summary>Returns <paramref name="value"/> if it is at least zero.</summary>
    public static int NonNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0, got {value}.");

    /// <summary>Returns <paramref name="value"/> if it is not null, empty or white space.</summary>
    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must be a non-blank text, got {(value is null ? "null" : $"'{value}'")}.", name) : value;

    /// <summary>Returns <paramref name="values"/> if it is an initialised, non-empty array without null elements.</summary>
    public static ImmutableArray<T> NotEmpty<T>(ImmutableArray<T> values, string name)
    {
        NotEmpty((EquatableArray<T>)Values(values, name), name);
        return values;
    }

    /// <summary>Returns <paramref name="value"/> if it is a named member of its enum.</summary>
    public static T Defined<T>(T value, string name) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, got {value}.");

    /// <summary>Formats a number the way messages show it (invariant culture, round-trippable).</summary>
    public static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
