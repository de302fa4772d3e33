using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

// Part of the record (catalogue), formerly a separate static class:
// <summary>
// The published analyses of the association between ketamine or esketamine dissociation and the antidepressant response, as
// library data (docs/literature.md section 11 records where each number was read; docs/evidence.md is generated from this class).
// Entries that share patients or counted studies carry the same <see cref="EvidenceEntry.OverlapGroup"/>.
// </summary>
public sealed partial record EvidenceEntry
{
    private const string Nimh = "nimh", Transform = "transform", Echegaray = "echegaray2025", Reviews = "reviews";

    private const string LuckenbaughCitation = "Luckenbaugh DA, Niciu MJ, Ionescu DF, Nolan NM, Richards EM, Brutsche NE, Guevara S, Zarate CA. Do the dissociative side " +
        "effects of ketamine mediate its antidepressant effects? J Affect Disord 2014;159:56-61. doi:10.1016/j.jad.2014.02.017, PMID 24679390, PMC4065787";

    private const string GarciaRomeuCitation = "Reconsidering \"dissociation\" as a predictor of antidepressant efficacy for esketamine (Garcia-Romeu A, senior author; " +
        "Psychopharmacology per an earlier project note, not confirmed; year, volume and DOI not read)";

    private const string ChenCitation = "Chen G, Chen L, ..., Daly EJ. The relationship between dissociation and antidepressant effects of esketamine nasal spray in " +
        "patients with treatment-resistant depression. Int J Neuropsychopharmacol 2022. doi:10.1093/ijnp/pyab084";

    private const string EchegarayCitation = "Echegaray MVF, Mello RP, ..., Caliman-Fontes AT, ..., Lacerda ALT, Quarantini LC. Does the intensity of dissociation " +
        "predict antidepressant effects 24 hours after infusion of racemic ketamine or esketamine in treatment-resistant depression? A secondary analysis from " +
        "a randomized controlled trial. Trends Psychiatry Psychother 2025. doi:10.47626/2237-6089-2022-0593";

    private const string TransformSizes = "arm sizes read: TRANSFORM-1 56 mg 115, 84 mg 114, placebo 113 (Gastaldon 2019 Table 1, PMC8061126); TRANSFORM-2 " +
        "esketamine 109, placebo 114 (PMC8077059 Table 1)";

    /// <summary>The catalogue, in a fixed order (NIMH, esketamine phase 3, Echegaray 2025, reviews).</summary>
    public static ImmutableArray<EvidenceEntry> All { get; } = Build();

