using System.Globalization;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The hypothesis panel's controls as data, and what they ask the library for: one <see cref="Hypothesis"/> with its
/// strength against one of Luckenbaugh's observations, on the NIMH design, as <see cref="HypothesisTestSettings"/>
/// (serial: the browser has one thread; results are identical either way). Immutable.
/// </summary>
internal sealed record HypothesisSettings
{
    /// <summary>The observations offered: Luckenbaugh 2014 at 230 min and at day 7.</summary>
    public static IReadOnlyList<ObservedCorrelation> Observations { get; } = [ObservedCorrelation.Luckenbaugh230Min, ObservedCorrelation.LuckenbaughDay7];

    /// <summary>Which hypothesis. Default exposure only.</summary>
    public HypothesisKind Kind { get; init; } = HypothesisKind.ExposureOnly;

    /// <summary>Shared sensitivity: corr(dissociation propensity, antidepressant responsiveness), in [-1, 1]. Default 0.7 (the CLI's default).</summary>
    public double Rho { get; init; } = 0.7;

    /// <summary>Mediation: share of the antidepressant responsiveness set by the patient's own dissociation, in [0, 1]. Default 0.5.</summary>
    public double Share { get; init; } = 0.5;

    /// <summary>Expectancy: extra placebo response, MADRS points. Default 6.</summary>
    public double Boost { get; init; } = 6;

    /// <summary>Expectancy: peak CADSS above which a patient notices dissociation. Default 20.</summary>
    public double Threshold { get; init; } = 20;

    /// <summary>Index into <see cref="Observations"/>. Default 0 (230 min, n = 58).</summary>
    public int ObservationIndex { get; init; }

    /// <summary>Replicate trials. Default 200.</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>Patients simulated once, from which each trial enrols its n. Default 500 (over 8 times n = 58: a trial
    /// enrols 12% of the pool, so replicates are close to independent draws; the CLI uses 10 000).</summary>
    public int PoolSize { get; init; } = 500;

    /// <summary>Seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The observation.</summary>
    public ObservedCorrelation Observed => Observations[ObservationIndex];

    /// <summary>The library hypothesis with its strength.</summary>
    public Hypothesis Hypothesis => Kind switch
    {
        HypothesisKind.SharedSensitivity => Hypothesis.SharedSensitivity(Rho),
        HypothesisKind.Mediation => Hypothesis.Mediation(Share),
        HypothesisKind.Expectancy => Hypothesis.Expectancy(Threshold, Boost),
        _ => Hypothesis.ExposureOnly,
    };

    /// <summary>The library settings for the replicate trials.</summary>
    public HypothesisTestSettings TestSettings => HypothesisTestSettings.Default.WithDesign(HypothesisTestSettings.Default.Design, [Observed], PoolSize) with
    {
        Hypotheses = [Hypothesis], Replicates = Replicates, Seed = Seed, Parallel = false,
    };

    /// <summary>Another observation, with the pool raised to 4 times its n if needed.</summary>
    public HypothesisSettings WithObservation(int index)
    {
        var next = this with { ObservationIndex = Math.Clamp(index, 0, Observations.Count - 1) };
        return next with { PoolSize = Math.Max(next.PoolSize, 4 * next.Observed.N) };
    }

    /// <summary>The design of the one trial behind the scatter: the NIMH design with the observed n, rated at the observation's
    /// time only (so the observation's assessment is index 0).</summary>
    /// <remarks>One assessment instead of four: the trial summary's mediation bootstrap (1000 resamples per assessment) is
    /// the slowest part of a trial and runs in one piece, so this keeps the page's longest pause short.</remarks>
    public TrialDesign TrialDesign => TestSettings.Design.WithTotalSubjects(Observed.N).With(assessments: [Observed.Time]);

    /// <summary>One trial of <see cref="TrialDesign"/>, to be stepped (serial: the browser has one thread).</summary>
    public SimulationRun<TrialResult> StartTrial() => TrialDesign.Start(Hypothesis, Seed);

    /// <summary>Menu label of a hypothesis.</summary>
    public static string Label(HypothesisKind kind) => kind switch
    {
        HypothesisKind.SharedSensitivity => "shared sensitivity",
        HypothesisKind.Mediation => "mediation through dissociation",
        HypothesisKind.Expectancy => "expectancy (noticing dissociation)",
        _ => "shared exposure only",
    };

    /// <summary>Menu label of an observation.</summary>
    public static string Describe(ObservedCorrelation o) =>
        string.Create(CultureInfo.InvariantCulture, $"r = {o.R:0.00} at {Durations.Prose(o.Time)}, n = {o.N} (Luckenbaugh 2014)");
}
