namespace KetaminePkPd.Pharmacodynamics;

/// <summary>The plasma concentration that equilibrates into an effect site.</summary>
public enum EffectDriver
{
    /// <summary>The parent drug (racemic ketamine total, or esketamine).</summary>
    Parent,

    /// <summary>The metabolite (norketamine or noresketamine).</summary>
    Metabolite,
}
