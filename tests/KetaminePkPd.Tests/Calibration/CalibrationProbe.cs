using KetaminePkPd.Calibration;
using System.Globalization;
namespace KetaminePkPd.Tests.Calibration;
public class CalibrationProbe
{
    [Fact]
    public void Probe()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var lines = new List<string>();
        var fx = KetaminePkPd.Pharmacodynamics.EffectParameterSet.Default;
        var s = CalibrationSettings.Default;
        foreach (var b in CalibrationBlocks.All)
        {
            sw.Restart(); var m = b.Measure(fx, s); lines.Add($"{b.Name}: {sw.Elapsed.TotalMilliseconds} ms " + string.Join(" ", m.Select(kv => kv.Key + "=" + kv.Value.ToString("G6", CultureInfo.InvariantCulture))));
            sw.Restart(); m = b.Measure(fx, s); lines.Add($"{b.Name} again: {sw.Elapsed.TotalMilliseconds} ms");
        }
        sw.Restart();
        var r = Calibrator.Run(CalibrationSettings.Default with { Intervals = true });
        lines.Add($"run {sw.Elapsed.TotalSeconds} s, evals {r.Evaluations}, F {r.Objective} start {r.ObjectiveAtStart}");
        foreach (var p in r.Parameters) lines.Add(p.ToString());
        foreach (var t in r.Targets) lines.Add(t.ToString());
        File.WriteAllLines("/tmp/calib-probe.txt", lines);
    }
}
