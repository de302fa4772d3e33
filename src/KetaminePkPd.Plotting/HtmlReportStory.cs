using KetaminePkPd.Comparisons;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The simulations behind the <see cref="HtmlReport"/>: the NIMH infusion (0.5 mg/kg racemic ketamine IV over 40 min) in
/// the typical patient with 5-95% bands of <see cref="BandPatients"/> virtual patients, one simulated trial of the
/// settings' design under exposure only, and the hypothesis test.
/// </summary>
public sealed record HtmlReportStory
{
    /// <summary>Virtual patients behind the time-course bands.</summary>
    public const int BandPatients = 300;

    /// <summary>Creates the story from results computed elsewhere.</summary>
    /// <param name="nimh">The NIMH infusion with population bands.</param>
    /// <param name="trial">One simulated trial under exposure only.</param>
    /// <param name="hypotheses">The hypothesis test.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="nimh"/> has no population bands.</exception>
    public HtmlReportStory(ArmComparison nimh, TrialResult trial, HypothesisTestResult hypotheses)
    {
        ArgumentNullException.ThrowIfNull(nimh);
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(hypotheses);
        if (nimh.Population is null) throw new ArgumentException("nimh must hold population bands (a comparison with a population).", nameof(nimh));
        Nimh = nimh;
        Trial = trial;
        Hypotheses = hypotheses;
    }

    /// <summary>The NIMH infusion: typical patient and population bands.</summary>
    public ArmComparison Nimh { get; }

    /// <summary>One simulated trial under exposure only.</summary>
    public TrialResult Trial { get; }

    /// <summary>The hypothesis test.</summary>
    public HypothesisTestResult Hypotheses { get; }

    /// <summary>
    /// Runs everything the report shows for <paramref name="settings"/> (seed included): the bands, one trial and the
    /// hypothesis test, which takes 95% of the reported progress. Deterministic for a seed.
    /// </summary>
    /// <param name="settings">The hypothesis test settings.</param>
    /// <param name="progress">Receives the fraction done, 0 to 1; or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static HtmlReportStory Simulate(HypothesisTestSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var nimh = ComparisonArm.Parse("drug=racemic route=iv dose=0.5mg/kg infusion=40min name=NIMH_0.5_mg/kg_over_40_min");
        var bands = ComparisonResult.Run([nimh], ComparisonOptions.Default with { PopulationSize = BandPatients, Seed = settings.Seed, Effects = settings.Design.Population.Effects }, Part(progress, 0, 0.04));
        var trial = settings.Design.Simulate(Hypothesis.ExposureOnly, settings.Seed);
        progress?.Report(0.05);
        var test = HypothesisTestResult.Run(settings, Part(progress, 0.05, 0.95));
        return new HtmlReportStory(bands.Arms[0], trial, test);
    }

    private static Share? Part(IProgress<double>? inner, double start, double width) => inner is null ? null : new Share(inner, start, width);

    /// <summary>Maps a part's progress (0 to 1) onto its share of the whole.</summary>
    private sealed class Share(IProgress<double> inner, double start, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(start + width * Math.Clamp(value, 0, 1));
    }
}
