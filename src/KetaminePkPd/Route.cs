namespace KetaminePkPd;

/// <summary>Route of administration.</summary>
public enum Route
{
    /// <summary>Intravenous: a bolus (zero duration) or a constant-rate infusion, straight into the central compartment.</summary>
    Intravenous,

    /// <summary>Intranasal spray.</summary>
    Intranasal,

    /// <summary>Oral (swallowed) solution or tablet, subject to first-pass metabolism.</summary>
    Oral,

    /// <summary>Sublingual.</summary>
    Sublingual,

    /// <summary>Intramuscular injection.</summary>
    Intramuscular,

    /// <summary>Subcutaneous injection.</summary>
    Subcutaneous,
}
