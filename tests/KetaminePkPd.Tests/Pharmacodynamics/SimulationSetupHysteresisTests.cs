using KetaminePkPd.Application;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Tests.Pharmacodynamics;

public sealed class SimulationSetupHysteresisTests
{
    [Fact]
    public void SimulateHysteresis_CoversTheFirstFourHoursEveryThirtySeconds_WithTheSameNumbersAsTheTableRun()
    {
        var setup = SimulationSetup.Resolve();
        var loop = setup.SimulateHysteresis();
        var table = setup.Simulate();
        // 0, 30 s, ..., 4 h: 4 * 120 + 1 points.
        Assert.Equal(481, loop.Pk.TimesH.Length);
        Assert.Equal(4.0, loop.Pk.TimesH[^1], 12);
        Assert.Equal(0.5 / 60, loop.Pk.TimesH[1], 12);
        // Where both grids have a point (every 5 min of the default table), the loop run gives the same concentration up
        // to round-off: the exact solver propagates over 30 s instead of 5 min steps (measured difference about 3e-13 relative).
        for (int k = 0; k <= 48; k++)
        {
            double a = table.Pk.ParentNgPerMl[k], b = loop.Pk.ParentNgPerMl[10 * k];
            Assert.True(Math.Abs(a - b) <= 1e-10 * Math.Max(1, Math.Abs(a)), $"t = {k * 5} min: {a} vs {b}");
        }
    }
}
