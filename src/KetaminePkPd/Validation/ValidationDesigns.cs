using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Validation;

/// <summary>The virtual trials the validation table runs, each a published design reduced to what the model represents.</summary>
internal static class ValidationDesigns
{
    /// <summary>Racemic ketamine 0.5 mg/kg over 40 min against saline (0 mg/kg), MADRS at 230 min and days 1, 3 and 7; Domino PK, the default population.</summary>
    /// <param name="subjectsPerArm">Patients per arm, in [1, 100 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A size out of range.</exception>
    public static TrialDesign RacemicIv(int subjectsPerArm) => new("Racemic 0.5 mg/kg over 40 min vs saline",
        [Iv("saline", 0, subjectsPerArm), Iv("ketamine 0.5 mg/kg", 0.5, subjectsPerArm)],
        PopulationModel.Default(PkParameterSet.Domino), [TimeSpan.FromMinutes(230), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)]);

    /// <summary>
    /// Racemic ketamine 0.5 mg/kg over 40 min against midazolam (an active control, <see cref="ClinicalModel.MidazolamControlled"/>;
    /// Murrough 2013, Fava 2020), MADRS at 230 min and days 1, 3, 7 and 14; Domino PK, the default population.
    /// </summary>
    /// <param name="subjectsPerArm">Patients per arm, in [1, 100 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A size out of range.</exception>
    public static TrialDesign MidazolamControlledIv(int subjectsPerArm) => new("Racemic 0.5 mg/kg over 40 min vs midazolam",
        [Iv("midazolam", 0, subjectsPerArm), Iv("ketamine 0.5 mg/kg", 0.5, subjectsPerArm)],
        PopulationModel.Default(PkParameterSet.Domino), [TimeSpan.FromMinutes(230), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14)],
        clinical: ClinicalModel.MidazolamControlled);

    /// <summary>
    /// Daly et al. 2018 (JAMA Psychiatry 75:139, SYNAPSE) period 1: intranasal placebo, esketamine 56 mg and 84 mg on days 1 and 4 (3 days apart),
    /// patients staying on their current oral antidepressant; MADRS 2 h and 24 h after the first dose and at day 8 (7 days after it).
    /// </summary>
    /// <param name="subjectsPerArm">Patients per arm, in [1, 100 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A size out of range.</exception>
    public static TrialDesign DalyPeriod1(int subjectsPerArm) => new("Esketamine 56/84 mg days 1 and 4 vs placebo (Daly 2018 period 1)",
        [Nasal("placebo", 0, subjectsPerArm, 2, 3), Nasal("esketamine 56 mg", 56, subjectsPerArm, 2, 3), Nasal("esketamine 84 mg", 84, subjectsPerArm, 2, 3)],
        PopulationModel.Default(PkParameterSet.PerezRuixo2021), [TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromDays(7)],
        clinical: ClinicalModel.ContinuedOralAntidepressant);

    /// <summary>
    /// TRANSFORM-2 (Popova et al. 2019, Am J Psychiatry 176:428) reduced to a fixed dose: intranasal placebo or esketamine 56 mg twice weekly for
    /// 4 weeks (8 sessions 3.5 days apart; the trial dosed 56 or 84 mg flexibly), both with a newly started oral antidepressant; MADRS at
    /// days 2, 8, 15, 22 and 28 (1, 7, 14, 21 and 27 days after the first dose).
    /// </summary>
    /// <param name="subjectsPerArm">Patients per arm, in [1, 100 000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A size out of range.</exception>
    public static TrialDesign Transform2(int subjectsPerArm) => new("Esketamine 56 mg twice weekly + new oral antidepressant vs placebo (TRANSFORM-2)",
        [Nasal("placebo + oral antidepressant", 0, subjectsPerArm, 8, 3.5), Nasal("esketamine 56 mg + oral antidepressant", 56, subjectsPerArm, 8, 3.5)],
        PopulationModel.Default(PkParameterSet.PerezRuixo2021), [.. new[] { 1, 7, 14, 21, 27 }.Select(d => TimeSpan.FromDays(d))],
        clinical: ClinicalModel.NewOralAntidepressant);

    private static int Size(int n) => n is >= 1 and <= 100_000 ? n : throw new ArgumentOutOfRangeException(nameof(n), n, $"subjectsPerArm must be in [1, 100000], got {n}.");

    private static TrialArm Iv(string name, double mgPerKg, int n) =>
        new(name, Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(mgPerKg), TimeSpan.FromMinutes(40)), Size(n));

    private static TrialArm Nasal(string name, double mg, int n, int sessions, double intervalDays) =>
        new(name, Administration.Intranasal(Dose.FromMilligrams(mg)), Size(n), sessions, TimeSpan.FromDays(intervalDays));
}
