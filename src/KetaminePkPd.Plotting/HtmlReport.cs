using System.Globalization;
using System.Net;
using System.Text;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Plotting;
using KetaminePkPd.Trials;
using ScottPlot;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The HTML report of a hypothesis run for a reader new to the project: one self-contained document (inline CSS, inline
/// SVG figures, no scripts, no external references) with the question, the model, the time courses, one simulated trial,
/// the sampling distributions of r under each hypothesis and what they mean. The same inputs give the same bytes: the page
/// holds no timestamp.
/// </summary>
public static class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Width and height of the figures, pixels (they scale to the page).</summary>
    private const int Width = 1000, Height = 560;

    /// <summary>Width and height of each figure's second rendering, shown instead on screens narrower than 700 px (a phone at
    /// 390-420 px shows it at about 0.8 of its size, so its text stays about 10 px or more; the wide one would be 0.38).</summary>
    private const int NarrowWidth = 460, NarrowHeight = 440;

    /// <summary>Builds the page (UTF-8 text of one HTML document).</summary>
    /// <param name="story">The simulations the page shows (<see cref="HtmlReportStory.Simulate"/>).</param>
    /// <param name="reproduceCommand">The command line that reproduces the page, shown in its last section.</param>
    /// <param name="hypothesisCommand">The command line that prints the hypothesis tables alone.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Build(HtmlReportStory story, string reproduceCommand, string hypothesisCommand)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(reproduceCommand);
        ArgumentNullException.ThrowIfNull(hypothesisCommand);
        var page = new Page();
        var test = story.Hypotheses;
        var s = test.Settings;
        var design = s.Design;
        string scale = TrialWording.ScaleLabel(design.Scale);
        string cadssAt = Formatting.Span(design.CadssTime);

        page.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Raw($"<meta name=\"generator\" content=\"ketamine-pkpd {Encode(SimulationReport.LibraryVersion)}\">\n");
        page.Raw("<title>Dissociation and the antidepressant response to ketamine: does shared exposure explain the correlation?</title>\n");
        page.Raw("<style>\n" + Css + "</style>\n</head>\n<body>\n<main>\n");

        page.Raw("<header>\n<p class=\"kicker\">KetaminePkPd simulation report</p>\n");
        page.Raw("<h1>Dissociation and the antidepressant response to ketamine: does shared exposure explain the correlation?</h1>\n");
        page.P($"Seed {s.Seed.ToString(Inv)}, {s.Replicates.ToString("N0", Inv)} replicate trials per hypothesis and observation, " +
            $"KetaminePkPd {SimulationReport.LibraryVersion}. Every number below comes from the command at the end of the page.", "meta");
        page.Raw("</header>\n");

        Glance(page, test);
        Question(page, design);
        Model(page, design, s.Hypotheses);
        TimeCourses(page, story, design);
        OneTrial(page, story, design, scale, cadssAt);
        Distributions(page, test, scale, cadssAt);
        SampleSizes(page, test);
        Provisional(page, design, s.Hypotheses);
        Reproduce(page, reproduceCommand, hypothesisCommand, test);

        page.Raw("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void Glance(Page page, HypothesisTestResult test)
    {
        var s = test.Settings;
        page.Raw("<section class=\"glance\">\n<h2 class=\"first\">At a glance</h2>\n<ul>\n");
        foreach (var o in s.Observed)
        {
            var rows = test.Comparisons.Where(c => c.Observed == o).ToList();
            var exposure = rows.FirstOrDefault(c => c.Hypothesis.IsExposureOnly);
            var inside = rows.Where(c => c.Verdict == CompatibilityVerdict.Compatible).Select(c => c.Hypothesis.Name).ToList();
            var sb = new StringBuilder();
            sb.Append(Inv, $"At {Formatting.Span(o.Time)}, the observed r is {Formatting.R(o.R)} (n = {o.N}). ");
            if (exposure is not null)
            {
                var (lo, hi) = exposure.Interval95;
                sb.Append(Inv, $"If the two effects shared nothing but the drug concentration, simulated trials of {o.N} patients would give a median r of " +
                    $"{Formatting.R(exposure.MedianR)}, with 95% of trials between {Formatting.R(lo)} and {Formatting.R(hi)}; " +
                    $"the observed r sits at percentile {Formatting.Percentile(exposure.Compatibility.PercentileRank)} of them (two-sided compatibility p " +
                    $"{TwoSidedP(exposure.Compatibility)}: {Verdict(exposure)}). ");
            }
            sb.Append(inside.Count == 0
                ? "The observed r is incompatible (two-sided p below 0.05) with every hypothesis run."
                : $"The observed r is compatible (two-sided p at least 0.05) with: {string.Join(", ", inside)}.");
            page.Raw("<li>" + Encode(sb.ToString()) + "</li>\n");
        }
        page.Raw("</ul>\n");
        page.P("A correlation of this size in one trial of a few dozen patients is a noisy measurement: the width of each interval, " +
            "not only its centre, decides which explanations the observation can rule out. Section 6 gives the trial size needed to tell them apart.");
        page.Raw("</section>\n");
    }

    private static void Question(Page page, TrialDesign design)
    {
        page.H2("1. The question");
        page.P("A single infusion of ketamine (0.5 mg/kg over 40 minutes) relieves depression within hours in many patients who did not " +
            "respond to other treatments. The same infusion makes many patients feel detached from their body or surroundings for an hour " +
            "or so: dissociation, scored on the Clinician-Administered Dissociative States Scale (CADSS, 0 to 92 points).");
        page.P($"In a sample treated at the NIMH, patients who dissociated more at 40 minutes also improved more: CADSS correlated with the % change " +
            $"of the {TrialWording.ScaleLabel(design.Scale)} score at r = -0.35 at 230 minutes and r = -0.41 at day 7 (Luckenbaugh et al. 2014, J Affect Disord " +
            "159:56; the number of patients behind each correlation is not reported and is back-calculated here from the p-values as about 58 and 39).");
        page.Raw("<div class=\"debate\">\n<div>\n<h3>The letter</h3>\n");
        page.P("Bartoli and colleagues (J Clin Psychiatry, letter) read this as a hint that the two effects are linked, \u201ctwo sides of the same " +
            "coin\u201d: dissociation might be part of how ketamine relieves depression, perhaps through the same surge of glutamate, rather than a " +
            "side effect to be engineered away.");
        page.Raw("</div>\n<div>\n<h3>The reply</h3>\n");
        page.P("Andrade answered that a correlation is expected anyway: benefits and adverse effects of most drugs both grow with the dose, so a " +
            "patient who receives enough drug for one tends to receive enough for the other. The two can go together without sharing a " +
            "mechanism, and without one predicting the other.");
        page.Raw("</div>\n</div>\n");
        page.P("Later data are mixed: no clinically meaningful association in 576 esketamine patients (TRANSFORM-1/2, post hoc), a Spearman rho " +
            "near 0 in TRANSFORM-2 and SUSTAIN-1 (Chen 2022), and a small association only at 24 h in a 61-patient ketamine-versus-esketamine trial " +
            "(Caliman-Fontes et al. 2025).");
        page.P("This report puts the reply to a quantitative test. If the drug concentration were the only thing the two effects shared, how " +
            "strong a correlation would a trial like the NIMH one see, and how much would it vary from trial to trial? And what would other " +
            "links between the effects produce?");
        page.P(TrialWording.SignConvention(design), "note");
    }

    private static void Model(Page page, TrialDesign design, IReadOnlyList<Hypothesis> hypotheses)
    {
        var effects = design.Population.Effects;
        var pk = design.Population.Pk;
        page.H2("2. The model");
        page.P("One pharmacokinetic model gives each virtual patient's plasma concentration; it drives two separate effect models, each with " +
            "its own effect-site delay and its own sensitivity. Baseline severity, a placebo response and rating noise complete each patient. " +
            "The hypotheses differ only in what else, besides the concentration, links the two effects (dashed arrows).");
        double ke0 = effects.Parameters.First(p => p.Name == "KE0_D").Value;
        page.Figure(Diagram(Math.Log(2) / ke0 * 60), "How a dose becomes two ratings. Solid arrows are shared by every hypothesis; each dashed " +
            "arrow is the extra link one hypothesis adds.");

        page.Raw("<table>\n<caption>The parts of the model</caption>\n<thead><tr><th>Part</th><th>What it does</th><th>Status</th></tr></thead>\n<tbody>\n");
        Row3(page, "Pharmacokinetics", $"{pk.DisplayName}, given {DesignArm(design)}. Patients: {design.Population.Covariates}; between-patient " +
            $"standard deviations of the random effects (log scale): {design.Population.Variability}.",
            "published structure and typical values; variability provisional");
        Row3(page, "Dissociation", "Effect-site concentration (first-order delay) through a sigmoid Emax model, scaled to CADSS points with a log-normal spread " +
            "between patients (a right-skewed distribution); rated at " +
            $"{Formatting.Span(design.CadssTime)} with rating noise.", "delay and potency from Olofsen 2022; scale and shape provisional");
        Row3(page, "Antidepressant effect", "Its own effect site and Emax term (S = Ce / (EC50 + Ce)) feed a slow two-stage plasticity signal " +
            "that builds over hours and decays with a 72 h half-life; the drug effect is proportional to it, divided by a slower tolerance state " +
            "that builds over repeated sessions.", "provisional calibration to trial time courses ('ketamine-pkpd validate')");
        Row3(page, "Clinical model", design.Clinical.ToString() + ".", "provisional");
        page.Raw("</tbody>\n</table>\n");

        page.Raw("<table>\n<caption>The four hypotheses</caption>\n<thead><tr><th>Hypothesis</th><th>What links the two effects besides the concentration</th><th>Whose argument</th></tr></thead>\n<tbody>\n");
        foreach (var h in hypotheses)
            Row3(page, h.Name, TrialWording.Hypothesis(h)[(h.Name.Length + 2)..], Whose(h));
        page.Raw("</tbody>\n</table>\n");

        page.Raw("<details>\n<summary>Every parameter of the effect models and of the pharmacokinetic model</summary>\n<table class=\"params\">\n" +
            "<thead><tr><th>Name</th><th>Value</th><th>Unit</th><th>Meaning</th><th>Source</th></tr></thead>\n<tbody>\n");
        foreach (var p in effects.Parameters.Concat(pk.ParametersFor(Route.Intravenous)))
            page.Raw($"<tr><td><code>{Encode(p.Name)}</code>{(p.IsProvisional ? " <span class=\"tag\">PROVISIONAL</span>" : "")}</td>" +
                $"<td class=\"num\">{Encode(p.Value.ToString("G4", Inv))}</td><td>{Encode(p.Unit)}</td><td>{Encode(p.Description)}</td><td class=\"source\">{Encode(p.Source)}</td></tr>\n");
        page.Raw("</tbody>\n</table>\n</details>\n");
    }

    private static void TimeCourses(Page page, HtmlReportStory story, TrialDesign design)
    {
        var nimh = story.Nimh;
        var bands = nimh.Population!;
        string who = $"{bands.Subjects.ToString(Inv)} virtual patients";
        page.H2("3. One infusion, many patients");
        page.P($"The NIMH infusion, {nimh.Arm.Administration.Dose} over {Formatting.Span(nimh.Arm.Administration.InfusionDuration)}, given to {who} " +
            "drawn from the model's population. Lines are medians, shaded areas the 5th to 95th percentiles at each time. These are drug effects " +
            "only: the placebo response and rating noise come on top in a trial.");

        var conc = Charts.Bands([(nimh.Arm.Name, bands.Concentration)], "Ketamine in plasma (ng/mL)", "Plasma concentration", 12);
        page.Figure(conc, $"Plasma ketamine over the first 12 h ({who}). The concentration peaks at the end of the infusion and falls by half within about an hour.");

        var cadss = Charts.Bands([(nimh.Arm.Name, bands.Cadss)], "Dissociation (CADSS points)", "Dissociation", 6);
        Charts.MarkLevel(cadss, 4, "CADSS 4");
        page.Figure(cadss, $"Dissociation over the first 6 h ({who}): it follows the concentration with a lag of minutes and is mostly gone within " +
            $"two hours. The trial rates it at {Formatting.Span(design.CadssTime)}.");

        var ad = Charts.Bands([(nimh.Arm.Name, bands.Antidepressant)], "MADRS change (points; negative = better)", "Antidepressant drug effect (PROVISIONAL)",
            24 * 7, inDays: true);
        page.Figure(ad, $"The antidepressant drug effect over 7 days ({who}): it builds over hours, peaks around day 1 and fades over the week.");

        var m = bands;
        page.Raw("<table>\n<caption>Between-patient spread of the NIMH infusion: median [5th, 95th percentile]</caption>\n" +
            "<thead><tr><th>Metric</th><th>Typical patient</th><th>Population</th></tr></thead>\n<tbody>\n");
        void Metric(string name, Func<Comparisons.ArmMetrics, double> f, Func<double, string> fmt) =>
            page.Raw($"<tr><td>{Encode(name)}</td><td class=\"num\">{Encode(fmt(f(nimh.Typical)))}</td>" +
                $"<td class=\"num\">{Encode($"{fmt(f(m.Median))} [{fmt(f(m.P5))}, {fmt(f(m.P95))}]")}</td></tr>\n");
        Metric("Cmax (ng/mL)", x => x.CmaxNgPerMl, v => Formatting.Number(v, 3));
        Metric("AUC0-24 (ng.h/mL)", x => x.Auc0To24NgHPerMl, v => Formatting.Number(v, 3));
        Metric("Peak CADSS (points)", x => x.PeakCadss, Formatting.Score);
        Metric("Antidepressant drug effect at 4 h (MADRS points)", x => x.Antidepressant4H, Formatting.Score);
        Metric("Antidepressant drug effect at day 1 (MADRS points)", x => x.AntidepressantDay1, Formatting.Score);
        Metric("Antidepressant drug effect at day 7 (MADRS points)", x => x.AntidepressantDay7, Formatting.Score);
        page.Raw("</tbody>\n</table>\n");
    }

    private static void OneTrial(Page page, HtmlReportStory story, TrialDesign design, string scale, string cadssAt)
    {
        var trial = story.Trial;
        page.H2("4. One simulated NIMH trial");
        page.P($"One virtual trial of the NIMH design ({trial.Subjects.Length} patients, seed {trial.Seed.ToString(Inv)}) under exposure only: " +
            "the two effects of each patient share nothing but that patient's drug concentration. Each point is a patient; the line is the " +
            "least-squares fit.");
        foreach (var o in story.Hypotheses.Settings.Observed)
        {
            int k = design.Assessments.IndexOf(o.Time);
            if (k < 0 || trial.Associations[k] is not { } a) continue;
            var plot = Charts.Scatter([.. trial.Subjects.Select(x => x.CadssRated)], [.. trial.Subjects.Select(x => -x.PercentChanges[k])],
                $"Improvement of {scale} at {Formatting.Span(o.Time)} (%)", $"One simulated trial, exposure only: {Formatting.Span(o.Time)}");
            page.Figure(plot, $"CADSS at {cadssAt} against improvement at {Formatting.Span(o.Time)} in one simulated trial of {a.Raw.N} patients under " +
                $"exposure only: r = {Formatting.R(a.Raw.R)} against % change (95% CI {Formatting.R(a.Raw.Lower)} to {Formatting.R(a.Raw.Upper)}), that is " +
                $"{Formatting.R(a.ImprovementR)} with improvement; holding the plasma concentration at {cadssAt} fixed, the partial r is " +
                $"{(a.PartialGivenExposure is { } pe ? Formatting.R(pe.R) : "n/a")}. The observed r was {Formatting.R(o.R)}.");
        }
    }

    private static void Distributions(Page page, HypothesisTestResult test, string scale, string cadssAt)
    {
        var s = test.Settings;
        page.H2("5. Thousands of trials under each hypothesis");
        page.P($"One trial is one draw. To see how much r varies between trials, each hypothesis was run {s.Replicates.ToString("N0", Inv)} times " +
            $"with the observed number of patients, each trial enrolling its patients from a pool of {s.PoolSize.ToString("N0", Inv)} simulated once " +
            "per hypothesis and rating them with fresh noise. The histograms show where the trials' r values fall; the dashed line is the observed r.");
        foreach (var o in s.Observed)
        {
            var rows = test.Comparisons.Where(c => c.Observed == o).ToList();
            var plot = Charts.Histograms(rows.Select(c => (c.Hypothesis.Name, (IReadOnlyList<double>)c.R.Values)), o.R,
                $"r of CADSS ({cadssAt}) with % change of {scale} at {Formatting.Span(o.Time)}", $"Simulated trials of {o.N} patients: {Formatting.Span(o.Time)}");
            page.Figure(plot, $"r in {s.Replicates.ToString("N0", Inv)} simulated trials of {o.N} patients per hypothesis, {Formatting.Span(o.Time)}; " +
                $"the observed r = {Formatting.R(o.R)} ({o.Source}). More negative = more dissociation, more improvement.");

            page.Raw($"<table>\n<caption>{Encode($"{Formatting.Span(o.Time)}: observed r = {Formatting.R(o.R)}, n = {o.N}")}</caption>\n" +
                "<thead><tr><th>Hypothesis</th><th>Median r</th><th>95% of trials</th><th>Observed percentile</th><th>Two-sided p (\u00b1 MC SE)</th>" +
                "<th>Verdict</th><th>Median partial r | exposure</th></tr></thead>\n<tbody>\n");
            foreach (var c in rows)
            {
                var (lo, hi) = c.Interval95;
                page.Raw($"<tr><td>{Encode(TrialWording.NameWithStrengths(c.Hypothesis))}</td><td class=\"num\">{Encode(Formatting.R(c.MedianR))}</td>" +
                    $"<td class=\"num\">{Encode(Formatting.Interval(lo, hi))}</td><td class=\"num\">{Encode(Formatting.Percentile(c.Compatibility.PercentileRank))}</td>" +
                    $"<td class=\"num\">{Encode(TwoSidedP(c.Compatibility))}</td><td>{Encode(Verdict(c))}</td>" +
                    $"<td class=\"num\">{Encode(Formatting.R(c.MedianPartialR))}</td></tr>\n");
            }
            page.Raw("</tbody>\n</table>\n");
        }
        page.P("The percentile says where the observed r falls among the simulated trials. The two-sided p is twice the smaller tail (with its Monte " +
            "Carlo standard error): below 0.05 the observation is incompatible with the hypothesis, either stronger (further from zero) or weaker " +
            "(closer to zero) than the hypothesis produces; an observation too weak counts against a hypothesis as much as one too strong. The partial r holds " +
            $"the plasma concentration at {cadssAt} fixed: under exposure only it sits near zero, because the concentration is the only link.", "note");

        page.H3("What each comparison says");
        page.Raw("<dl class=\"readings\">\n");
        foreach (var c in test.Comparisons)
            page.Raw($"<dt>{Encode($"{TrialWording.NameWithStrengths(c.Hypothesis)}, {Formatting.Span(c.Observed.Time)}")}</dt><dd>{Encode(c.Reading)}</dd>\n");
        page.Raw("</dl>\n");
    }

    private static void SampleSizes(Page page, HypothesisTestResult test)
    {
        var s = test.Settings;
        page.H2("6. How many patients would tell the hypotheses apart?");
        if (test.SampleSizes.IsEmpty)
        {
            page.P("No sample sizes: they are computed against exposure-only, which was not run.");
            return;
        }
        page.P($"Patients a trial needs for {(s.Power * 100).ToString("0", Inv)}% power at two-sided alpha {s.Alpha.ToString("0.###", Inv)} to tell each " +
            "hypothesis from exposure-only, by a one-sample Fisher z test of the trial's r against the median r under exposure-only.");
        page.Raw("<table>\n<thead><tr><th>Time</th><th>Hypothesis</th><th>Median r</th><th>Median r, exposure-only</th><th>Patients needed</th></tr></thead>\n<tbody>\n");
        foreach (var z in test.SampleSizes)
            page.Raw($"<tr><td>{Encode(Formatting.Span(z.Time))}</td><td>{Encode(z.Alternative)}</td><td class=\"num\">{Encode(Formatting.R(z.AlternativeMedianR))}</td>" +
                $"<td class=\"num\">{Encode(Formatting.R(z.ReferenceMedianR))}</td><td class=\"num\">{Encode(z.Subjects is { } n ? n.ToString("N0", Inv) : "cannot tell apart")}</td></tr>\n");
        page.Raw("</tbody>\n</table>\n");
        page.P("\u201cCannot tell apart\u201d: the two medians are too close for any practical trial.", "note");
    }

    private static void Provisional(Page page, TrialDesign design, IReadOnlyList<Hypothesis> hypotheses)
    {
        page.H2("7. What is provisional");
        page.Raw("<div class=\"provisional\">\n");
        page.P(TrialWording.ProvisionalLine(design, hypotheses));
        page.P("No published model links ketamine concentrations to the antidepressant response, so that part is our own calibration to the " +
            "average time course of trials, and the strengths of the three alternative hypotheses are illustrations, not estimates. The " +
            "exposure-only result depends on how variable the patients are (PK, sensitivities, placebo response, rating noise): change those " +
            "and the expected r changes with them.");
        page.Raw("</div>\n");
    }

    private static void Reproduce(Page page, string reproduceCommand, string hypothesisCommand, HypothesisTestResult test)
    {
        var s = test.Settings;
        page.H2("8. Reproduce this report");
        page.P("The same command and seed give the same numbers, on any machine and core count:");
        page.Raw($"<pre><code>{Encode(reproduceCommand)}</code></pre>\n");
        page.P("The hypothesis tables alone, as text or JSON (add --json):");
        page.Raw($"<pre><code>{Encode(hypothesisCommand)}</code></pre>\n");
        page.Raw("<table class=\"settings\">\n<tbody>\n");
        void Setting(string name, string value) => page.Raw($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>\n");
        Setting("Seed", s.Seed.ToString(Inv));
        Setting("Design", $"{s.Design.Name}: {string.Join("; ", s.Design.Arms.Select(TrialWording.Arm))}; {TrialWording.Ratings(s.Design)}");
        Setting("Observed", string.Join("; ", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)}, n = {o.N} ({o.Source})")));
        Setting("Replicates", $"{s.Replicates.ToString("N0", Inv)} trials per hypothesis and observation ({test.ReplicateTrials.ToString("N0", Inv)} in all)");
        Setting("Pool", $"{s.PoolSize.ToString("N0", Inv)} patients per hypothesis ({test.SubjectSimulations.ToString("N0", Inv)} patient simulations)");
        Setting("Time courses", $"{HtmlReportStory.BandPatients} virtual patients, seed {s.Seed.ToString(Inv)}");
        Setting("Library", $"KetaminePkPd {SimulationReport.LibraryVersion}");
        page.Raw("</tbody>\n</table>\n");
    }

    /// <summary>The verdict in words: compatible, or which way the observation misses.</summary>
    private static string Verdict(HypothesisComparison c) => c.Verdict switch
    {
        CompatibilityVerdict.Compatible => "compatible",
        CompatibilityVerdict.Stronger => "stronger than this hypothesis produces",
        CompatibilityVerdict.Weaker => "weaker than this hypothesis produces",
        _ => "of the opposite sign to what this hypothesis produces",
    };

    private static string Whose(Hypothesis h) => h.Name switch
    {
        "exposure-only" => "the reply (Andrade): dose drives both",
        "mediation" => "the letter (Bartoli et al.): dissociation is part of the mechanism",
        "shared-sensitivity" => "a common mechanism: patients sensitive to one effect are sensitive to the other",
        "expectancy" => "unblinding: noticing the drug raises the placebo response",
        _ => "",
    };

    private static string DesignArm(TrialDesign design) => string.Join("; ", design.Arms.Select(TrialWording.Administration));

    private static void Row3(Page page, string a, string b, string c) =>
        page.Raw($"<tr><td>{Encode(a)}</td><td>{Encode(b)}</td><td>{Encode(c)}</td></tr>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The two-sided p with its Monte Carlo standard error, as the hypothesis report prints it.</summary>
    private static string TwoSidedP(KetaminePkPd.Statistics.Compatibility c)
    {
        if (c.TwoSidedP == 0) return $"< {c.UpperBound.ToString("0.####", Inv)}";
        string format = c.TwoSidedP < 0.1 ? "0.000" : "0.00";
        return $"{c.TwoSidedP.ToString(format, Inv)}\u00b1{c.StandardError.ToString(format, Inv)}";
    }

    /// <summary>The model diagram: dose, plasma, two effect sites and effects, two ratings, and the links each hypothesis adds.</summary>
    private static string Diagram(double ke0HalfLifeMinutes)
    {
        string halfLife = ke0HalfLifeMinutes.ToString("0.#", Inv);
        var sb = new StringBuilder();
        sb.Append("<svg viewBox=\"0 0 900 340\" width=\"900\" height=\"340\" role=\"img\" aria-label=\"Model diagram\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        sb.Append("<defs><marker id=\"diagram-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">" +
            "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5568\"/></marker></defs>\n");
        void Box(int x, int y, int w, string title, string sub, string fill = "#eef2f7")
        {
            sb.Append(Inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"62\" rx=\"8\" fill=\"{fill}\" stroke=\"#8797ad\"/>");
            sb.Append(Inv, $"<text x=\"{x + w / 2}\" y=\"{y + 26}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"600\" fill=\"#1d2330\">{Encode(title)}</text>");
            sb.Append(Inv, $"<text x=\"{x + w / 2}\" y=\"{y + 46}\" text-anchor=\"middle\" font-size=\"12.5\" fill=\"#4a5568\">{Encode(sub)}</text>\n");
        }
        void Arrow(int x1, int y1, int x2, int y2, string color = "#4a5568", bool dashed = false, bool both = false) =>
            sb.Append(Inv, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")} " +
                $"marker-end=\"url(#diagram-arrow)\"{(both ? " marker-start=\"url(#diagram-arrow)\"" : "")}/>\n");
        void Label(int x, int y, string text, string color, string anchor = "start") =>
            sb.Append(Inv, $"<text x=\"{x}\" y=\"{y}\" font-size=\"13\" font-weight=\"600\" fill=\"{color}\" text-anchor=\"{anchor}\">{Encode(text)}</text>\n");

        Box(8, 139, 134, "Dose", "0.5 mg/kg, 40 min");
        Box(165, 139, 140, "Plasma", "3-compartment PK");
        Box(345, 40, 150, "Effect site", $"delay t\u00bd {halfLife} min");
        Box(345, 238, 150, "Effect site", "own delay");
        Box(545, 40, 160, "Dissociation", "sigmoid Emax (C50)");
        Box(545, 238, 160, "Antidepressant", "EC50, slow plasticity");
        Box(750, 40, 140, "CADSS", "rated at 40 min", "#e8f1fb");
        Box(750, 238, 140, "% change HDRS", "+ placebo, noise", "#e8f1fb");
        Arrow(142, 170, 163, 170);
        Arrow(305, 160, 343, 80);
        Arrow(305, 180, 343, 260);
        Arrow(495, 71, 543, 71);
        Arrow(495, 269, 543, 269);
        Arrow(705, 71, 748, 71);
        Arrow(705, 269, 748, 269);
        // The links each alternative hypothesis adds.
        Arrow(580, 104, 580, 236, "#2ca02c", dashed: true, both: true);
        Label(572, 160, "shared", "#2ca02c", "end");
        Label(572, 176, "sensitivity", "#2ca02c", "end");
        Arrow(665, 104, 665, 236, "#d62728", dashed: true);
        Label(673, 176, "mediation", "#d62728");
        Arrow(795, 104, 795, 236, "#9467bd", dashed: true);
        Label(803, 176, "expectancy", "#9467bd");
        sb.Append("<text x=\"10\" y=\"330\" font-size=\"12.5\" fill=\"#4a5568\">Solid arrows: every hypothesis. Dashed: the extra link that " +
            "shared-sensitivity, mediation or expectancy adds.</text>\n");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f3f5f8; color: #1d2330; font-family: "Source Sans Pro", "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
               font-size: 17px; line-height: 1.6; }
        main { max-width: 960px; margin: 0 auto; padding: 2.5rem 2.5rem 4rem; background: #fff; box-shadow: 0 0 24px rgba(0,0,0,.06); }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: #1f77b4; font-weight: 700; margin: 0; }
        h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 .6rem; }
        h2 { font-size: 1.4rem; margin: 2.6rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid #e3e7ee; }
        h2.first { margin-top: 0; border: none; font-size: 1.15rem; }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
        p.meta { color: #5a6577; font-size: .92rem; }
        p.note { color: #4a5568; font-size: .92rem; }
        .glance { background: #f0f6fc; border-left: 5px solid #1f77b4; padding: 1rem 1.4rem; margin: 1.5rem 0; }
        .glance li { margin-bottom: .5rem; }
        .debate { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; margin: 1rem 0; }
        .debate > div { background: #f7f8fa; border: 1px solid #e3e7ee; border-radius: 6px; padding: .2rem 1rem; }
        .debate h3 { margin-top: .8rem; }
        @media (max-width: 700px) { .debate { grid-template-columns: 1fr; } main { padding: 1.2rem; } }
        .provisional { background: #fff8e6; border-left: 5px solid #e0a800; padding: .6rem 1.4rem; }
        table { border-collapse: collapse; width: 100%; margin: 1.2rem 0; font-size: .9rem; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .45rem; }
        th, td { border: 1px solid #c9d1dc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
        thead th, table.settings th { background: #eef2f7; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.source { font-size: .8rem; color: #4a5568; }
        table.params td, table.params th { font-size: .85rem; }
        .tag { display: inline-block; font-size: .68rem; font-weight: 700; padding: 0 .35rem; border-radius: 3px; background: #fde9b6; color: #7a5200; }
        figure { margin: 1.8rem 0; }
        figure svg { display: block; width: 100%; height: auto; border: 1px solid #e3e7ee; border-radius: 4px; background: #fff; }
        figure .narrow { display: none; }
        @media (max-width: 700px) {
          figure.plot .wide { display: none; } figure.plot .narrow { display: block; }
          figure.diagram { overflow-x: auto; } figure.diagram svg { min-width: 720px; }
          table { display: block; overflow-x: auto; }
        }
        figcaption { font-size: .9rem; color: #4a5568; margin-top: .55rem; position: sticky; left: 0; max-width: calc(100vw - 2.4rem); }
        figcaption b { color: #1d2330; }
        details { margin: 1rem 0; }
        summary { cursor: pointer; font-weight: 600; color: #1f5f93; }
        dl.readings dt { font-weight: 700; margin-top: .9rem; }
        dl.readings dd { margin: .2rem 0 0 1.2rem; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .88rem; }
        pre { background: #f4f6f8; border: 1px solid #e3e7ee; border-radius: 4px; padding: .8rem 1rem; overflow-x: auto; }

        """;

    /// <summary>An HTML page under construction, with numbered figures.</summary>
    private sealed class Page
    {
        private readonly StringBuilder _sb = new();
        private int _figures;

        public void Raw(string html) => _sb.Append(html);

        public void P(string text, string? cssClass = null) =>
            _sb.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Encode(text)).Append("</p>\n");

        public void H2(string text) => _sb.Append("<h2>").Append(Encode(text)).Append("</h2>\n");

        public void H3(string text) => _sb.Append("<h3>").Append(Encode(text)).Append("</h3>\n");

        /// <summary>A ScottPlot figure, inline as SVG with ids unique on the page, rendered twice (wide, and narrow for phones:
        /// the style sheet shows one), and its caption.</summary>
        public void Figure(Plot plot, string caption)
        {
            string wide = KetaminePkPd.Plotting.Figure.ToSvg(plot, Width, Height, $"fig{_figures + 1}-");
            Narrow(plot);
            string narrow = KetaminePkPd.Plotting.Figure.ToSvg(plot, NarrowWidth, NarrowHeight, $"fig{_figures + 1}n-");
            Figure($"<div class=\"wide\">{wide}</div>\n<div class=\"narrow\">{narrow}</div>", caption, "plot");
        }

        /// <summary>Prepares a plot (already rendered wide) for its narrow rendering: the legend below the data, where it covers
        /// nothing and has the whole width, and titles, axis labels and legend entries too long for the narrow width broken into two lines.</summary>
        private static void Narrow(Plot plot)
        {
            if (plot.Legend.IsVisible)
            {
                plot.ShowLegend(Edge.Bottom);
                plot.Legend.FontSize = 13;
                foreach (var item in plot.GetPlottables().OfType<IHasLegendText>())
                    item.LegendText = TwoLines(item.LegendText, NarrowLegendChars);
            }
            foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
                axis.Label.Text = TwoLines(axis.Label.Text, NarrowLabelChars);
            plot.Axes.Title.Label.Text = TwoLines(plot.Axes.Title.Label.Text, NarrowTitleChars);
        }

        /// <summary>Longest title kept on one line in the narrow rendering, characters (the title's font is larger).</summary>
        private const int NarrowTitleChars = 30;

        /// <summary>Longest legend entry kept on one line in the narrow rendering, characters.</summary>
        private const int NarrowLegendChars = 40;

        /// <summary>Longest axis label kept on one line in the narrow rendering, characters.</summary>
        private const int NarrowLabelChars = 34;

        /// <summary><paramref name="text"/> broken at the space nearest its middle when longer than <paramref name="max"/> characters.</summary>
        internal static string TwoLines(string text, int max)
        {
            if (text.Length <= max || text.Contains('\n')) return text;
            int best = -1;
            for (int i = 0; i < text.Length; i++)
                if (text[i] == ' ' && (best < 0 || Math.Abs(i - text.Length / 2) < Math.Abs(best - text.Length / 2))) best = i;
            return best < 0 ? text : text[..best] + "\n" + text[(best + 1)..];
        }

        /// <summary>Inline SVG markup and its caption; <paramref name="kind"/> is the figure's class (a diagram scrolls sideways on a phone).</summary>
        public void Figure(string svg, string caption, string kind = "diagram")
        {
            _figures++;
            _sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"{kind}\">\n").Append(svg).Append('\n')
                .Append(CultureInfo.InvariantCulture, $"<figcaption><b>Figure {_figures}.</b> ").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
        }

        public override string ToString() => _sb.ToString();
    }
}
