using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// A trial builds each patient's PK model for its regimen only: under intravenous doses the racemic sets leave out the other routes'
/// depots. The regimen's reduced system must be that of the full model bit for bit, and the same parameters must be rejected.
/// </summary>
public sealed class IntravenousModelTests
{
    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    public static TheoryData<string> SetKeys() => [.. PkParameterSet.Keys];

    [Theory]
    [MemberData(nameof(SetKeys))]
    public void CreateModel_IntravenousRegimen_SameReducedSystemBitsAsTheFullModel(string key)
    {
        var set = PkParameterSet.Get(key);
        DosingRegimen[] regimens =
        [
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            DosingRegimen.Repeated(Administration.IntravenousBolus(Dose.FromMilligrams(20)), 3, TimeSpan.FromHours(48)),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(0), TimeSpan.FromMinutes(40))),   // a placebo arm's
        ];
        var random = new Random(24);
        int depotsLeftOut = 0;
        for (int patient = 0; patient < 40; patient++)
        {
            var subject = new Subject { WeightKg = 45 + 100 * random.NextDouble(), AgeYears = 20 + 60 * random.NextDouble() };
            // Random effects on every parameter (routes and norketamine included), small enough to keep each in its range; every
            // fourth patient typical (FM = 1 exactly: no parent elimination, exact zeros in K).
            var eta = patient % 4 == 0 ? new double[set.Parameters.Length]
                : [.. Enumerable.Range(0, set.Parameters.Length).Select(_ => 0.3 * (random.NextDouble() - 0.5))];
            var full = set.CreateModel(subject, eta);
            foreach (var regimen in regimens)
            {
                var lean = set.CreateModel(subject, eta, regimen);
                if (lean.Compartments.Length < full.Compartments.Length) depotsLeftOut++;
                Assert.Equal(BitConverter.DoubleToInt64Bits(full.SystemicClearanceLPerH), BitConverter.DoubleToInt64Bits(lean.SystemicClearanceLPerH));
                Assert.Equal(BitConverter.DoubleToInt64Bits(full.CentralCompartment.VolumeL), BitConverter.DoubleToInt64Bits(lean.CentralCompartment.VolumeL));
                Assert.Equal(full.MetaboliteCompartment?.VolumeL, lean.MetaboliteCompartment?.VolumeL);
                var a = PreparedPk.Create(full, regimen);
                var b = PreparedPk.Create(lean, regimen);
                Assert.Equal(a.Inputs, b.Inputs);
                Assert.Equal(a.Events, b.Events);
                var (x, y) = (a.System, b.System);
                Assert.Equal(x.M, y.M);
                Assert.Equal(x.FullIndex, y.FullIndex);
                Assert.Equal(x.Central, y.Central);
                Assert.Equal(x.Metabolite, y.Metabolite);
                Assert.Equal(Bits(x.K), Bits(y.K));
                Assert.Equal(Bits(x.EliminationRates), Bits(y.EliminationRates));
                Assert.Equal(Bits(x.ParentWeights), Bits(y.ParentWeights));
                Assert.Equal(Bits(x.MetaboliteWeights), Bits(y.MetaboliteWeights));
                Assert.Equal(Bits(x.EliminationWeights), Bits(y.EliminationWeights));
                Assert.Equal(Bits([x.InverseCentralVolume, x.InverseMetaboliteVolume]), Bits([y.InverseCentralVolume, y.InverseMetaboliteVolume]));
            }
        }
        // The racemic sets with routes (not Herd, intravenous only; not Perez-Ruixo, whose nasal depot comes first) leave the depots out.
        bool leavesOut = set.Drug == Drug.RacemicKetamine && set.Routes.Length > 1;
        Assert.Equal(leavesOut ? 40 * regimens.Length : 0, depotsLeftOut);
    }

    [Fact]
    public void CreateModel_OtherRouteOrSteadyState_IsTheFullModel()
    {
        var subject = Subject.TypicalAdult;
        var oral = DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(50)));
        var steady = DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(20))).WithSteadyState(TimeSpan.FromHours(24));
        int full = PkParameterSet.Domino.CreateModel(subject).Compartments.Length;
        Assert.Equal(full, PkParameterSet.Domino.CreateModel(subject, [], oral).Compartments.Length);
        Assert.Equal(full, PkParameterSet.Domino.CreateModel(subject, [], steady).Compartments.Length);
        // Domino with norketamine: central, two peripherals, norketamine and its peripheral, then five depots.
        Assert.Equal(10, full);
        Assert.Equal(5, PkParameterSet.Domino.CreateModel(subject, [], DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(20)))).Compartments.Length);
    }

    [Fact]
    public void CreateModel_IntravenousRegimen_RejectsTheRouteParametersTheFullModelRejects()
    {
        // F_IN below FGUT_IN x FH_IN (0.64 x 0.018): the nasal fraction would be negative; the full model rejects it whatever the regimen.
        var set = PkParameterSet.Domino.WithParameter("F_IN", 0.005);
        var infusion = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        var a = Assert.Throws<ArgumentException>(() => set.CreateModel(Subject.TypicalAdult));
        var b = Assert.Throws<ArgumentException>(() => set.CreateModel(Subject.TypicalAdult, [], infusion));
        Assert.Equal(a.Message, b.Message);
        // The same from a patient's random effect: FH_IN raised to about 0.27 (logit -4.0 + 3), so FGUT_IN x FH_IN = 0.17 > F_IN = 0.13.
        var eta = new double[PkParameterSet.Domino.Parameters.Length];
        eta[PkParameterSet.Domino.IndexOf("FH_IN")] = 3;
        var c = Assert.ThrowsAny<ArgumentException>(() => PkParameterSet.Domino.CreateModel(Subject.TypicalAdult, eta));
        var d = Assert.ThrowsAny<ArgumentException>(() => PkParameterSet.Domino.CreateModel(Subject.TypicalAdult, eta, infusion));
        Assert.Equal(c.GetType(), d.GetType());
        Assert.Equal(c.Message, d.Message);
    }
}
