using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

// Part of the record (catalogue), formerly a separate static class:
// <summary>The standard designs of the mission (docs/model.md section 5).</summary>
public sealed partial record TrialDesign
{
    private static readonly TimeSpan[] Standard = [TimeSpan.FromMinutes(230), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)];

    /// <summary>
    /// The NIMH design behind Luckenbaugh et al. 2014 (J Affect Disord 159:56): racemic ketamine 0.5 mg/kg over 40 min,
    /// 108 patients, CADSS at 40 min, HDRS-17 at 230 min and days 1, 3 and 7; Domino PK and the default population.
    /// </summary>
    public static TrialDesign Nimh { get; } = new("NIMH 0.5 mg/kg over 40 min",
        [new TrialArm("ketamine 0.5 mg/kg", Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)), 108)],
        PopulationModel.Default(PkParameterSet.Domino), Standard, scale: RatingScale.Hdrs17);

    /// <summary>
    /// Dose ranging as in Fava et al. 2018 (Mol Psychiatry): 0.1, 0.2, 0.5 and 1.0 mg/kg over 40 min and a placebo arm
    /// (no ketamine), 20 patients each, MADRS.
    /// </summary>
    public static TrialDesign DoseRanging { get; } = new("Dose ranging 0.1-1.0 mg/kg",
        [
            Arm("placebo", 0), Arm("ketamine 0.1 mg/kg", 0.1), Arm("ketamine 0.2 mg/kg", 0.2), Arm("ketamine 0.5 mg/kg", 0.5), Arm("ketamine 1.0 mg/kg", 1.0),
        ],
        PopulationModel.Default(PkParameterSet.Domino), Standard);

    /// <summary>Intranasal esketamine 56 mg and 84 mg (one session), 100 patients each, Perez-Ruixo 2021 PK, MADRS; patients stay on
    /// their oral antidepressant (<see cref="ClinicalModel.ContinuedOralAntidepressant"/>, as in Daly 2018).</summary>
    public static TrialDesign EsketamineIntranasal { get; } = new("Esketamine intranasal 56 and 84 mg",
        [
            new TrialArm("esketamine 56 mg", Administration.Intranasal(Dose.FromMilligrams(56)), 100),
            new TrialArm("esketamine 84 mg", Administration.Intranasal(Dose.FromMilligrams(84)), 100),
        ],
        PopulationModel.Default(PkParameterSet.PerezRuixo2021), [TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)],
        clinical: ClinicalModel.ContinuedOralAntidepressant);

    /// <summary>Intranasal esketamine 56 mg twice weekly for 4 weeks (8 sessions 3.5 days apart), 100 patients, MADRS at days 1, 8, 15, 22 and 28,
    /// with a newly started oral antidepressant (<see cref="ClinicalModel.NewOralAntidepressant"/>, as in TRANSFORM-2).</summary>
    public static TrialDesign TwiceWeeklyEsketamine { get; } = new("Esketamine 56 mg twice weekly for 4 weeks",
        [new TrialArm("esketamine 56 mg twice weekly", Administration.Intranasal(Dose.FromMilligrams(56)), 100, 8, TimeSpan.FromDays(3.5))],
        PopulationModel.Default(PkParameterSet.PerezRuixo2021), [.. new[] { 1, 8, 15, 22, 28 }.Select(d => TimeSpan.FromDays(d))],
        clinical: ClinicalModel.NewOralAntidepressant);

    /// <summary>All standard designs by key: nimh, dose-ranging, esketamine-intranasal, twice-weekly.</summary>
    public static IReadOnlyDictionary<string, TrialDesign> ByKey { get; } = new Dictionary<string, TrialDesign>(StringComparer.OrdinalIgnoreCase)
    {
        ["nimh"] = Nimh,
        ["dose-ranging"] = DoseRanging,
        ["esketamine-intranasal"] = EsketamineIntranasal,
        ["twice-weekly"] = TwiceWeeklyEsketamine,
    };

    private static TrialArm Arm(string name, double mgPerKg) =>
        new(name, Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(mgPerKg), TimeSpan.FromMinutes(40)), 20);
}
