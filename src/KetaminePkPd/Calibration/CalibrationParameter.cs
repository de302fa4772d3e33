using System.Collections.Immutable;

namespace KetaminePkPd.Calibration;

/// <summary>
/// One PROVISIONAL effect parameter the calibration fits, by its name in <see cref="Pharmacodynamics.EffectParameterSet"/>:
/// the search bounds and the scale the optimizer works on (log for positive quantities; logit on the bounds for the rest).
/// The optimizer moves an unconstrained z = logit((s(theta) - s(low)) / (s(high) - s(low))), s = ln on the log scale, so every
/// point it tries lies strictly inside [<see cref="Low"/>, <see cref="High"/>].
/// </summary>
/// <param name="Name">The parameter's name in the effect parameter set.</param>
/// <param name="Low">Lower search bound (positive on the log scale).</param>
/// <param name="High">Upper search bound.</param>
/// <param name="Scale"><see cref="ParameterScale.Log"/> or <see cref="ParameterScale.Additive"/> (searched on the natural scale).</param>
/// <param name="Moves">The block's target keys this parameter is fitted to; default (empty) every target of its block. When none of them
/// is among the targets given, the parameter is held at its start value (the objective would be flat in it).</param>
internal sealed record CalibrationParameter(string Name, double Low, double High, ParameterScale Scale = ParameterScale.Log, ImmutableArray<string> Moves = default)
{
    /// <summary>Whether any of <paramref name="keys"/> is a target this parameter is fitted to.</summary>
    public bool IsMovedBy(IEnumerable<string> keys) => Moves.IsDefaultOrEmpty || keys.Any(Moves.Contains);

    /// <summary>s(theta): ln theta on the log scale, theta otherwise.</summary>
    public double ToScale(double value) => Scale == ParameterScale.Log ? Math.Log(value) : value;

    /// <summary>The inverse of <see cref="ToScale"/>.</summary>
    public double FromScale(double s) => Scale == ParameterScale.Log ? Math.Exp(s) : s;

    /// <summary>The unconstrained coordinate of a value inside the bounds (values on or beyond a bound are moved 1e-9 of the range inside).</summary>
    public double ToFree(double value)
    {
        double lo = ToScale(Low), hi = ToScale(High);
        double u = Math.Clamp((ToScale(value) - lo) / (hi - lo), 1e-9, 1 - 1e-9);
        return Math.Log(u / (1 - u));
    }

    /// <summary>The value of an unconstrained coordinate: always inside the bounds.</summary>
    public double FromFree(double z)
    {
        double lo = ToScale(Low), hi = ToScale(High);
        return FromScale(lo + (hi - lo) / (1 + Math.Exp(-z)));
    }
}
