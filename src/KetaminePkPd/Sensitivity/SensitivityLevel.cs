using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// One setting of one assumption in a sensitivity analysis: its position in the range, its value in the assumption's
/// own unit, its multiple of the design's current value, and a label for tables and plots. Immutable; built by
/// <see cref="SensitivitySettings.Levels"/>.
/// </summary>
public sealed record SensitivityLevel
{
    internal SensitivityLevel(SensitivityAssumption assumption, int index, double multiplier, double value, string label, bool isDefault, bool switchesDoseBasis = false)
    {
        Assumption = assumption;
        Index = index;
        Multiplier = multiplier;
        Value = value;
        Label = label;
        IsDefault = isDefault;
        SwitchesDoseBasis = switchesDoseBasis;
    }

    /// <summary>The assumption.</summary>
    public SensitivityAssumption Assumption { get; }

    /// <summary>Position in the assumption's range (0 = lowest).</summary>
    public int Index { get; }

    /// <summary>
    /// Multiple of the design's current value (1 for the default). For <see cref="SensitivityAssumption.DoseSpread"/>: the
    /// spread factor k of a log-uniform per-patient dose multiplier in [1/k, k] (1 = everyone gets the design's dose).
    /// </summary>
    public double Multiplier { get; }

    /// <summary>
    /// The value in the assumption's unit: an SD on the parameter's log scale (PK, C50_D, EC50_A, SCALE_A; for PK the SD
    /// of the first PK random effect), MADRS or CADSS points (placebo, noise, baseline), minutes (CADSS time), or the
    /// spread factor k (dose spread).
    /// </summary>
    public double Value { get; }

    /// <summary>A short description, e.g. <c>SD 4 (x0.5)</c> or <c>fixed mg</c>.</summary>
    public string Label { get; }

    /// <summary>True for the design's current value.</summary>
    public bool IsDefault { get; }

    /// <summary>True for the dose-spread level that gives every patient the same mg instead of the same mg/kg (or the reverse).</summary>
    public bool SwitchesDoseBasis { get; }

    /// <summary>True when the level changes the simulated pharmacology (so a new pool of patients is simulated), false when only the clinical model (ratings, placebo, baseline) changes.</summary>
    public bool ChangesPharmacology => !IsDefault && Assumption is SensitivityAssumption.PkVariability or SensitivityAssumption.DoseSpread
        or SensitivityAssumption.DissociationC50Sd or SensitivityAssumption.DissociationEmaxSd or SensitivityAssumption.AntidepressantEc50Sd
        or SensitivityAssumption.AntidepressantScaleSd or SensitivityAssumption.AntidepressantDurationSd or SensitivityAssumption.CadssTime;

    /// <summary>Assumption token and label, e.g. <c>placebo-sd = SD 4 (x0.5)</c>.</summary>
    public override string ToString() => $"{SensitivityAnalysis.Token(Assumption)} = {Label}";
}