    /// <summary>The entry with the given key (case-insensitive).</summary>
    /// <param name="key">An entry key, e.g. <c>luckenbaugh2014-230min</c>.</param>
    /// <exception cref="ArgumentException">No entry has that key (the message lists the keys).</exception>
    public static EvidenceEntry Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return All.FirstOrDefault(e => string.Equals(e.Key, key.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No catalogue entry '{key}'; the keys are {string.Join(", ", All.Select(e => e.Key))}.", nameof(key));
    }

    /// <summary>
    /// The design shared by the NIMH entries and the reviews' typical study: racemic ketamine 0.5 mg/kg IV over 40 min, CADSS at 40 min,
    /// Domino PK and the default population.
    /// </summary>
    internal static TrialDesign SingleInfusion(string name, int subjects, RatingScale scale, IEnumerable<TimeSpan> assessments) =>
        new(name, [new TrialArm("ketamine 0.5 mg/kg", Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)), subjects)],
            PopulationModel.Default(PkParameterSet.Domino), assessments, scale: scale);

    private static ImmutableArray<EvidenceEntry> Build()
    {
        var d230 = TimeSpan.FromMinutes(230);
        var day1 = TimeSpan.FromDays(1);
        var day3 = TimeSpan.FromDays(3);
        var day7 = TimeSpan.FromDays(7);
        var day28 = TimeSpan.FromDays(27);

        var niciuDesign = SingleInfusion("NIMH pooled, 126 patients (Niciu 2018)", 126, RatingScale.Hdrs17, [d230, day1, day7]);
        var phase3 = new TrialDesign("TRANSFORM-1 + 2 pooled (esketamine twice weekly + new oral antidepressant)",
            [Nasal("esketamine 56 mg", 56, 115 + 109), Nasal("esketamine 84 mg", 84, 114), Nasal("placebo", 0, 113 + 114)],
            PopulationModel.Default(PkParameterSet.PerezRuixo2021), [day1, day28], clinical: ClinicalModel.NewOralAntidepressant);
        var transform2 = new TrialDesign("TRANSFORM-2 (esketamine twice weekly + new oral antidepressant)",
            [Nasal("esketamine 56 mg", 56, 109), Nasal("placebo", 0, 114)],
            PopulationModel.Default(PkParameterSet.PerezRuixo2021), [day1, day28], clinical: ClinicalModel.NewOralAntidepressant);
        var echegaray = SingleInfusion("Echegaray 2025 (61 TRD, 40-min infusion)", 61, RatingScale.Madrs, [day1, day3, day7]);
        var review = SingleInfusion("A typical reviewed single-infusion study (42 patients)", 42, RatingScale.Madrs, [day1]);

        const string nimhPopulation = "108 treatment-resistant inpatients, MDD and bipolar depression, pooled NIMH trials; n behind this r not reported";
        const string nimhRegimen = "racemic ketamine 0.5 mg/kg IV over 40 min, single infusion";
        const string nimhUncertainty = "secondary analysis; combined diagnoses; potential unblinding (authors); CADSS, BPRS, YMRS and vital signs each " +
            "correlated at 40 min, 230 min, day 1 and day 7 without correction for the number of tests; only the significant r are in the abstract";
        const string nimhApprox = "Domino PK and the default population; the model's HDRS-17 is MADRS / 1.3; CADSS total on the model's 0-92 scale";
        const string phase3Regimen = "esketamine nasal spray twice weekly for 4 weeks with a new oral antidepressant, or placebo spray with it";
        const string phase3Approx = "TRANSFORM-2's flexible 56/84 mg dose fixed at 56 mg; 8 sessions 3.5 days apart; CADSS rated at 40 min after the first " +
            "dose stands for the post-dose peak; new-oral-antidepressant clinical preset";
        const string chenRegimen = "esketamine 56 or 84 mg nasal spray (flexible) twice weekly with a new oral antidepressant";
        const string chenSources = "explore.openaire.eu and discovery.researcher.life abstract copies";
        const string chenArmSize = "the esketamine arm size read (PMC8077059 Table 1); Gastaldon 2019 gives 114";
        const string chenPopulation = "TRD, TRANSFORM-2 esketamine arm (109 by one table, 114 by another)";
        const string chenSpearmanApprox = phase3Approx + "; peak CADSS of the first session; Spearman r as reported";
        const string echegarayRegimen = "esketamine 0.25 mg/kg or racemic ketamine 0.5 mg/kg IV over 40 min (randomised 1:1), single infusion";
        const string echegarayApprox = "every patient given racemic 0.5 mg/kg (a design holds one drug; the parent trial paired the doses as equipotent); " +
            "Domino PK; MADRS";
        const string echegarayUnknown = "how many of the 61 had CADSS <= 15; the parent trial's arm sizes; the values at 72 h and 7 days; the model behind " +
            "the slope (-0.5 / 0.25 = 2.0 gives two-sided p = 0.046 on a normal reference, so the printed slope, SD or p is rounded)";
        const string reviewApprox = "each reviewed study stands as a 42-patient single 0.5 mg/kg infusion with a Pearson r of CADSS at 40 min and % change at day 1, " +
            "tested at two-sided alpha 0.05; the reviewed studies' own designs, times and statistics were not read";

        // Chen 2022's TRANSFORM-2 entries: two Spearman correlations and two responder splits, each pair differing in the day (and the uncertainty).
        EvidenceEntry ChenSpearman(string keyDay, int day, TimeSpan at, string uncertainty) =>
            new($"chen2022-t2-{keyDay}", $"Chen 2022, TRANSFORM-2 day {day}", ChenCitation,
                chenPopulation, chenRegimen,
                "peak CADSS after the first (day 1) dose", $"change of MADRS at day {day}",
                EvidenceStatistic.NotSignificant("Spearman correlations \"nonsignificant and close to zero\""),
                uncertainty, chenSources, "the r values; the n per analysis", Transform,
                transform2, at, EvidenceOutcome.PointsChange, ["esketamine 56 mg"], 109,
                chenArmSize, chenSpearmanApprox, EvidenceTest.Spearman, peakCadss: true);
        EvidenceEntry ChenResponders(int day, TimeSpan at) =>
            new($"chen2022-t2-responders-day{day}", $"Chen 2022, responders day {day}", ChenCitation,
                "TRD, TRANSFORM-2 esketamine arm", chenRegimen,
                "peak CADSS after the first dose, > 4 against <= 4", $"response (> 50% MADRS reduction) at day {day}",
                EvidenceStatistic.NotSignificant("the percentage of responders did not significantly differ between peak CADSS > 4 and <= 4"),
                "post hoc comparison of responder rates by a CADSS cut-off", chenSources,
                "the rates and the test used; the n per group", Transform,
                transform2, at, EvidenceOutcome.Response, ["esketamine 56 mg"], 109,
                "the esketamine arm size read (PMC8077059 Table 1)", phase3Approx + "; response split at peak CADSS 4, compared with a two-sided test of two proportions", EvidenceTest.ResponderSplit, peakCadss: true, splitAtCadss: 4);
        // The Echegaray 2025 entries differ only in the time, the statistic, the uncertainty and the size note; 72 h and 7 days in the time alone.
        EvidenceEntry EchegarayAt(string keyTime, string time, TimeSpan at, EvidenceStatistic statistic, string uncertainty, string sizeNote) =>
            new($"echegaray2025-{keyTime}", $"Echegaray 2025, {time}", EchegarayCitation,
                "61 TRD patients, two centres", echegarayRegimen, "CADSS 40 min after the start of the infusion", $"change of MADRS from baseline at {time}",
                statistic, uncertainty, "experts.mcmaster.ca, trends.periodikos.com.br and DOAJ abstract copies", echegarayUnknown, Echegaray,
                echegaray, at, EvidenceOutcome.PointsChange, [], 61, sizeNote, echegarayApprox, EvidenceTest.Slope, cadssAtMost: 15);
        EvidenceEntry EchegarayLater(string keyTime, string time, TimeSpan at) =>
            EchegarayAt(keyTime, time, at, EvidenceStatistic.NotSignificant("\"The results for 72 hrs and 7 days following infusion were not significant\""),
                "secondary analysis; restricted to CADSS <= 15; three times tested", "reported (61 analysed)");

        return
        [
            new("luckenbaugh2014-230min", "Luckenbaugh 2014, 230 min", LuckenbaughCitation, nimhPopulation, nimhRegimen,
                "CADSS increase at 40 min", "% change of HDRS-17 at 230 min",
                EvidenceStatistic.Pearson(-0.35, 0.007, "r = -0.35, p = 0.007"), nimhUncertainty,
                "pubmed.ncbi.nlm.nih.gov/24679390 and PMC4065787 (abstract)", "the n behind the r; CADSS mean and SD at 40 min", Nimh,
                TrialDesign.Nimh, d230, EvidenceOutcome.PercentChange, [], 58,
                "back-calculated from r and p (the abstract gives 108 in all, not the n per time point)", nimhApprox, EvidenceTest.Pearson),
            new("luckenbaugh2014-7d", "Luckenbaugh 2014, day 7", LuckenbaughCitation, nimhPopulation, nimhRegimen,
                "CADSS increase at 40 min", "% change of HDRS-17 at day 7",
                EvidenceStatistic.Pearson(-0.41, 0.01, "r = -0.41, p = 0.01"), nimhUncertainty,
                "pubmed.ncbi.nlm.nih.gov/24679390 and PMC4065787 (abstract)", "the n behind the r; CADSS mean and SD at 40 min", Nimh,
                TrialDesign.Nimh, day7, EvidenceOutcome.PercentChange, [], 39,
                "back-calculated from r and p (the abstract gives 108 in all, not the n per time point)", nimhApprox, EvidenceTest.Pearson),
            new("niciu2018", "Niciu 2018, NIMH subscales",
                "Niciu MJ, Shovestul BJ, Jaso BA, Farmer C, Luckenbaugh DA, Brutsche NE, Park LT, Ballard ED, Zarate CA Jr. Features of dissociation " +
                "differentially predict antidepressant response to ketamine in treatment-resistant depression. J Affect Disord 2018 (volume and pages not read)",
                "126 TRD patients (MDD or bipolar) from three NIMH studies: 39, 52 and 35", nimhRegimen,
                "19-item CADSS (amnesia, depersonalization, derealization subscales) at 40 min", "% change of HAM-D-17 at 230 min, day 1 and day 7",
                EvidenceStatistic.SignificantDirection(-1, "depersonalization \"positively related to HAM-D percent change\" across all studies and times; " +
                    "derealization at day 7 in one study; amnesia unrelated; a greater CADSS total predicted response (news summary)"),
                "general linear model with repeated measures after a confirmatory factor analysis; authors name possible inadequate blinding and Type I errors; " +
                "overlaps Luckenbaugh 2014 (both pool NIMH single-infusion trials)",
                "moreblossom.com and ichgcp.net abstract copies; psychiatryadvisor.com news summary",
                "effect sizes; which patients are shared with Luckenbaugh 2014; the sign convention behind \"positively related\"", Nimh,
                niciuDesign, day1, EvidenceOutcome.PercentChange, [], 126, "reported (39 + 52 + 35)",
                nimhApprox + "; the repeated-measures model across 230 min, day 1 and day 7 stands as the Pearson r at day 1", EvidenceTest.Pearson),
            new("garcia-romeu-day2", "TRANSFORM-1 + 2 pooled, day 2", GarciaRomeuCitation,
                "TRD, TRANSFORM-1 and TRANSFORM-2 pooled, N = 576, both arms", phase3Regimen,
                "CADSS after the day-1 dose", "MADRS at day 2 (1 day after the first dose), adjusted for baseline MADRS and treatment",
                EvidenceStatistic.Slope(-0.04, -0.08, -0.002, null, 0.04, "each additional CADSS point: -0.04 MADRS points (95% CI -0.08 to -0.002), p = 0.04"),
                "post hoc; a separately planned regression next to a mixed model; the authors read it as no clinically significant association",
                "pure.johnshopkins.edu record and moreblossom.com copy (abstract)",
                "journal year and DOI; why 576 and not the 565 of the two trials' arms", Transform,
                phase3, day1, EvidenceOutcome.PointsChange, [], 565, TransformSizes + "; the analysis reports 576", phase3Approx, EvidenceTest.Slope),
            new("garcia-romeu-lmm", "TRANSFORM-1 + 2 pooled, induction", GarciaRomeuCitation,
                "TRD, TRANSFORM-1 and TRANSFORM-2 pooled, N = 576, both arms", phase3Regimen,
                "CADSS after each dose", "MADRS total over the 4-week induction",
                EvidenceStatistic.NotSignificant("linear mixed model: CADSS x time interaction p = 0.7"),
                "post hoc linear mixed model with baseline MADRS and treatment x time",
                "pure.johnshopkins.edu record and moreblossom.com copy (abstract)",
                "the interaction's estimate; journal year and DOI", Transform,
                phase3, day28, EvidenceOutcome.PointsChange, [], 565, TransformSizes + "; the analysis reports 576",
                phase3Approx + "; the interaction over the induction stands as the slope of the day-28 change on day-1 CADSS", EvidenceTest.Slope),
            ChenSpearman("day2", 2, day1, "post hoc; several correlations (day 1 and day 25 CADSS, day 2 and day 28 MADRS) and a mediation analysis"),
            ChenSpearman("day28", 28, day28, "post hoc; several correlations and a mediation analysis (no mediation of the day-2 or day-28 change)"),
            ChenResponders(2, day1),
            ChenResponders(28, day28),
            EchegarayAt("24h", "24 h", day1,
                EvidenceStatistic.Slope(-0.5, null, null, 0.25, 0.04, "for CADSS <= 15: -0.5 MADRS points per CADSS point (SD = 0.25), p = 0.04"),
                "secondary analysis; restricted to CADSS <= 15; confounders not controlled (authors); 24 h, 72 h and 7 days tested",
                "reported (61 analysed; the CADSS <= 15 subset is smaller, size not read)"),
            EchegarayLater("72h", "72 h", day3),
            EchegarayLater("7d", "7 days", day7),
            new("mathai2020", "Mathai 2020 review (CADSS studies)",
                "Mathai DS, Meyer MJ, Storch EA, Kosten TR. The relationship between subjective effects induced by a single dose of ketamine and treatment " +
                "response in patients with major depressive disorder: a systematic review. J Affect Disord 2020;264:123-129",
                "8 of 556 screened reports, unipolar MDD, single dose; 5 with CADSS", "racemic ketamine, single dose (the studies' doses not read)",
                "CADSS (times not read)", "depression scores (scales and times not read)",
                EvidenceStatistic.ShareSignificant(0.4, 5, 2, "2 of 5 CADSS studies found significant negative correlations (3 of 8 studies with any scale)", direction: -1),
                "a count of significant findings; the reviewed studies' sizes, statistics and multiplicity differ",
                "open-foundation.org and moreblossom.com abstract copies", "which studies; their sizes, times and statistics", Reviews,
                review, day1, EvidenceOutcome.PercentChange, [], 42,
                "assumed: Grabski 2020's mean study size (891 patients / 21 studies = 42.4); Mathai's study sizes were not read", reviewApprox, EvidenceTest.Pearson),
            new("grabski2020", "Grabski 2020 review (all associations)",
                "Grabski M, Borissova A, Marsh B, Morgan CJA, Curran HV. Ketamine as a mental health treatment: are acute psychoactive effects associated with " +
                "outcomes? A systematic review. Behav Brain Res 2020;392:112629. doi:10.1016/j.bbr.2020.112629",
                "21 studies, 891 patients (17 depression, 14 of them TRD; 3 substance use; 1 social anxiety), searched to June 2019",
                "ketamine or esketamine (the studies' regimens not read)", "CADSS most often; other scales", "treatment outcomes (scales and times not read)",
                EvidenceStatistic.ShareSignificant(0.26, 41, null, "41 associations, 26% significant; the CADSS total not consistently associated with antidepressant outcomes"),
                "a count of significant associations across scales, disorders and designs",
                "acuresearchbank.acu.edu.au and discovery-pp.ucl.ac.uk records (abstract)",
                "the count behind 26% (10 or 11 of 41); which associations; their sizes and statistics", Reviews,
                review, day1, EvidenceOutcome.PercentChange, [], 42, "derived: 891 patients / 21 studies = 42.4 per study", reviewApprox, EvidenceTest.Pearson),
        ];
    }

    private static TrialArm Nasal(string name, double mg, int subjects) =>
        new(name, Administration.Intranasal(Dose.FromMilligrams(mg)), subjects, 8, TimeSpan.FromDays(3.5));
}
