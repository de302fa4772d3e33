using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One patient's rated outcomes in a trial: CADSS ratings, depression scores on the design's scale at each assessment,
/// changes from baseline (negative = improvement), response (at least 50% improvement) and remission. Immutable.
/// </summary>
/// <param name="Simulated">The noise-free course behind the ratings.</param>
/// <param name="CadssRated">CADSS rated at the CADSS time (true value plus rating noise, clamped to 0-92).</param>
/// <param name="CadssPeakRated">Peak CADSS as rated (true peak plus rating noise, clamped).</param>
/// <param name="NoticedDissociation">True when the true peak CADSS exceeded the expectancy threshold and the hypothesis gives an expectancy boost.</param>
/// <param name="Baseline">Baseline score on the design's scale.</param>
/// <param name="Scores">Score at each assessment, on the design's scale, clamped to it.</param>
/// <param name="Changes">Score minus baseline at each assessment (negative = improvement).</param>
/// <param name="PercentChanges">100 x change / baseline at each assessment (negative = improvement; Luckenbaugh's % change).</param>
/// <param name="Responders">At least 50% improvement at each assessment.</param>
/// <param name="Remitters">Score at or below the scale's remission cut-off at each assessment.</param>
public sealed record TrialSubjectResult(SimulatedSubject Simulated, double CadssRated, double CadssPeakRated, bool NoticedDissociation,
    double Baseline, ImmutableArray<double> Scores, ImmutableArray<double> Changes, ImmutableArray<double> PercentChanges,
    ImmutableArray<bool> Responders, ImmutableArray<bool> Remitters)
{
    /// <summary>Value equality: every member (as a record compares them), sequences element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(TrialSubjectResult? other) => ReferenceEquals(this, other) || other is not null
        && (Simulated, CadssRated, CadssPeakRated, NoticedDissociation, Baseline)
            .Equals((other.Simulated, other.CadssRated, other.CadssPeakRated, other.NoticedDissociation, other.Baseline))
        && ValueEquality.Equal(Scores, other.Scores)
        && ValueEquality.Equal(Changes, other.Changes)
        && ValueEquality.Equal(PercentChanges, other.PercentChanges)
        && ValueEquality.Equal(Responders, other.Responders)
        && ValueEquality.Equal(Remitters, other.Remitters);

    /// <summary>A hash consistent with <see cref="Equals(TrialSubjectResult)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(ValueEquality.Hash(Scores), ValueEquality.Hash(Changes), ValueEquality.Hash(PercentChanges), ValueEquality.Hash(Responders), ValueEquality.Hash(Remitters), Simulated, CadssRated, CadssPeakRated);

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Simulated, nameof(Simulated)) is not null && Guard.Finite(CadssRated, nameof(CadssRated)) == CadssRated
        && Guard.Finite(CadssPeakRated, nameof(CadssPeakRated)) == CadssPeakRated && Guard.Finite(Baseline, nameof(Baseline)) == Baseline
        && !Guard.FiniteValues(Scores, nameof(Scores)).IsDefault && !Guard.FiniteValues(Changes, nameof(Changes), Scores.Length).IsDefault
        && !Guard.FiniteValues(PercentChanges, nameof(PercentChanges), Scores.Length).IsDefault
        && !Guard.Values(Responders, nameof(Responders), Scores.Length).IsDefault && !Guard.Values(Remitters, nameof(Remitters), Scores.Length).IsDefault;
}
