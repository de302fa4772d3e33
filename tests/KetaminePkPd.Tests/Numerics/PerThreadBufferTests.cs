using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Issue 22, fourth pass: the per-patient path without result objects and with per-thread buffers (a dissociation straight to the
/// values a trial keeps, marches and peak-search arrays reused by the thread's next simulation, a patient's dissociation part
/// remembered across its courses, model parts made without per-patient strings). Each must give the bits of the plain computation.
/// </summary>
public sealed class PerThreadBufferTests
{
    private static readonly DosingRegimen Infusion =
        DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));

    private static readonly SimulationOptions Assessments = SimulationOptions.Default.AtTimes(new[] { 0, 40, 230, 1440, 4320, 10080 }.Select(m => TimeSpan.FromMinutes(m)));

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Theory]
    [InlineData(48, 0)]
    [InlineData(70, 1)]
    [InlineData(112, 2)]
    public void DissociationRun_SameBitsAsAFullSimulationAndItsCmaxAndAuc24(double weightKg, int at)
    {
        var pk = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = weightKg, AgeYears = 40 });
        var effect = EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine);
        var full = PkPdSimulator.Simulate(new PkPdModel(pk, [effect]), Infusion, Assessments);
        var (cmax, auc24) = full.Pk.ParentCmaxAndAuc24();
        var prepared = PreparedPk.Create(pk, Infusion);
        var times = Assessments.OutputTimesH();

        var lean = DissociationRun.Simulate(prepared, effect, Assessments, times, at, exposure: true);
        var peakOnly = DissociationRun.Simulate(prepared, effect, Assessments, times, at, exposure: false);

        Assert.Equal(Bits(full.Pk.ParentNgPerMl[at]), Bits(lean.ParentNgPerMl));
        Assert.Equal(Bits(full.Effects[0].Values[at]), Bits(lean.Value));
        Assert.Equal(Bits(full.Effects[0].MaximumValue), Bits(lean.Peak));
        Assert.Equal(Bits(cmax), Bits(lean.CmaxNgPerMl));
        Assert.Equal(Bits(auc24), Bits(lean.Auc0To24NgHPerMl));
        Assert.Equal(Bits(lean.Peak), Bits(peakOnly.Peak));
        Assert.True(double.IsNaN(peakOnly.CmaxNgPerMl) && double.IsNaN(peakOnly.Auc0To24NgHPerMl), "Cmax and AUC0-24 are not computed when not asked for");
        // 0.5 mg/kg over 40 min: the parent peaks at the end of the infusion at a few hundred ng/mL (README: about 240 at 70 kg).
        Assert.InRange(lean.CmaxNgPerMl, 100, 500);
    }

    [Fact]
    public void LinearMarch_Rented_AfterMarchesOfOtherSizes_SameBitsAsANewMarch()
    {
        // The thread's spare march is reused whatever it marched before: a PK-only march (5 states), a filtered course (more states and
        // filter states) and a dissociation, in that order; then the same course again. Every output must have the new march's bits.
        var pk = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 77, AgeYears = 52 });
        var prepared = PreparedPk.Create(pk, Infusion);
        var antidepressant = EffectParameterSet.Default.Antidepressant(Drug.RacemicKetamine);
        var times = Assessments.OutputTimesH();
        int[] at = [0, 1, 2, 3, 4, 5];
        var reference = new double[at.Length];
        double[] fresh = [];
        var thread = new Thread(() =>
        {
            PkPdSimulator.EffectValues(prepared, antidepressant, Assessments, times, at, reference);
            fresh = [.. reference];
        });
        thread.Start();
        thread.Join();

        DissociationRun.Simulate(PreparedPk.Create(PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 50, AgeYears = 30 }), Infusion),
            EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine), Assessments, times, 1, exposure: true);
        var shortTimes = new[] { 0.0, 1, 2 };
        PkPdSimulator.EffectValues(prepared, antidepressant, SimulationOptions.Default, shortTimes, [2], new double[1]);
        var again = new double[at.Length];
        PkPdSimulator.EffectValues(prepared, antidepressant, Assessments, times, at, again);

        for (int i = 0; i < at.Length; i++) Assert.Equal(Bits(fresh[i]), Bits(again[i]));
        Assert.True(again[4] < 0, $"the drug effect at day 3 is an improvement (negative MADRS points), got {again[4]}");
    }

    [Fact]
    public void TrialSimulator_CoursesAfterTheDissociationOnOneThread_SameBitsAsSimulatorsWithoutACache()
    {
        // A patient's courses under two hypotheses back to back on one thread share the remembered dissociation part (no new sample);
        // simulators without a cache sample and simulate everything themselves.
        var design = TrialDesign.Nimh.WithTotalSubjects(100);
        var cache = new PatientCache(100);
        var first = new TrialSimulator(design, Hypothesis.ExposureOnly, 3, cache: cache);
        var linked = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.8), 3, cache: cache);
        var coldFirst = new TrialSimulator(design, Hypothesis.ExposureOnly, 3);
        var coldLinked = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.8), 3);
        for (int i = 0; i < 6; i++)
        {
            var a = first.Simulate(i);
            var b = linked.Simulate(i);
            var c = coldFirst.Simulate(i);
            var d = coldLinked.Simulate(i);
            Assert.Equal(Bits(c.CadssPeak), Bits(a.CadssPeak));
            Assert.Equal(Bits(d.CadssPeak), Bits(b.CadssPeak));
            Assert.Equal(Bits(c.CmaxNgPerMl), Bits(b.CmaxNgPerMl));
            for (int k = 0; k < a.DrugEffectMadrs.Length; k++)
            {
                Assert.Equal(Bits(c.DrugEffectMadrs[k]), Bits(a.DrugEffectMadrs[k]));
                Assert.Equal(Bits(d.DrugEffectMadrs[k]), Bits(b.DrugEffectMadrs[k]));
            }
            Assert.Equal(c.Subject, a.Subject);
            Assert.Equal(d.Subject, b.Subject);
        }
    }

    public static TheoryData<string> Regimens => ["infusion", "bolus", "twice-weekly", "oral", "intranasal"];

    private static DosingRegimen RegimenNamed(string name) => name switch
    {
        "infusion" => Infusion,
        "bolus" => DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(35))),
        "twice-weekly" => DosingRegimen.Repeated(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)), 3, TimeSpan.FromHours(84)),
        "oral" => DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(150))),
        _ => DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(50))),
    };

    [Theory]
    [MemberData(nameof(Regimens))]
    public void CmaxSearch_SkippingIntervalsByTheReachableMass_SameBitsAsScanningEveryInterval(string regimenName)
    {
        // The parent and metabolite peaks found with the mass bound (intervals without input whose reachable mass is below the best so
        // far are not scanned) against a scan of every interval, on the output grid of 15 min over 8 days.
        var model = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 70, AgeYears = 40 });
        var regimen = RegimenNamed(regimenName);
        var options = SimulationOptions.Default with { Until = TimeSpan.FromDays(8), OutputStep = TimeSpan.FromMinutes(15) };
        var inputs = model.Expand(regimen);
        var sys = new ReducedSystem(model, inputs);
        var march = new LinearMarch(sys.K, sys.M, sys.Events(inputs), options.OutputTimesH(), 24, options.Method, options.Tolerances, captureTimes: [24]);
        march.Run();
        var solution = new PkSolution(sys, inputs, march);
        foreach (int c in new[] { sys.Central, sys.Metabolite })
        {
            var (tAll, vAll) = PeakSearch.Maximum(new LinearPropagator(sys.K, sys.M), sys.K, sys.M, march.Points, march.OutputStates, solution.RatesAt, solution.EventTimesH, c);
            var (tBound, vBound) = PeakSearch.Maximum(new LinearPropagator(sys.K, sys.M), sys.K, sys.M, march.Points, march.OutputStates, solution.RatesAt, solution.EventTimesH, c, massBound: true);
            Assert.Equal(Bits(vAll), Bits(vBound));
            Assert.Equal(Bits(tAll), Bits(tBound));
            Assert.True(vAll > 0, $"a positive peak amount in compartment {c}, got {vAll}");
        }
        // The public metric is the bounded search's.
        double cmax = PkSimulator.Simulate(model, regimen, options).Parent.CmaxNgPerMl;
        var (_, amount) = PeakSearch.Maximum(new LinearPropagator(sys.K, sys.M), sys.K, sys.M, march.Points, march.OutputStates, solution.RatesAt, solution.EventTimesH, sys.Central);
        Assert.Equal(Bits(amount * sys.InverseCentralVolume * Units.NgPerMlPerMgPerL), Bits(cmax));
    }

    [Fact]
    public void RouteDefinition_SourceMadeWhenRead_EqualsTheSameDefinitionWithItsText()
    {
        // The racemic intranasal route's text has the individual's nasal fraction and duration in it; it is made on first read.
        var model = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 70, AgeYears = 40 });
        var lazy = model.GetRoute(Route.Intranasal);
        var again = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 70, AgeYears = 40 }).GetRoute(Route.Intranasal);
        Assert.StartsWith("F: ", lazy.Source, StringComparison.Ordinal);
        Assert.Contains("Nasal part FRn = (F_IN - FGUT_IN FH_IN) / (1 - FGUT_IN FH_IN) = ", lazy.Source, StringComparison.Ordinal);
        var eager = new RouteDefinition(Route.Intranasal, lazy.Pathways, lazy.Source, lazy.Devices, lazy.BioavailabilityRange, lazy.BioavailabilityParameter);
        Assert.Equal(eager, lazy);
        Assert.Equal(lazy, again);
        Assert.Equal(eager.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(eager, new RouteDefinition(Route.Intranasal, lazy.Pathways, lazy.Source, lazy.Devices, lazy.BioavailabilityRange, "F_OTHER"));
        Assert.NotEqual(eager, new RouteDefinition(Route.Intranasal, lazy.Pathways, () => lazy.Source + ".", lazy.Devices, lazy.BioavailabilityRange, lazy.BioavailabilityParameter));
    }

    [Fact]
    public void SubjectRandom_FirstDraws_AreThoseOfXoshiro256StarStarSeededBySplitMix64()
    {
        // Independent of the class: the seeding and generator of the remarks written out, for (seed 7, index 3, stream 0).
        static ulong Mix(ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
        ulong k = Mix(7) ^ Mix(3 + 0x632BE59BD9B4E019UL) ^ Mix(0 + unchecked(0x9E3779B97F4A7C15UL * 3));
        var s = new ulong[4];
        for (int i = 0; i < 4; i++)
        {
            k += 0x9E3779B97F4A7C15UL;
            ulong z = k;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            s[i] = z ^ (z >> 31);
        }
        var random = new SubjectRandom(7, 3, 0);
        for (int draw = 0; draw < 5; draw++)
        {
            ulong expected = ulong.RotateLeft(s[1] * 5, 7) * 9;
            ulong t = s[1] << 17;
            s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
            s[2] ^= t;
            s[3] = ulong.RotateLeft(s[3], 45);
            Assert.Equal(expected, random.NextUInt64());
        }
    }
}
