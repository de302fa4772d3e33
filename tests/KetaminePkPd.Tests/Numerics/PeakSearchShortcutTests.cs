using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Issue 22: the peak search's per-interval bookkeeping without a logarithm and a power per sub-step (<see cref="PeakSearch.StepExponent"/>)
/// and the input rates summed once per stretch between events (<see cref="PkSolution.ReusedRates"/>). Both must give the bits the plain
/// computations give.
/// </summary>
public sealed class PeakSearchShortcutTests
{
    /// <summary>The expression the scan used before: max(0, floor(log2(y) + 1e-12)).</summary>
    private static int Original(double y) => Math.Max(0, (int)Math.Floor(Math.Log2(y) + 1e-12));

    [Fact]
    public void StepExponent_AroundEveryPowerOfTwo_EqualsTheLogarithmicExpression()
    {
        // Powers of two and their neighbours within 4000 ulps, and the band 2e-12 below each power where the logarithm still decides.
        int checkedValues = 0;
        for (int e = 0; e <= 40; e++)
        {
            double power = Math.ScaleB(1.0, e);
            double y = power;
            for (int k = 0; k < 4000; k++, y = Math.BitDecrement(y)) { Assert.Equal(Original(y), PeakSearch.StepExponent(y)); checkedValues++; }
            y = power;
            for (int k = 0; k < 4000; k++, y = Math.BitIncrement(y)) { Assert.Equal(Original(y), PeakSearch.StepExponent(y)); checkedValues++; }
            foreach (double relative in new[] { 1e-13, 5e-13, 6.9e-13, 6.95e-13, 7e-13, 1e-12, 1.9e-12, 2e-12, 2.1e-12, 5e-12, 1e-11 })
            {
                double near = power * (1 - relative);
                if (near < 1) continue;
                Assert.Equal(Original(near), PeakSearch.StepExponent(near));
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 300_000, $"checked {checkedValues} values");
        // The allowance rounds up just below a power of two: 8 (1 - 1e-13) counts as 8, as it always did.
        Assert.Equal(3, PeakSearch.StepExponent(8 * (1 - 1e-13)));
        Assert.Equal(2, PeakSearch.StepExponent(8 * (1 - 1e-11)));
    }

    [Property(MaxTest = 2000)]
    public Property StepExponent_OnAnySubStepRatio_EqualsTheLogarithmicExpression(PositiveInt minutes, PositiveInt sixtieths)
    {
        // target / BaseStepH as the scan forms it: (t - last event) / 8 over one minute, times on a grid of 1/3600 h.
        double sinceEventH = minutes.Get / 60.0 + sixtieths.Get / 3600.0;
        double y = Math.Max(1.0 / 60, sinceEventH / 8) / (1.0 / 60);
        return (PeakSearch.StepExponent(y) == Original(y)).Label($"y = {y:R}");
    }

    [Property(MaxTest = 2000)]
    public Property StepExponent_OnAnyRatioAtLeastOne_EqualsTheLogarithmicExpression(NormalFloat value)
    {
        double y = 1 + Math.Abs(value.Get);
        return (PeakSearch.StepExponent(y) == Original(y)).Label($"y = {y:R}");
    }

    [Fact]
    public void ReusedRates_InAnyOrderOfTimes_SameBitsAsFreshRates()
    {
        // Two overlapping infusions and a bolus: the rates change at every start and end. Times at, just before and just after each
        // event (within and beyond the 1e-9 h tolerance), forward, repeated and backward.
        var model = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 70, AgeYears = 40 });
        var regimen = DosingRegimen.Of(
            Administration.IntravenousInfusion(Dose.FromMilligrams(30), TimeSpan.FromMinutes(40)),
            Administration.IntravenousInfusion(Dose.FromMilligrams(20), TimeSpan.FromHours(2)).At(TimeSpan.FromMinutes(20)),
            Administration.IntravenousBolus(Dose.FromMilligrams(5)).At(TimeSpan.FromHours(1)));
        var options = SimulationOptions.Default with { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        var inputs = model.Expand(regimen);
        var sys = new ReducedSystem(model, inputs);
        var march = new LinearMarch(sys.K, sys.M, sys.Events(inputs), options.OutputTimesH(), 24, options.Method, options.Tolerances, captureTimes: [24]);
        march.Run();
        var solution = new PkSolution(sys, inputs, march);
        Assert.True(solution.EventTimesH.Length >= 5, $"events {string.Join(", ", solution.EventTimesH)}");

        var times = new List<double>();
        foreach (double e in solution.EventTimesH)
            foreach (double d in new[] { -1e-6, -2e-9, -1e-9, -5e-10, 0, 5e-10, 1e-9, 2e-9, 1e-6 })
                times.Add(Math.Max(0, e + d));
        for (double t = 0; t <= 6; t += 0.25) times.Add(t);
        times.Sort();
        var forward = times.ToArray();
        var backward = forward.Reverse().ToArray();
        var shuffled = forward.OrderBy(t => BitConverter.DoubleToInt64Bits(t) * 2654435761L % 1000003).ToArray();
        foreach (var order in new[] { forward, forward.SelectMany(t => new[] { t, t }).ToArray(), backward, shuffled })
        {
            var reused = solution.ReusedRates(sys.M);
            int changed = 0;
            double[]? last = null;
            foreach (double t in order)
            {
                var expected = solution.RatesAt(t);
                var got = reused(t);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), got.Select(BitConverter.DoubleToInt64Bits));
                if (last is not null && !last.SequenceEqual(got)) changed++;
                last = [.. got];
            }
            Assert.True(changed >= 3, $"the rates changed {changed} times along the times");
        }
    }
}
