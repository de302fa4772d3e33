using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// Simulations run with one options object share its output grid (issue 22, seventh pass: a population simulates the same grid per
/// subject). The shared grid must be the grid <see cref="SimulationOptions.OutputTimesH"/> makes, follow every change of the options,
/// and leave the record's equality alone.
/// </summary>
public sealed class SharedOutputGridTests
{
    [Fact]
    public void SharedOutputTimesH_SameValuesAsOutputTimesH_MadeOnce()
    {
        var options = new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        var shared = options.SharedOutputTimesH();
        Assert.Same(shared, options.SharedOutputTimesH());
        Assert.Equal(options.OutputTimesH(), shared);
        Assert.Equal(97, shared.Length);
        Assert.Equal(24, shared[^1]);
    }

    [Fact]
    public void SharedOutputTimesH_AfterWith_FollowsTheNewGrid()
    {
        var options = new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        var first = options.SharedOutputTimesH();
        var shorter = options with { Until = TimeSpan.FromHours(2) };
        Assert.Equal(9, shorter.SharedOutputTimesH().Length);
        var finer = options with { OutputStep = TimeSpan.FromMinutes(5) };
        Assert.Equal(289, finer.SharedOutputTimesH().Length);
        var explicitTimes = options.AtTimes([TimeSpan.Zero, TimeSpan.FromMinutes(40), TimeSpan.FromHours(4)]);
        Assert.Equal([0, 40.0 / 60, 4], explicitTimes.SharedOutputTimesH());
        // A change that does not shape the grid keeps it.
        Assert.Same(first, (options with { Method = SolverMethod.Rosenbrock }).SharedOutputTimesH());
        Assert.Equal(97, options.SharedOutputTimesH().Length);
    }

    [Fact]
    public void Equals_WithAndWithoutTheSharedGrid_Equal()
    {
        var used = new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) };
        var unused = new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) };
        used.SharedOutputTimesH();
        Assert.Equal(unused, used);
        Assert.Equal(unused.GetHashCode(), used.GetHashCode());
        Assert.Equal(unused.ToString(), used.ToString());
    }

    [Fact]
    public void Simulate_TwoModelsOneOptions_ShareTheTimesAndKeepTheirOwnValues()
    {
        var options = new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) };
        var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)));
        var a = PkSimulator.Simulate(PkModel.Mammillary("a", Drug.RacemicKetamine, Subject.TypicalAdult, 20, 80, [(100, 60)], "test"), regimen, options);
        var b = PkSimulator.Simulate(PkModel.Mammillary("b", Drug.RacemicKetamine, Subject.TypicalAdult, 30, 60, [(100, 60)], "test"), regimen, options);
        Assert.Equal(a.TimesH, b.TimesH);
        Assert.Equal(options.OutputTimesH(), a.TimesH);
        // Each result is the one its model gives with options of its own (sharing the grid changes no value).
        var alone = PkSimulator.Simulate(PkModel.Mammillary("b", Drug.RacemicKetamine, Subject.TypicalAdult, 30, 60, [(100, 60)], "test"), regimen,
            new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) });
        Assert.Equal(alone.ParentNgPerMl.Select(BitConverter.DoubleToInt64Bits), b.ParentNgPerMl.Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(a.ParentNgPerMl[3], b.ParentNgPerMl[3]);
    }

    [Fact]
    public void PkPdSimulate_TwoModelsOneOptions_ShareTheTimesAndKeepTheirOwnValues()
    {
        var options = new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) };
        var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)));
        static PkPdModel Model(double v1) => new(PkModel.Mammillary("m", Drug.RacemicKetamine, Subject.TypicalAdult, v1, 60, [(100, 60)], "test"),
            [new SigmoidEmaxModel("direct", "points", 1.5, 100, 30, 2)]);
        var a = PkPdSimulator.Simulate(Model(20), regimen, options);
        var b = PkPdSimulator.Simulate(Model(30), regimen, options);
        Assert.Equal(options.OutputTimesH(), a.TimesH);
        Assert.Equal(a.TimesH, b.TimesH);
        // The same values as with options of its own (sharing the grid changes no value).
        var alone = PkPdSimulator.Simulate(Model(30), regimen, new SimulationOptions { OutputStep = TimeSpan.FromMinutes(15) });
        Assert.Equal(alone.Effects[0].Values.Select(BitConverter.DoubleToInt64Bits), b.Effects[0].Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(alone.Pk.ParentNgPerMl.Select(BitConverter.DoubleToInt64Bits), b.Pk.ParentNgPerMl.Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(a.Effects[0].Values[3], b.Effects[0].Values[3]);
    }
}
