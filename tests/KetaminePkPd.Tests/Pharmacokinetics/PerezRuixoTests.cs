using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// The esketamine set against the paper's own typical-value predictions: Perez-Ruixo et al. 2021, Clin Pharmacokinet
/// 60:501, Table 4 (typical non-Asian adult under 60, devices 5 min apart, times from the first spray).
/// </summary>
public class PerezRuixoTests
{
    private static PkSimulationResult Nasal(double mg, Subject? subject = null) =>
        PkSimulator.Simulate(PkParameterSet.PerezRuixo2021.CreateModel(subject ?? Subject.TypicalAdult),
            DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(mg))),
            new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(5) });

    [Theory]
    [InlineData(28, 43.8, 147.3, 59.1)]
    [InlineData(56, 72.5, 254.7, 119.7)]
    [InlineData(84, 101.0, 362.2, 180.0)]
    public void IntranasalTypicalValues_MatchTable4(double mg, double cmax, double auc24, double norCmax)
    {
        var r = Nasal(mg);
        // The issue asks for 10%; a literal encoding lands within 1% (measured: Cmax 43.91/72.63/101.2, AUC 146.9/253.8/360.7).
        Assert.InRange(r.Parent.CmaxNgPerMl / cmax, 0.99, 1.01);
        Assert.InRange(r.Parent.Auc0To24NgHPerMl / auc24, 0.99, 1.01);
        Assert.InRange(r.Metabolite!.CmaxNgPerMl / norCmax, 0.98, 1.02);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(56)]
    [InlineData(84)]
    public void IntranasalNoresketamineAuc_IsAbout1Point4TimesTable4_KnownInconsistency(double mg)
    {
        // Table 4 noresketamine AUC0-24 is not reproducible from the Table 3 parameters: a literal encoding is about
        // 1.4x high (also reported by nlmixr2lib). Documented, not corrected; this test pins the size of the gap.
        double published = mg switch { 28 => 274.4, 56 => 516.3, _ => 758.0 }; // Table 4 noresketamine AUC0-24, ng.h/mL
        double ratio = Nasal(mg).Metabolite!.Auc0To24NgHPerMl / published;
        Assert.InRange(ratio, 1.38, 1.48); // measured 1.41 / 1.44 / 1.46
    }

    [Fact]
    public void SystemicClearance_IsQhTimesHepaticExtraction()
    {
        // CL = Qh E, E = Vh (kel + kmet) / (Qh + Vh (kel + kmet)) = 151 x 392 / (151 + 392) = 109 L/h.
        double clint = 101 * (1.11 + 2.77);
        double expected = 151 * clint / (151 + clint);
        Assert.Equal(expected, PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult).SystemicClearanceLPerH, 6);
    }

    [Fact]
    public void Covariates_AgeAsianAndJapanese_ActWhereThePaperSays()
    {
        var typical = Nasal(56);
        var old = Nasal(56, Subject.TypicalAdult with { AgeYears = 80 });       // Qh 151 - 2.19 x 20 -> lower clearance, higher AUC
        var asian = Nasal(56, Subject.TypicalAdult with { Ancestry = Ancestry.AsianNonJapanese }); // kel x 0.36 -> higher AUC
        var japanese = Nasal(56, Subject.TypicalAdult with { Ancestry = Ancestry.Japanese });      // plus FRn x 1.34 -> higher Cmax
        Assert.True(old.Parent.Auc0To24NgHPerMl > typical.Parent.Auc0To24NgHPerMl * 1.15); // measured 303.2 vs 253.8
        Assert.True(asian.Parent.Auc0To24NgHPerMl > typical.Parent.Auc0To24NgHPerMl * 1.05); // measured 275.0 vs 253.8
        Assert.True(japanese.Parent.CmaxNgPerMl > asian.Parent.CmaxNgPerMl * 1.2); // measured 94.8 vs 73.5
        double clYoung = PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult with { AgeYears = 59 }).SystemicClearanceLPerH;
        Assert.Equal(PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult).SystemicClearanceLPerH, clYoung, 9);
    }

    [Fact]
    public void Intranasal_DoseNotAWholeNumberOfDevices_Throws()
    {
        var model = PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult);
        var ex = Assert.Throws<ArgumentException>(() => PkSimulator.Simulate(model, DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(50)))));
        Assert.Contains("28 mg", ex.Message);
        Assert.Contains("50 mg", ex.Message);
    }

    [Fact]
    public void Intramuscular_IsNotSupportedByTheEsketamineSet()
    {
        var model = PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult);
        var ex = Assert.Throws<ArgumentException>(() => PkSimulator.Simulate(model, DosingRegimen.Single(Administration.Intramuscular(Dose.FromMilligrams(50)))));
        Assert.Contains("Intramuscular", ex.Message);
        Assert.Contains("Intranasal", ex.Message);
    }
}
