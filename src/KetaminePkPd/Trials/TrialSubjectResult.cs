using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One patient's rated outcomes in a trial: CADSS ratings, depression scores on the design's scale at each assessment,
/// changes from baseline (negative = improvement), response (at least 50% improvement) and remission. Immutable.
/// </summary>
public sealed record TrialSubjectResult
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="simulated">The noise-free course behind the ratings.</param>
    /// <param name="cadssRated">CADSS rated at the CADSS time (true value plus rating noise, clamped to 0-92).</param>
    /// <param name="cadssPeakRated">Peak CADSS as rated (true peak plus rating noise, clamped).</param>
    /// <param name="noticedDissociation">True when the true peak CADSS exceeded the expectancy threshold and the hypothesis gives an expectancy boost.</param>
    /// <param name="baseline">Baseline score on the design's scale.</param>
    /// <param name="scores">Score at each assessment, on the design's scale, clamped to it.</param>
    /// <param name="changes">Score minus baseline at each assessment (negative = improvement).</param>
    /// <param name="percentChanges">100 x change / baseline at each assessment (negative = improvement; Luckenbaugh's % change).</param>
    /// <param name="responders">At least 50% improvement at each assessment.</param>
    /// <param name="remitters">Score at or below the scale's remission cut-off at each assessment.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    internal TrialSubjectResult(SimulatedSubject simulated, double cadssRated, double cadssPeakRated, bool noticedDissociation, double baseline, EquatableArray<double> scores, EquatableArray<double> changes, EquatableArray<double> percentChanges, EquatableArray<bool> responders, EquatableArray<bool> remitters)
    {
        Simulated = simulated;
        CadssRated = cadssRated;
        CadssPeakRated = cadssPeakRated;
        NoticedDissociation = noticedDissociation;
        Baseline = baseline;
        Scores = scores;
        Changes = changes;
        PercentChanges = percentChanges;
        Responders = responders;
        Remitters = remitters;
    }

    /// <summary>The noise-free course behind the ratings.</summary>
    internal SimulatedSubject Simulated { get; init => field = Guard.NotNull(value, nameof(Simulated)); }

    /// <summary>CADSS rated at the CADSS time (true value plus rating noise, clamped to 0-92).</summary>
    public double CadssRated { get; init => field = Guard.Finite(value, nameof(CadssRated)); }

    /// <summary>Peak CADSS as rated (true peak plus rating noise, clamped).</summary>
    public double CadssPeakRated { get; init => field = Guard.Finite(value, nameof(CadssPeakRated)); }

    /// <summary>True when the true peak CADSS exceeded the expectancy threshold and the hypothesis gives an expectancy boost.</summary>
    public bool NoticedDissociation { get; init; }

    /// <summary>Baseline score on the design's scale.</summary>
    public double Baseline { get; init => field = Guard.Finite(value, nameof(Baseline)); }

    /// <summary>Score at each assessment, on the design's scale, clamped to it.</summary>
    public EquatableArray<double> Scores { get; init => field = Guard.FiniteValues(value, nameof(Scores)); }

    /// <summary>Score minus baseline at each assessment (negative = improvement).</summary>
    public EquatableArray<double> Changes { get; init => field = Guard.FiniteValues(value, nameof(Changes), Scores.Length); }

    /// <summary>100 x change / baseline at each assessment (negative = improvement; Luckenbaugh's % change).</summary>
    public EquatableArray<double> PercentChanges { get; init => field = Guard.FiniteValues(value, nameof(PercentChanges), Scores.Length); }

    /// <summary>At least 50% improvement at each assessment.</summary>
    public EquatableArray<bool> Responders { get; init => field = Guard.Values(value, nameof(Responders), Scores.Length); }

    /// <summary>Score at or below the scale's remission cut-off at each assessment.</summary>
    public EquatableArray<bool> Remitters { get; init => field = Guard.Values(value, nameof(Remitters), Scores.Length); }
}
