using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// Racemic intranasal ketamine: a nasal part absorbed into central at a constant rate over DN_IN and a swallowed part that
/// passes the gut (FGUT_IN) and the liver (FH_IN) first, the nasal fraction following from the total bioavailability F_IN
/// (docs/model.md section 3.3). Checked against closed forms and against Pharmacotherapy 2022;42:298, Table 6 (PMC9118341).
/// </summary>
public class RacemicIntranasalTests
{
    private static readonly Subject S = Subject.TypicalAdult;
    private static readonly SimulationOptions Options = new() { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(5) };
    private static readonly PkParameterSet[] WithNose = [PkParameterSet.Domino, PkParameterSet.Hijazi, PkParameterSet.Clements];

    public static TheoryData<string> Keys => ["domino", "hijazi", "clements"];

    private static PkSimulationResult Nasal(PkParameterSet set, double mg, Subject? subject = null) =>
        PkSimulator.Simulate(set.CreateModel(subject ?? S), DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(mg))), Options);

    private static PkSimulationResult Iv(PkParameterSet set, double mg, TimeSpan infusion = default) =>
        PkSimulator.Simulate(set.CreateModel(S), DosingRegimen.Single(infusion == default
            ? Administration.IntravenousBolus(Dose.FromMilligrams(mg))
            : Administration.IntravenousInfusion(Dose.FromMilligrams(mg), infusion)), Options);

    /// <summary>FRn = (F - FGUT FH) / (1 - FGUT FH), from the parameter values.</summary>
    private static double NasalFraction(PkParameterSet set)
    {
        double swallowed = set["FGUT_IN"].Value * set["FH_IN"].Value;
        return (set["F_IN"].Value - swallowed) / (1 - swallowed);
    }

    [Fact]
    public void Parameters_DefaultValues_AreTheDocumentedOnes()
    {
        // F_IN 13% (Pharmacotherapy 2022, 30 mg), FGUT_IN 0.64 (Perez-Ruixo 2021), KA_SW_IN 0.70 1/h (Brunette 2011, the oral value);
        // DN_IN and FH_IN fitted to Table 6 (PROVISIONAL).
        var d = PkParameterSet.Domino;
        Assert.Equal(0.13, d["F_IN"].Value);
        Assert.Equal(0.25, d["DN_IN"].Value);
        Assert.Equal(0.64, d["FGUT_IN"].Value);
        Assert.Equal(0.018, d["FH_IN"].Value);
        Assert.Equal(d["KA_PO"].Value, d["KA_SW_IN"].Value);
        Assert.True(d["DN_IN"].IsProvisional && d["FH_IN"].IsProvisional && d["FGUT_IN"].IsProvisional);
        Assert.False(d["F_IN"].IsProvisional);
        Assert.All(new[] { "F_IN", "DN_IN", "FGUT_IN", "FH_IN", "KA_SW_IN" }, n => Assert.Equal(Route.Intranasal, d[n].Route));
        Assert.DoesNotContain(d.Parameters, p => p.Name == "KA_IN");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Route_NasalAndSwallowedPathways_FollowFromTheParameters(string key)
    {
        var set = PkParameterSet.Get(key);
        var route = set.CreateModel(S).GetRoute(Route.Intranasal);
        Assert.Equal((0.11, 0.45), route.BioavailabilityRange);
        Assert.Equal("F_IN", route.BioavailabilityParameter);
        var nasal = Assert.Single(route.Pathways, p => p.Kind == PathwayKind.Nasal);
        var swallowed = Assert.Single(route.Pathways, p => p.Kind == PathwayKind.SwallowedRemainder);
        Assert.Equal("central", nasal.Target);
        Assert.Equal(TimeSpan.FromMinutes(15), nasal.ZeroOrderDuration);
        // (0.13 - 0.64 x 0.018) / (1 - 0.64 x 0.018) = 0.119862...
        Assert.Equal(0.11848 / 0.98848, nasal.Fraction, 12);
        Assert.Equal(NasalFraction(set), nasal.Fraction, 12);
        Assert.Equal("gut-in", swallowed.Target);
        Assert.Equal(0.64, swallowed.Fraction);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Simulate_AucPerMgOverIntravenous_IsF_IN_AtEveryDocumentedValue(string key)
    {
        // Bioavailability as the study defines it (AUC0-inf per mg against IV): FRn + (1 - FRn) FGUT FH = F_IN, exactly.
        foreach (double f in new[] { 0.11, 0.13, 0.17, 0.45 })
        {
            var set = PkParameterSet.Get(key).WithParameter("F_IN", f);
            double ratio = Nasal(set, 30).Parent.AucInfNgHPerMl / 30 / (Iv(set, 10).Parent.AucInfNgHPerMl / 10);
            Assert.Equal(f, ratio, 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Simulate_NothingAbsorbedFromTheGut_IsAnIntravenousInfusionOfTheNasalPart(string key)
    {
        // With FGUT_IN = 0 the nasal fraction is F_IN and the route is exactly an infusion of F_IN x D over DN_IN.
        var set = PkParameterSet.Get(key).WithParameter("FGUT_IN", 0);
        var nasal = Nasal(set, 50);
        var infusion = Iv(set, 50 * 0.13, TimeSpan.FromMinutes(15));
        for (int i = 0; i < nasal.TimesH.Length; i++)
        {
            Assert.Equal(infusion.ParentNgPerMl[i], nasal.ParentNgPerMl[i], 1e-9 * infusion.Parent.CmaxNgPerMl);
            Assert.Equal(infusion.MetaboliteNgPerMl[i], nasal.MetaboliteNgPerMl[i], 1e-9 * infusion.Metabolite!.CmaxNgPerMl);
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Simulate_AllOfItSwallowed_IsAnOralDoseWithBioavailabilityFgutTimesFh(string key)
    {
        // With F_IN = FGUT FH the nasal fraction is 0: ketamine enters central at FH ka_sw A_gut with A_gut(0) = FGUT D, which is the
        // oral route's first-order depot with F = FGUT FH and the same ka. Norketamine differs: the first pass forms it too.
        const double fgut = 0.64, fh = 0.3;
        var set = PkParameterSet.Get(key).WithParameter("FH_IN", fh).WithParameter("F_IN", fgut * fh).WithParameter("F_PO", fgut * fh);
        var nasal = Nasal(set, 50);
        var oral = PkSimulator.Simulate(set.CreateModel(S), DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(50))), Options);
        Assert.Equal(0, set.CreateModel(S).GetRoute(Route.Intranasal).Pathways[0].Fraction, 12);
        for (int i = 0; i < nasal.TimesH.Length; i++)
            Assert.Equal(oral.ParentNgPerMl[i], nasal.ParentNgPerMl[i], 1e-9 * oral.Parent.CmaxNgPerMl);
        // Oral: FGUT FH D reaches central and forms norketamine; intranasal: all of FGUT D does (FM = 1), so the ratio is 1 / FH.
        Assert.Equal(1 / fh, nasal.Metabolite!.AucInfNgHPerMl / oral.Metabolite!.AucInfNgHPerMl, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Simulate_NorketamineAuc_IsWhatReachesTheLiverTimesFmOverClNk(string key)
    {
        // Closed form: everything the body takes up is metabolised, FM of it to norketamine, so
        // AUC_NK(0-inf) = FM D (FRn + (1 - FRn) FGUT) / CL_NK (mass of parent equivalents; 70 kg, so CL_NK unscaled).
        var set = PkParameterSet.Get(key);
        double frn = NasalFraction(set);
        double expected = set["FM"].Value * 50 * (frn + (1 - frn) * set["FGUT_IN"].Value) / set["CL_NK"].Value * 1000;
        Assert.Equal(expected, Nasal(set, 50).Metabolite!.AucInfNgHPerMl, 1e-9 * expected);
    }

    [Fact]
    public void Domino_Table6_KetaminePeakAndTimeOfPeak_AreTheFittedOnes()
    {
        // Pharmacotherapy 2022 Table 6: Cmax 60.8 (GSD 1.90) and 77.6 (GSD 2.29) ng/mL, Tmax 14 and 16 min (GSD 3.8, 4.4), n = 10.
        // DN_IN and FH_IN were fitted to these (log-scale, weighted by the GSDs): Cmax 55.0 and 91.6, Tmax 15 min (the end of the nasal
        // absorption). The validation table accepts x/÷ 1.5 on Cmax (in-cmax-30, in-cmax-50).
        var r30 = Nasal(PkParameterSet.Domino, 30);
        var r50 = Nasal(PkParameterSet.Domino, 50);
        Assert.Equal(54.98, r30.Parent.CmaxNgPerMl, 0.05);
        Assert.Equal(91.63, r50.Parent.CmaxNgPerMl, 0.05);
        Assert.InRange(r30.Parent.CmaxNgPerMl, 60.8 / 1.5, 60.8 * 1.5);
        Assert.InRange(r50.Parent.CmaxNgPerMl, 77.6 / 1.5, 77.6 * 1.5);
        Assert.Equal(0.25, r30.Parent.TmaxH, 1e-6);
        Assert.Equal(0.25, r50.Parent.TmaxH, 1e-6);
    }

    [Fact]
    public void Domino_Table6_NorketaminePeaks_AreReproducedUnfitted()
    {
        // Table 6: norketamine Cmax 68.1 (GSD 1.80) and 105 (GSD 1.63) ng/mL at 60 and 56 min; nothing was fitted to them
        // (FGUT_IN is Perez-Ruixo's esketamine value, norketamine disposition Otto 2021). Within the 95% CI of a geometric mean of 10.
        static double Ci(double gsd) => Math.Exp(1.96 * Math.Log(gsd) / Math.Sqrt(10));
        var r30 = Nasal(PkParameterSet.Domino, 30).Metabolite!;
        var r50 = Nasal(PkParameterSet.Domino, 50).Metabolite!;
        Assert.InRange(r30.CmaxNgPerMl, 68.1 / Ci(1.80), 68.1 * Ci(1.80));
        Assert.InRange(r50.CmaxNgPerMl, 105 / Ci(1.63), 105 * Ci(1.63));
        Assert.Equal(62.73, r30.CmaxNgPerMl, 0.05);
        Assert.InRange(r30.TmaxH * 60, 60 / 1.76, 60 * 1.76); // measured 70 min
    }

    [Fact]
    public void Domino_Table6_NorketamineToKetamineAucRatio_IsAboutTwiceToThriceThePublished_KnownMiss()
    {
        // Table 6: 3.95 and 4.54. The model's AUC0-24 ratio is 10.3 at any dose: Otto's norketamine makes its AUC 5.5 times its Cmax
        // (the table: 2.7), whatever the split of the dose (docs/model.md section 3.3). Pinned so that a change shows up.
        var r = Nasal(PkParameterSet.Domino, 30);
        double ratio = r.Metabolite!.Auc0To24NgHPerMl / r.Parent.Auc0To24NgHPerMl;
        Assert.InRange(ratio, 10.2, 10.35);
        Assert.InRange(r.Metabolite.Auc0To24NgHPerMl / r.Metabolite.CmaxNgPerMl, 5.4, 5.6);
    }

    [Fact]
    public void Simulate_NasalPart_IsLinearInF_AcrossTheDocumentedRange()
    {
        // At the ends of the documented range (0.11 and 0.45) the nasal fraction is 0.0996 and 0.4435; the swallowed part adds
        // about 1% at the peak (measured ratio 4.39), so Cmax scales with FRn, not with F (45/11 = 4.09).
        var low = PkParameterSet.Domino.WithParameter("F_IN", 0.11);
        var high = PkParameterSet.Domino.WithParameter("F_IN", 0.45);
        double expected = NasalFraction(high) / NasalFraction(low);
        Assert.Equal(expected, Nasal(high, 50).Parent.CmaxNgPerMl / Nasal(low, 50).Parent.CmaxNgPerMl, 0.02 * expected);
    }

    [Fact]
    public void CreateModel_F_INBelowTheSwallowedAvailability_ThrowsNamingTheParameters()
    {
        var ex = Assert.Throws<ArgumentException>(() => PkParameterSet.Domino.WithParameter("F_IN", 0.01).CreateModel(S));
        Assert.Contains("F_IN", ex.Message);
        Assert.Contains("FGUT_IN x FH_IN", ex.Message);
        Assert.Equal("F_IN", ex.ParamName);
    }

    [Fact]
    public void RacemicSets_WithANose_AllTakeTheSameIntranasalParameters()
    {
        foreach (var set in WithNose)
            Assert.Equal(PkParameterSet.Domino.ParametersFor(Route.Intranasal).Where(p => p.Route == Route.Intranasal), set.ParametersFor(Route.Intranasal).Where(p => p.Route == Route.Intranasal));
        Assert.False(PkParameterSet.Herd.CreateModel(S with { WeightKg = 25 }).Supports(Route.Intranasal));
    }
}
