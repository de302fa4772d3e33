using System.Globalization;

namespace KetaminePkPd;

/// <summary>
/// One named parameter of a model: its typical value with unit, the scale random effects act on, the range it may
/// take, and where the number comes from. Immutable and always valid.
/// </summary>
public sealed record ModelParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">Identifier used in code, scenario files and variability specifications (e.g. <c>CL</c>, <c>V1</c>, <c>FRn</c>).</param>
    /// <param name="value">Typical value, in [<paramref name="min"/>, <paramref name="max"/>].</param>
    /// <param name="unit">Unit text (e.g. <c>L/h</c>, <c>1/h</c>, <c>L/kg</c>, <c>-</c> for dimensionless).</param>
    /// <param name="description">What the parameter is.</param>
    /// <param name="source">The literature source of the value, or the reason it is provisional.</param>
    /// <param name="scale">The scale random effects act on.</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <param name="isProvisional">True when the value is our own calibration rather than a published estimate.</param>
    /// <param name="route">The route whose doses alone use the parameter (e.g. an absorption rate), or null when every route does.</param>
    /// <exception cref="ArgumentException">Empty name, or a bound or value that is not finite or out of order.</exception>
    internal ModelParameter(string name, double value, string unit, string description, string source,
        ParameterScale scale = ParameterScale.Log, double min = 0, double max = double.MaxValue, bool isProvisional = false, Route? route = null)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Unit = Guard.NotNull(unit, nameof(unit));
        Description = Guard.NotNull(description, nameof(description));
        Source = Guard.NotNull(source, nameof(source));
        Scale = Guard.Defined(scale, nameof(scale));
        if (double.IsNaN(min) || double.IsNaN(max) || min > max)
            throw new ArgumentException($"Parameter '{name}': bounds must satisfy min <= max, got [{Guard.F(min)}, {Guard.F(max)}].", nameof(min));
        if (scale == ParameterScale.Log && min < 0)
            throw new ArgumentException($"Parameter '{name}': a log-scale parameter needs min >= 0, got {Guard.F(min)}.", nameof(min));
        if (scale == ParameterScale.Logit && (min < 0 || max > 1))
            throw new ArgumentException($"Parameter '{name}': a logit-scale parameter must lie in [0, 1], got bounds [{Guard.F(min)}, {Guard.F(max)}].", nameof(max));
        Min = min;
        Max = max;
        Value = Guard.InRange(value, min, max, name);
        IsProvisional = isProvisional;
        Route = route is { } r ? Guard.Defined(r, nameof(route)) : null;
    }

    /// <summary>Identifier.</summary>
    public string Name { get; }

    /// <summary>Typical value, in <see cref="Unit"/>.</summary>
    public double Value { get; }

    /// <summary>Unit of <see cref="Value"/>.</summary>
    public string Unit { get; }

    /// <summary>What the parameter is.</summary>
    public string Description { get; }

    /// <summary>Literature source (or why the value is provisional).</summary>
    public string Source { get; }

    /// <summary>Scale of between-subject variability.</summary>
    internal ParameterScale Scale { get; }

    /// <summary>Smallest allowed value.</summary>
    public double Min { get; }

    /// <summary>Largest allowed value.</summary>
    public double Max { get; }

    /// <summary>True when the value is our own calibration, not a published estimate.</summary>
    public bool IsProvisional { get; }

    /// <summary>The route whose doses alone use the parameter, or null when it applies whatever the route.</summary>
    public Route? Route { get; }

    /// <summary>A copy with another typical value (marked provisional when it differs from a published one is up to the caller).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [<see cref="Min"/>, <see cref="Max"/>] or not finite.</exception>
    public ModelParameter WithValue(double value) =>
        new(Name, value, Unit, Description, Source, Scale, Min, Max, IsProvisional, Route);

    /// <summary>The individual value for random effect <paramref name="eta"/> on this parameter's scale, truncated to
    /// [<see cref="Min"/>, <see cref="Max"/>] so that every sampled patient is a valid one (a wide variability, e.g. a log SD
    /// of 3, would otherwise give values outside what the model accepts).</summary>
    /// <param name="typical">The typical value (possibly already adjusted for covariates).</param>
    /// <param name="eta">The random effect; 0 gives <paramref name="typical"/>.</param>
    public double Individual(double typical, double eta)
    {
        double value = Scale switch
        {
            _ when eta == 0 => typical,
            ParameterScale.Log => typical * Math.Exp(eta),
            ParameterScale.Logit => Logistic(Logit(typical) + eta),
            _ => typical + eta,
        };
        return double.IsNaN(value) ? value : Math.Clamp(value, Min, Max);
    }

    internal static double Logit(double p) => Math.Log(p / (1 - p));

    internal static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Formats as <c>CL = 116 L/h</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} = {Value:G6} {Unit}{(IsProvisional ? " (provisional)" : "")}");
}
