using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Benchmarks.Numerics;

/// <summary>
/// The main job's per-patient peak searches with and without the tail criterion (<see cref="PeakTail"/>), in one process: the pool
/// patients of the default design (parameters, regimen and output times as <c>TrialSimulator.SimulateDissociation</c> makes them), each
/// patient's march made once, then the parent's Cmax search (with the mass bound) and the dissociation's peak search (with tolerance)
/// timed on blocks of patients, full scan and stopped scan alternated block by block; the two must give the same bits (checked).
/// Medians over the blocks of the time per patient (wall, one thread). <c>-- peak-tail [rounds] [patients]</c>.
/// </summary>
internal static class PeakTailMeasure
{
    private sealed record Patient(ReducedSystem Sys, PkPdSystem Pd, LinearMarch March, PkSolution Solution);

    public static void Run(int rounds, int patients)
    {
        var settings = HypothesisTestSettings.Default;
        var design = settings.Design.WithTotalSubjects(settings.PoolSize);
        var population = design.Population;
        var times = design.Assessments.Append(design.CadssTime).Append(TimeSpan.Zero).Distinct().Order().ToList();
        var options = SimulationOptions.Default.AtTimes(times);
        var outputTimesH = options.OutputTimesH();
        var list = new List<Patient>(patients);
        for (int i = 0; i < patients; i++)
        {
            var vs = population.SampleSubject(settings.Seed, i);
            var prepared = PreparedPk.Create(vs.CreatePkModel(population.Pk), design.Arms[design.ArmOf(i)].Regimen);
            var pd = new PkPdSystem([vs.CreateDissociation(population.Effects, design.Drug)], prepared.System);
            var march = PkPdSimulator.March(pd, prepared, outputTimesH, options);
            list.Add(new Patient(prepared.System, pd, march, new PkSolution(prepared.System, prepared.Inputs, march)));
        }

        double Searches(Patient p, bool tail)
        {
            var (sys, pd, march, solution) = (p.Sys, p.Pd, p.March, p.Solution);
            var cmaxPropagator = LinearPropagator.Rent(sys.K, sys.M);
            var (_, cmax) = PeakSearch.Maximum(cmaxPropagator, sys.K, sys.M, march.Points, march.OutputStates, solution.ReusedRates(sys.M), solution.EventTimesH,
                sys.Central, massBound: true, tail: tail);
            LinearPropagator.Return(cmaxPropagator);
            var propagator = LinearPropagator.Rent(pd.K, pd.N);
            var (_, peak) = PeakSearch.MaximumOf(propagator, pd.K, pd.N, march.Points, march.OutputStates, solution.ReusedRates(pd.N), solution.EventTimesH,
                x => pd.EffectValue(0, x), (x, dx) => pd.EffectRate(0, x, dx), x => pd.EffectUpperBound(0, x),
                tail ? pd.EffectSite(0) : -1, tail ? x => pd.EffectOfSite(0, x) : null);
            LinearPropagator.Return(propagator);
            return cmax + peak;
        }

        foreach (var p in list)
            if (BitConverter.DoubleToInt64Bits(Searches(p, false)) != BitConverter.DoubleToInt64Bits(Searches(p, true)))
                throw new InvalidOperationException("The stopped scan differs from the full scan.");

        const int block = 100;
        var full = new List<double>();
        var stopped = new List<double>();
        double sink = 0;
        var clock = new Stopwatch();
        for (int round = -1; round < rounds; round++)
            for (int start = 0; start < patients; start += block)
                foreach (bool tail in new[] { false, true })
                {
                    int end = Math.Min(patients, start + block);
                    clock.Restart();
                    for (int i = start; i < end; i++) sink += Searches(list[i], tail);
                    double perPatient = clock.Elapsed.TotalSeconds / (end - start);
                    if (round >= 0) (tail ? stopped : full).Add(perPatient);
                }
        double a = Median(full), b = Median(stopped);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cmax + dissociation peak searches per pool patient (one thread, medians of {full.Count} blocks of {block}, alternated): full scan {a * 1e6:0.00} us, stopped scan {b * 1e6:0.00} us, ratio {b / a:0.000} (sink {sink:G3})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
