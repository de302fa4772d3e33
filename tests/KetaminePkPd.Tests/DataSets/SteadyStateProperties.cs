using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KetaminePkPd.DataSets;
using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Steady state and superposition over random multi-compartment models (ADVAN4, 11, 12) and doses (boluses and infusions,
/// lags, infusions longer than the interval, doses into any compartment): the solved steady state equals a long run of
/// repeated doses, and the response to two dose records is the sum of the responses to each.
/// </summary>
public class SteadyStateProperties
{
    /// <summary>A random model and dose.</summary>
    public sealed record Case(int Advan, double Cl, double V, double Q, double V2, double Q3, double V3, double Ka,
        double Amount, double Interval, double Lag, double Duration, int Compartment)
    {
        public DataSetModel Model
        {
            get
            {
                var m = DataSetModel.Advan(Advan).WithParameters([new("CL", Cl), new("V", V), new("Q", Q), new("V2", V2)]);
                if (Advan is 11 or 12) m = m.WithParameters([new("Q3", Q3), new("V3", V3)]);
                if (Advan is 4 or 12) m = m.WithParameter("KA", Ka);
                return m.WithParameter($"ALAG{Compartment}", Lag);
            }
        }

        public int Compartments => Advan switch { 4 => 3, 11 => 3, _ => 4 };

        /// <summary>RATE of the dose: 0 for a bolus, else AMT / duration.</summary>
        public double Rate => Duration == 0 ? 0 : Amount / Duration;

        public override string ToString() =>
            $"advan{Advan} CL {Cl} V {V} Q {Q} V2 {V2} Q3 {Q3} V3 {V3} KA {Ka}; {Amount} mg into {Compartment} every {Interval} h, lag {Lag} h, duration {Duration} h";
    }

    public static Arbitrary<Case> Cases()
    {
        var gen =
            from advan in Gen.Elements(4, 11, 12)
            from cl in Gen.Choose(10, 100)
            from v in Gen.Choose(5, 50)
            from q in Gen.Choose(5, 50)
            from v2 in Gen.Choose(5, 60)
            from q3 in Gen.Choose(5, 50)
            from v3 in Gen.Choose(5, 80)
            from ka in Gen.Choose(5, 30)
            from amount in Gen.Choose(1, 500)
            from interval in Gen.Choose(2, 24)
            from lagTenths in Gen.Choose(0, 300)
            from durationTenths in Gen.Elements(0, 0, 5, 20, 60, 150, 400)
            from compartment in Gen.Choose(1, 4)
            let n = advan == 12 ? 4 : 3
            select new Case(advan, cl / 10.0, v, q / 10.0, v2, q3 / 10.0, v3, ka / 10.0, amount, interval, lagTenths / 10.0, durationTenths / 10.0, Math.Min(compartment, n));
        return gen.ToArbitrary();
    }

    private static readonly double[] Phases = [0, 0.25, 0.5, 1, 1.75, 2.5, 3.3, 5.5];

    /// <summary>
    /// SS=1 at time 0, then observations over two intervals, equals N + 2 ordinary doses every II with the same phases
    /// observed after N intervals, where N makes the slowest mode decay by e^-40 (N II lambda_min &gt;= 40, lambda_min from
    /// the eigenvalues of K): every compartment's amount agrees to 1e-9 of the largest amount.
    /// </summary>
    [Property(MaxTest = 60, Arbitrary = [typeof(SteadyStateProperties)])]
    public bool SteadyState_EqualsLongRunOfRepeatedDoses(Case c)
    {
        var model = c.Model;
        double tau = c.Interval;
        int n = (int)Math.Ceiling(40 / (SlowestRate(c) * tau)) + (int)Math.Ceiling((c.Lag + c.Duration) / tau) + 2;
        var times = Phases.Select(p => p * tau / 2.5).ToArray();
        var ss = Simulate(model, Dose(0, c, SteadyStateKind.Replace, 2), times.Select(t => t));
        var run = Simulate(model, Dose(0, c, SteadyStateKind.None, n + 2), times.Select(t => n * tau + t));
        return AgreeTo(ss, run, c.Compartments, 1e-9);
    }

    /// <summary>
    /// Superposition: a steady-state dose (SS=1) at 0 and a second dose (SS=2, or an ordinary dose) at 7 h into another
    /// compartment give, at every observation, the sum of the amounts each gives alone (SS=2 alone = SS=1 from zero).
    /// </summary>
    [Property(MaxTest = 60, Arbitrary = [typeof(SteadyStateProperties)])]
    public bool SteadyStateAndSecondDose_Superpose(Case c, bool secondAtSteadyState)
    {
        var model = c.Model;
        var second = c with { Compartment = c.Compartment % c.Compartments + 1, Amount = c.Amount * 0.37 + 1, Interval = c.Interval + 3 };
        var kind = secondAtSteadyState ? SteadyStateKind.Add : SteadyStateKind.None;
        var times = Enumerable.Range(1, 24).Select(i => 7 + i * 1.3).ToArray();
        var first = Dose(0, c, SteadyStateKind.Replace, 3);
        var late = Dose(7, second, kind, 2);
        var both = Simulate(model, [first, late], times);
        var a = Simulate(model, [first, Observation(7)], times);
        var b = Simulate(model, [Observation(0), kind == SteadyStateKind.Add ? Dose(7, second, SteadyStateKind.Replace, 2) : late], times);
        var sum = a.Select((row, i) => row.Zip(b[i], (x, y) => x + y).ToArray()).ToList();
        return AgreeTo(both, sum, c.Compartments, 1e-9);
    }

    private static double SlowestRate(Case c)
    {
        int n = c.Compartments;
        var k = Matrix<double>.Build.Dense(n, n);
        int central = c.Advan == 11 ? 0 : 1, p1 = central + 1, p2 = central + 2;
        k[central, central] -= c.Cl / c.V + c.Q / c.V;
        k[p1, central] += c.Q / c.V;
        k[central, p1] += c.Q / c.V2;
        k[p1, p1] -= c.Q / c.V2;
        if (c.Advan is 11 or 12)
        {
            k[central, central] -= c.Q3 / c.V;
            k[p2, central] += c.Q3 / c.V;
            k[central, p2] += c.Q3 / c.V3;
            k[p2, p2] -= c.Q3 / c.V3;
        }
        if (c.Advan != 11)
        {
            k[0, 0] -= c.Ka;
            k[central, 0] += c.Ka;
        }
        return k.Evd().EigenValues.Min(e => -e.Real);
    }

    private static EventRecord Dose(double t, Case c, SteadyStateKind ss, int addl) =>
        new("1", t, EventKind.Dose, c.Amount, c.Rate, c.Interval, addl, ss, c.Compartment);

    private static EventRecord Observation(double t) => new("1", t, EventKind.Observation);

    private static List<double[]> Simulate(DataSetModel model, EventRecord dose, IEnumerable<double> observationTimes) =>
        Simulate(model, [dose], observationTimes);

    /// <summary>The amounts at the observations (the records after the given ones), one array per observation.</summary>
    private static List<double[]> Simulate(DataSetModel model, EventRecord[] records, IEnumerable<double> observationTimes)
    {
        var all = records.Concat(observationTimes.Select(Observation)).OrderBy(r => r.TimeH).ToImmutableArray();
        var subject = new DataSetSubject([], all);
        var p = DataSetSimulator.Simulate(model, subject);
        int n = model.CompartmentNames.Length;
        return [.. Enumerable.Range(0, all.Length).Where(i => all[i].Kind == EventKind.Observation && !records.Contains(all[i]))
            .Select(i => Enumerable.Range(1, n).Select(c => p.AmountMg(i, c)).ToArray())];
    }

    private static bool AgreeTo(List<double[]> a, List<double[]> b, int n, double relative)
    {
        if (a.Count != b.Count) return false;
        double scale = a.SelectMany(x => x).Concat(b.SelectMany(x => x)).Max();
        for (int i = 0; i < a.Count; i++)
            for (int c = 0; c < n; c++)
                if (Math.Abs(a[i][c] - b[i][c]) > relative * scale) return false;
        return scale > 0;
    }
}
