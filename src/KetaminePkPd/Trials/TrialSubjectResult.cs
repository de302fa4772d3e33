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
    double Baseline, EquatableArray<double> Scores, EquatableArray<double> Changes, EquatableArray<double> PercentChanges,
    EquatableArray<bool> Responders, EquatableArray<bool> Remitters)
{

    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Simulated, nameof(Simulated)) is not null && Guard.Finite(CadssRated, nameof(CadssRated)) == CadssRated
        && Guard.Finite(CadssPeakRated, nameof(CadssPeakRated)) == CadssPeakRated && Guard.Finite(Baseline, nameof(Baseline)) == Baseline
        && Guard.FiniteValues(Scores, nameof(Scores)).Length >= 0 && Guard.FiniteValues(Changes, nameof(Changes), Scores.Length).Length >= 0
        && Guard.FiniteValues(PercentChanges, nameof(PercentChanges), Scores.Length).Length >= 0
        && Guard.Values(Responders, nameof(Responders), Scores.Length).Length >= 0 && Guard.Values(Remitters, nameof(Remitters), Scores.Length).Length >= 0;
}
