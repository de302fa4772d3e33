namespace KetaminePkPd.Application;

/// <summary>
/// The application layer's own argument checks (the report kit's records, the hypothesis strengths, the data-set run), worded
/// as the domain's: they name the parameter, the value and what is allowed. A copy of the few checks this layer needs, so it
/// uses the domain package through its public API only.
/// </summary>
internal static class Guard
{
    /// <summary>Returns <paramref name="value"/> if finite and in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double InRange(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and in [{F(min)}, {F(max)}], got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="value"/> if finite and &gt; 0.</summary>
    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0, got {F(value)}.");
        return value;
    }

    /// <summary>Returns <paramref name="values"/> if it is not a default array.</summary>
    public static ImmutableArray<T> Values<T>(ImmutableArray<T> values, string name) =>
        values.IsDefault ? throw new ArgumentException($"{name} must be an initialised array, got a default ImmutableArray.", name) : values;

    /// <summary>Returns <paramref name="values"/> (an <see cref="EquatableArray{T}"/> is never default).</summary>
    public static EquatableArray<T> Values<T>(EquatableArray<T> values, string name) => values;

    /// <summary>Returns <paramref name="values"/> if it is non-empty and holds no null element.</summary>
    public static EquatableArray<T> NotEmpty<T>(EquatableArray<T> values, string name)
    {
        if (values.IsEmpty) throw new ArgumentException($"{name} must hold at least one element, got none.", name);
        foreach (var v in values)
            if (v is null) throw new ArgumentException($"{name} must not hold null elements.", name);
        return values;
    }

    /// <summary>Returns <paramref name="values"/> if it is an initialised, non-empty array without null elements.</summary>
    public static ImmutableArray<T> NotEmpty<T>(ImmutableArray<T> values, string name)
    {
        NotEmpty((EquatableArray<T>)Values(values, name), name);
        return values;
    }

    /// <summary>Returns <paramref name="value"/> if it is not null, empty or white space.</summary>
    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must be a non-blank text, got {(value is null ? "null" : $"'{value}'")}.", name) : value;

    /// <summary>Returns <paramref name="value"/> if it is a named member of its enum.</summary>
    public static T Defined<T>(T value, string name) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, got {value}.");

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
