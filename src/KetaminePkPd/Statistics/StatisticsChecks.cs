using System.Globalization;

namespace KetaminePkPd.Statistics;

/// <summary>Argument checks shared by the statistics layer; messages name the parameter, the value and what is allowed.</summary>
internal static class StatisticsChecks
{
    /// <summary>Formats a number for a message (invariant culture, 6 significant digits).</summary>
    public static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="level"/> is finite and in the open interval (0, 1).</summary>
    public static void OpenUnit(double level, string name)
    {
        if (!double.IsFinite(level) || level <= 0 || level >= 1)
            throw new ArgumentOutOfRangeException(name, level, $"{name} must be finite and in (0, 1), got {F(level)}.");
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same length, at least <paramref name="minimum"/>.</summary>
    public static void SameLength(int a, int b, string nameA, string nameB, int minimum, string why)
    {
        if (a != b)
            throw new ArgumentException($"{nameA} and {nameB} must have the same length, got {a} and {b}.", nameB);
        if (a < minimum)
            throw new ArgumentException($"{nameA} and {nameB} must hold at least {minimum} pairs ({why}), got n = {a}.", nameA);
    }

    /// <summary>Throws if any value is NaN or infinite, naming the first offending index; the exception's ParamName is <paramref name="paramName"/> (default <paramref name="name"/>).</summary>
    public static void Finite(ReadOnlySpan<double> values, string name, string? paramName = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name} must hold finite values only, got {F(values[i])} at index {i}.", paramName ?? name);
        }
    }

    /// <summary>Throws if every value of <paramref name="values"/> (already checked finite and non-empty) is the same.</summary>
    public static void NotConstant(ReadOnlySpan<double> values, string name)
    {
        double first = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != first) return;
        }
        throw new ArgumentException($"{name} is constant (all {values.Length} values equal {F(first)}); correlations and regressions with it are undefined.", name);
    }
}
