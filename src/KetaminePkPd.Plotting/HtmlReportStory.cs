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
    /// hypothesis test, which takes 95% of the reported progress. Deterministic for a seed. When the settings run in parallel, the
    /// bands, the trial and their figures are made on another thread (serially: the same values) while the hypothesis test runs
    /// (each computes what it computes alone: the same values, and the same page, tested).
    /// </summary>
    /// <param name="settings">The hypothesis test settings.</param>
    /// <param name="progress">Receives the fraction done, 0 to 1; or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static HtmlReportStory Simulate(HypothesisTestSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Parallel)
        {
            var bands = Bands(settings, Part(progress, 0, 0.04));
            var trial = settings.Design.Simulate(Hypothesis.ExposureOnly, settings.Seed);
            progress?.Report(0.05);
            var test = HypothesisTestResult.Run(settings, Part(progress, 0.05, 0.95));
            return new HtmlReportStory(bands, trial, test);
        }
        // The bands, the trial and sections 3 and 4's figures beside the hypothesis test (its own loops use every core; this
        // thread's work fills the gaps between them and replaces the figures' rendering at the end).
        // The side work runs on its one thread (its own parallel loops of a few patients a step would only wait for cores the test holds).
        var side = Task.Run(() =>
        {
            var bands = Bands(settings, null, parallel: false);
            var trial = settings.Design.Simulate(Hypothesis.ExposureOnly, settings.Seed, parallel: false);
            return (Bands: bands, Trial: trial, Figures: HtmlReport.RenderEarly(bands, trial, settings));
        });
        HypothesisTestResult result;
        try
        {
            result = HypothesisTestResult.Run(settings, Part(progress, 0, 0.95));
        }
        catch
        {
            // Nothing waits for the side work after a failed test: observe it, so that its own error (if any) is not left unobserved.
            side.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }
        var done = side.GetAwaiter().GetResult();
        progress?.Report(1);
        var story = new HtmlReportStory(done.Bands, done.Trial, result);
        Early.Add(story, done.Figures);
        return story;
    }

    /// <summary>The figures of sections 3 and 4 rendered by <see cref="Simulate"/> beside the hypothesis test, or null (a story made
    /// with the constructor or a <c>with</c> copy, or in serial): <see cref="HtmlReport.Build"/> then renders them itself, the same way.</summary>
    internal HtmlReport.RenderedFigure[]? EarlyFigures() => Early.TryGetValue(this, out var figures) ? figures : null;

    /// <summary>Kept beside the stories rather than in them, so that the record's equality and copies stay those of its three parts.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HtmlReportStory, HtmlReport.RenderedFigure[]> Early = new();

    /// <summary>The NIMH infusion with population bands of <see cref="BandPatients"/> patients.</summary>
    private static ArmComparison Bands(HypothesisTestSettings settings, IProgress<double>? progress, bool parallel = true)
    {
        var nimh = ComparisonArm.Parse("drug=racemic route=iv dose=0.5mg/kg infusion=40min name=NIMH_0.5_mg/kg_over_40_min");
        return ComparisonResult.Run([nimh], ComparisonOptions.Default with { PopulationSize = BandPatients, Seed = settings.Seed, Effects = settings.Design.Population.Effects, Parallel = parallel }, progress).Arms[0];
    }

    private static Share? Part(IProgress<double>? inner, double start, double width) => inner is null ? null : new Share(inner, start, width);

    /// <summary>Maps a part's progress (0 to 1) onto its share of the whole.</summary>
    private sealed class Share(IProgress<double> inner, double start, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(start + width * Math.Clamp(value, 0, 1));
    }
}
