using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// One published finding on dissociation and the antidepressant response: its citation, population, regimen, scales and times,
/// the statistic as reported and how the source handled uncertainty and selection, together with a runnable
/// <see cref="TrialDesign"/> that reproduces the study's design as far as the model represents it (drug, route, dose, sessions,
/// CADSS time, rating scale, assessment time, arm sizes). Immutable and always valid. The catalogue is <see cref="EvidenceEntry.All"/>.
/// </summary>
public sealed partial record EvidenceEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="key">Unique short key (lower-case ASCII letters, digits and '-'), e.g. <c>luckenbaugh2014-230min</c>.</param>
    /// <param name="study">Short label, e.g. <c>Luckenbaugh 2014, 230 min</c>.</param>
    /// <param name="citation">Full citation with DOI or PMID where read.</param>
    /// <param name="population">Diagnosis, n, and n per analysis where it differs.</param>
    /// <param name="regimen">Drug, route, dose or dose range, sessions.</param>
    /// <param name="dissociation">Dissociation scale and time.</param>
    /// <param name="outcomeText">Outcome scale and time.</param>
    /// <param name="statistic">The statistic as reported.</param>
    /// <param name="uncertainty">How the source handles uncertainty and selection (post hoc, multiplicity, subgroups, overlap).</param>
    /// <param name="readFrom">Where the numbers were read.</param>
    /// <param name="unknown">What is not known (not reported, or not read), or "nothing".</param>
    /// <param name="overlapGroup">Entries that share patients or counted studies carry the same group (e.g. <c>nimh</c>), or null.</param>
    /// <param name="design">The runnable design.</param>
    /// <param name="outcomeTime">The assessment of the outcome, one of the design's assessments.</param>
    /// <param name="outcome">How the outcome is measured.</param>
    /// <param name="analysisArms">Names of the arms whose patients enter the analysis; empty: every arm.</param>
    /// <param name="analysisN">Patients behind the statistic (for a review: the size of one reviewed study), 4 to the patients of the analysis arms.</param>
    /// <param name="analysisNSource">Where <paramref name="analysisN"/> and the arm sizes come from: reported, back-calculated, or assumed and why.</param>
    /// <param name="approximations">What the design simplifies relative to the study (e.g. a flexible dose fixed at 56 mg).</param>
    /// <param name="test">The test a simulated trial applies.</param>
    /// <param name="peakCadss">Use the peak CADSS rather than the CADSS at the design's rating time.</param>
    /// <param name="cadssAtMost">Analyse only patients whose rated CADSS is at most this (e.g. 15), or null for all.</param>
    /// <param name="splitAtCadss">For <see cref="EvidenceTest.ResponderSplit"/>: the cut-off (above it against at or below it); null otherwise.</param>
    /// <exception cref="ArgumentException">An empty text, a malformed key, an outcome time not in the design, an unknown arm, an n out of range,
    /// or a test that does not fit the outcome (a responder split needs <see cref="EvidenceOutcome.Response"/> and a cut-off, and only it).</exception>
    internal EvidenceEntry(string key, string study, string citation, string population, string regimen, string dissociation, string outcomeText,
        EvidenceStatistic statistic, string uncertainty, string readFrom, string unknown, string? overlapGroup, TrialDesign design,
        TimeSpan outcomeTime, EvidenceOutcome outcome, IEnumerable<string> analysisArms, int analysisN, string analysisNSource, string approximations,
        EvidenceTest test, bool peakCadss = false, double? cadssAtMost = null, double? splitAtCadss = null)
    {
        Key = IsKey(Guard.NotBlank(key, nameof(key))) ? key
            : throw new ArgumentException($"key must hold only lower-case ASCII letters, digits and '-', got '{key}'.", nameof(key));
        Study = Guard.NotBlank(study, nameof(study));
        Citation = Guard.NotBlank(citation, nameof(citation));
        Population = Guard.NotBlank(population, nameof(population));
        Regimen = Guard.NotBlank(regimen, nameof(regimen));
        Dissociation = Guard.NotBlank(dissociation, nameof(dissociation));
        OutcomeText = Guard.NotBlank(outcomeText, nameof(outcomeText));
        Statistic = Guard.NotNull(statistic, nameof(statistic));
        Uncertainty = Guard.NotBlank(uncertainty, nameof(uncertainty));
        ReadFrom = Guard.NotBlank(readFrom, nameof(readFrom));
        Unknown = Guard.NotBlank(unknown, nameof(unknown));
        OverlapGroup = overlapGroup is null ? null : IsKey(overlapGroup) ? overlapGroup
            : throw new ArgumentException($"overlapGroup must hold only lower-case ASCII letters, digits and '-', got '{overlapGroup}'.", nameof(overlapGroup));
        Design = Guard.NotNull(design, nameof(design));
        OutcomeTime = design.Assessments.Contains(outcomeTime) ? outcomeTime
            : throw new ArgumentException($"outcomeTime {Durations.Format(outcomeTime)} is not one of the design's assessments ({string.Join(", ", design.Assessments.Select(Durations.Format))}).", nameof(outcomeTime));
        Outcome = Guard.Defined(outcome, nameof(outcome));
        AnalysisArms = [.. Guard.NotNull(analysisArms, nameof(analysisArms))];
        foreach (string arm in AnalysisArms)
            if (!design.Arms.Any(a => string.Equals(a.Name, arm, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"analysis arm '{arm}' is not an arm of the design ({string.Join(", ", design.Arms.Select(a => a.Name))}).", nameof(analysisArms));
        int available = AnalysisArms.IsEmpty ? design.TotalSubjects
            : design.Arms.Where(a => AnalysisArms.Contains(a.Name, StringComparer.OrdinalIgnoreCase)).Sum(a => a.Subjects);
        AnalysisN = Guard.InRange(analysisN, 4, available, nameof(analysisN));
        AnalysisNSource = Guard.NotBlank(analysisNSource, nameof(analysisNSource));
        Approximations = Guard.NotBlank(approximations, nameof(approximations));
        Test = Guard.Defined(test, nameof(test));
        if ((test == EvidenceTest.ResponderSplit) != (outcome == EvidenceOutcome.Response))
            throw new ArgumentException($"test {test} does not fit outcome {outcome}: a responder split needs the response outcome, and the response outcome needs a responder split.", nameof(test));
        if ((test == EvidenceTest.ResponderSplit) != splitAtCadss.HasValue)
            throw new ArgumentException("splitAtCadss is required for a responder split and only for it.", nameof(splitAtCadss));
        var valueTest = statistic.Kind switch
        {
            EvidenceStatisticKind.Pearson => EvidenceTest.Pearson,
            EvidenceStatisticKind.Spearman => EvidenceTest.Spearman,
            EvidenceStatisticKind.Slope => EvidenceTest.Slope,
            _ => (EvidenceTest?)null,
        };
        if (valueTest is { } needed && needed != test)
            throw new ArgumentException($"A reported {statistic.Kind} value is compared with the {needed} test, not {test}.", nameof(test));
        PeakCadss = peakCadss;
        CadssAtMost = cadssAtMost is { } c ? Guard.InRange(c, 0, RatingScales.CadssMaximum, nameof(cadssAtMost)) : null;
        SplitAtCadss = splitAtCadss is { } sc ? Guard.InRange(sc, 0, RatingScales.CadssMaximum, nameof(splitAtCadss)) : null;
    }

    /// <summary>The test a simulated trial applies.</summary>
    internal EvidenceTest Test { get; }

    /// <summary>Whether the peak CADSS is used rather than the CADSS at the rating time.</summary>
    public bool PeakCadss { get; }

    /// <summary>Only patients with rated CADSS at most this enter the analysis, or null.</summary>
    public double? CadssAtMost { get; }

    /// <summary>The CADSS cut-off of a responder split, or null.</summary>
    public double? SplitAtCadss { get; }

    /// <summary>Unique short key.</summary>
    public string Key { get; }

    /// <summary>Short label.</summary>
    public string Study { get; }

    /// <summary>Full citation.</summary>
    public string Citation { get; }

    /// <summary>Diagnosis and sizes.</summary>
    public string Population { get; }

    /// <summary>Drug, route, dose, sessions.</summary>
    public string Regimen { get; }

    /// <summary>Dissociation scale and time.</summary>
    public string Dissociation { get; }

    /// <summary>Outcome scale and time.</summary>
    public string OutcomeText { get; }

    /// <summary>The statistic as reported.</summary>
    internal EvidenceStatistic Statistic { get; }

    /// <summary>The statistic in the source's words.</summary>
    public string Reported => Statistic.Reported;

    /// <summary>How the source handles uncertainty and selection.</summary>
    public string Uncertainty { get; }

    /// <summary>Where the numbers were read.</summary>
    public string ReadFrom { get; }

    /// <summary>What is not known.</summary>
    public string Unknown { get; }

    /// <summary>The overlap group, or null.</summary>
    public string? OverlapGroup { get; }

    /// <summary>The runnable design.</summary>
    public TrialDesign Design { get; }

    /// <summary>The outcome's assessment time.</summary>
    public TimeSpan OutcomeTime { get; }

    /// <summary>How the outcome is measured.</summary>
    internal EvidenceOutcome Outcome { get; }

    /// <summary>The arms whose patients enter the analysis; empty: every arm.</summary>
    public EquatableArray<string> AnalysisArms { get; }

    /// <summary>Patients behind the statistic (for a review: one reviewed study's size).</summary>
    public int AnalysisN { get; }

    /// <summary>Where the sizes come from.</summary>
    public string AnalysisNSource { get; }

    /// <summary>What the design simplifies.</summary>
    public string Approximations { get; }

    /// <summary>Whether the entry is a review's count of significant tests rather than one analysis.</summary>
    public bool IsReview => Statistic.Kind == EvidenceStatisticKind.ShareSignificant;

    private static bool IsKey(string s) => s.Length > 0 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
