namespace KetaminePkPd.Evidence;

/// <summary>The test a simulated trial of a catalogue entry applies to its patients, as the study did (as far as it is known).</summary>
internal enum EvidenceTest
{
    /// <summary>Pearson correlation of CADSS with the outcome (t test of r).</summary>
    Pearson,

    /// <summary>Spearman correlation of CADSS with the outcome (t test of the rank r).</summary>
    Spearman,

    /// <summary>Least-squares slope of the outcome on CADSS, adjusted for arm and baseline score (t test of the slope).</summary>
    Slope,

    /// <summary>Responder rates of patients above and at or below a CADSS cut-off (two-sided z test of two proportions).</summary>
    ResponderSplit,
}
