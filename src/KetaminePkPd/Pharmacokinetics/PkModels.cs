namespace KetaminePkPd.Pharmacokinetics;

/// <summary>The two built-in sets the calibration code names by their former catalogue class; the catalogue is
/// <see cref="PkParameterSet.All"/> and its static members.</summary>
internal static class PkModels
{
    /// <inheritdoc cref="PkParameterSet.Domino"/>
    public static PkParameterSet Domino => PkParameterSet.Domino;

    /// <inheritdoc cref="PkParameterSet.PerezRuixo2021"/>
    public static PkParameterSet PerezRuixo2021 => PkParameterSet.PerezRuixo2021;
}
