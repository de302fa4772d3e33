namespace KetaminePkPd.Evidence;

/// <summary>How a published analysis measures the antidepressant outcome it relates dissociation to.</summary>
internal enum EvidenceOutcome
{
    /// <summary>Percent change of the depression score from baseline (negative = improvement), as Luckenbaugh et al. 2014.</summary>
    PercentChange,

    /// <summary>Change of the depression score from baseline in points (negative = improvement).</summary>
    PointsChange,

    /// <summary>Responder status: at least 50% improvement from baseline.</summary>
    Response,
}
