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

    /// <summary>Formats a number the way messages show it (invariant culture, round-trippable).</summary>
    public static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
