using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// A simulation's exposure metrics are made on first use, and their terminal half-life (an eigen-decomposition) only when it is read
/// (issue 22, seventh pass). The record must behave as one holding all six numbers: the same values, equal to (and hashed as) the
/// record built from them, and <c>with</c> copies as before.
/// </summary>
public sealed class DeferredMetricsTests
{
    private static readonly DosingRegimen Infusion =
        DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)));

    private static readonly SimulationOptions Grid = new() { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };

    /// <summary>The peer benchmark's model (../shared/benchmarks/peers): 3-compartment IV, CL and V1 as given, Q2 100, V2 60, Q3 30, V3 150.</summary>
    private static PkModel Peer(double clearanceLPerH, double centralVolumeL) =>
        PkModel.Mammillary("pk3", Drug.RacemicKetamine, Subject.TypicalAdult, centralVolumeL, clearanceLPerH, [(100, 60), (30, 150)], "peer benchmark");

    [Fact]
    public void TerminalHalfLife_PeerModel_IsLn2OverTheSlowestRateOfTheCubic()
    {
        double cl = 80, v1 = 20;
        var metrics = PkSimulator.Simulate(Peer(cl, v1), Infusion, Grid).Parent;
        // The rate constants are the roots of the characteristic cubic (the closed form the peer benchmark uses, bench_cvode.c).
        double k10 = cl / v1, k12 = 100 / v1, k21 = 100.0 / 60, k13 = 30 / v1, k31 = 30.0 / 150;
        double a0 = k10 * k21 * k31, a1 = k10 * k31 + k21 * k31 + k21 * k13 + k10 * k21 + k31 * k12, a2 = k10 + k12 + k13 + k21 + k31;
        double p = a1 - a2 * a2 / 3, q = 2 * a2 * a2 * a2 / 27 - a1 * a2 / 3 + a0;
        double r1 = Math.Sqrt(-p * p * p / 27), phi = Math.Acos(-q / 2 / r1) / 3, r2 = 2 * Math.Cbrt(r1);
        double slowest = new[] { phi, phi + 2 * Math.PI / 3, phi + 4 * Math.PI / 3 }.Select(x => -(Math.Cos(x) * r2 - a2 / 3)).Min();
        Assert.Equal(Math.Log(2) / slowest, metrics.TerminalHalfLifeH, 1e-9 * Math.Log(2) / slowest);
        // About 5 h for these parameters (set by the slow exchange with the 150 L compartment).
        Assert.InRange(metrics.TerminalHalfLifeH, 4.5, 5.5);
    }

    [Fact]
    public void Parent_UnreadHalfLife_EqualsAndHashesAsTheRecordOfItsValues()
    {
        var model = Peer(66, 24);
        var deferred = PkSimulator.Simulate(model, Infusion, Grid).Parent;   // half-life not read yet
        var read = PkSimulator.Simulate(model, Infusion, Grid).Parent;
        var plain = new ExposureMetrics(read.CmaxNgPerMl, read.TmaxH, read.AucToEndNgHPerMl, read.Auc0To24NgHPerMl, read.AucInfNgHPerMl, read.TerminalHalfLifeH);
        Assert.True(deferred.Equals(plain));
        Assert.True(plain.Equals(deferred));
        Assert.Equal(plain.GetHashCode(), deferred.GetHashCode());
        Assert.Equal(BitConverter.DoubleToInt64Bits(plain.TerminalHalfLifeH), BitConverter.DoubleToInt64Bits(deferred.TerminalHalfLifeH));
        Assert.Equal(plain.ToString(), deferred.ToString());
    }

    [Fact]
    public void With_OnDeferredMetrics_CopiesOrReplacesTheHalfLife()
    {
        var metrics = PkSimulator.Simulate(Peer(95, 17), Infusion, Grid).Parent;
        var copy = metrics with { CmaxNgPerMl = 1 };
        Assert.Equal(metrics.TerminalHalfLifeH, copy.TerminalHalfLifeH);
        Assert.Equal(1, copy.CmaxNgPerMl);
        var replaced = metrics with { TerminalHalfLifeH = 3 };
        Assert.Equal(3, replaced.TerminalHalfLifeH);
        Assert.NotEqual(metrics, replaced);
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics with { TerminalHalfLifeH = -1 });
    }

    [Fact]
    public void Parent_ReadTwice_SameObject()
    {
        var result = PkSimulator.Simulate(Peer(80, 20), Infusion, Grid);
        Assert.Same(result.Parent, result.Parent);
        Assert.Null(result.Metabolite);
        Assert.Equal(result.AmountsMg[0].Length, result.TimesH.Length);
        // 35 mg given: by 24 h most is eliminated (CL 80 L/h against Vss 230 L), and mass balances.
        Assert.Equal(35, result.InputMg[^1], 12);
        Assert.Equal(35, result.EliminatedMg[^1] + result.AmountsMg.Sum(a => a[^1]), 9);
    }
}
