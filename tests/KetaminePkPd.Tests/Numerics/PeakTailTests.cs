using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using Xunit.Abstractions;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Issue 22: the peak searches stop at the first free interval whose start state proves that the searched component never exceeds
/// its value there again (<see cref="PeakTail"/>). The criterion must be true of the exact solution (checked on random systems), and
/// the searches must return the bits of the full scan (checked on random patients and regimens).
/// </summary>
public sealed class PeakTailTests(ITestOutputHelper output)
{
    /// <summary>exp(K h), n x n row-major, by the test's own reference (Taylor series with scaling and squaring).</summary>
    private static double[] Exponential(double[] k, int n, double h)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) m[i, j] = k[i * n + j];
        var e = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            var unit = new double[n];
            unit[j] = 1;
            var column = LinearOdeReference.ByTaylorScalingSquaring(m, unit, h);
            for (int i = 0; i < n; i++) e[i * n + j] = column[i];
        }
        return e;
    }

    private static double[] Times(double[] e, int n, double[] x)
    {
        var y = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) y[i] += e[i * n + j] * x[j];
        return y;
    }

    private static double LogUniform(Random r, double lo, double hi) => lo * Math.Pow(hi / lo, r.NextDouble());

    /// <summary>A random system: a mammillary star (centre 0, 1-3 peripherals that may also eliminate), optionally an effect site fed by
    /// the centre, a metabolite downstream of it and a depot feeding it; or a random Metzler matrix (a compartment model or not).
    /// Returns K, n, the component searched and whether it is an effect site.</summary>
    private static (double[] K, int N, int C, bool Site) RandomSystem(Random r)
    {
        if (r.NextDouble() < 0.7)
        {
            int peripherals = r.Next(1, 4);
            bool site = r.NextDouble() < 0.5, metabolite = r.NextDouble() < 0.3, depot = r.NextDouble() < 0.2;
            int n = 1 + peripherals + (site ? 1 : 0) + (metabolite ? 1 : 0) + (depot ? 1 : 0);
            var k = new double[n * n];
            k[0] = -LogUniform(r, 0.01, 10);
            for (int j = 1; j <= peripherals; j++)
            {
                double toJ = LogUniform(r, 0.05, 50), back = LogUniform(r, 0.01, 20);
                k[j * n] = toJ;
                k[0] -= toJ;
                k[j] = back;
                k[j * n + j] = -back - (r.NextDouble() < 0.3 ? LogUniform(r, 0.001, 1) : 0);
            }
            int next = peripherals + 1, target = 0;
            if (site)
            {
                k[next * n] = LogUniform(r, 0.01, 100);
                k[next * n + next] = -LogUniform(r, 0.1, 50);
                target = next++;
            }
            if (metabolite)
            {
                double rate = LogUniform(r, 0.1, 5);
                k[next * n] = rate;
                k[0] -= rate;
                k[next * n + next] = -LogUniform(r, 0.05, 5);
                next++;
            }
            if (depot)
            {
                double ka = LogUniform(r, 0.2, 10);
                k[next] = ka;
                k[next * n + next] = -ka;
            }
            return (k, n, target, site);
        }
        else
        {
            int n = r.Next(2, 6);
            var k = new double[n * n];
            bool compartmental = r.NextDouble() < 0.6;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j && r.NextDouble() < 0.5) k[i * n + j] = LogUniform(r, 0.01, 20);
            for (int j = 0; j < n; j++)
            {
                double column = 0;
                for (int i = 0; i < n; i++) if (i != j) column += k[i * n + j];
                k[j * n + j] = compartmental ? -column - LogUniform(r, 0.001, 5) : -LogUniform(r, 0.01, 30);
            }
            return (k, n, r.Next(n), false);
        }
    }

    /// <summary>The general condition computed here independently: (K x)_i &lt;= 0 on every state that can reach c.</summary>
    private static bool AllUpstreamFalling(double[] k, int n, int c, double[] x)
    {
        foreach (int i in Reachability.Upstream(k, n, c))
        {
            double d = 0;
            for (int j = 0; j < n; j++) d += k[i * n + j] * x[j];
            if (d > 0) return false;
        }
        return true;
    }

    [Fact]
    public void Holds_OnRandomSystems_TheExactSolutionNeverExceedsTheValueAtTheStart()
    {
        // For each system, states along a free course from a random start (an infusion into state 0 or random amounts); wherever the
        // criterion fires, the exact solution from that state, sampled every 3.6 s for 0.5 h and every 3 min for 100 h more, must never
        // exceed the starting value. The samples come from repeated products with exp(K h) (two matrices), whose round-off
        // accumulates to about 1e-13 relative over the 2,500 products: hence the slack of 1e-10 relative, far below any real rise.
        var r = new Random(20261207);
        int fired = 0, firedWhereGeneralFails = 0, firedOnSites = 0, checkedStates = 0;
        for (int system = 0; system < 1500; system++)
        {
            var (k, n, c, onSite) = RandomSystem(r);
            double[] start;
            if (r.NextDouble() < 0.6)
            {
                // The state at the end of an infusion of rate 1 into state 0 lasting 5-120 min, from zero: exp of the augmented matrix.
                var augmented = new double[(n + 1) * (n + 1)];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) augmented[i * (n + 1) + j] = k[i * n + j];
                augmented[n] = 1;
                var e = Exponential(augmented, n + 1, LogUniform(r, 5, 120) / 60);
                start = new double[n];
                for (int i = 0; i < n; i++) start[i] = e[i * (n + 1) + n];
            }
            else
            {
                start = new double[n];
                for (int i = 0; i < n; i++) start[i] = r.NextDouble() < 0.2 ? 0 : r.NextDouble();
            }
            var fine = Exponential(k, n, 0.001);
            var coarse = Exponential(k, n, 0.05);
            var tail = PeakTail.Rent(k, n, c);
            var x = start;
            for (int point = 0; point < 12; point++)
            {
                checkedStates++;
                if (tail.Holds(x))
                {
                    fired++;
                    if (!AllUpstreamFalling(k, n, c, x)) firedWhereGeneralFails++;
                    if (onSite) firedOnSites++;
                    double at = x[c], highest = double.NegativeInfinity;
                    var y = x;
                    for (int s = 0; s < 500; s++) { y = Times(fine, n, y); highest = Math.Max(highest, y[c]); }
                    for (int s = 0; s < 2000; s++) { y = Times(coarse, n, y); highest = Math.Max(highest, y[c]); }
                    Assert.True(highest <= at + 1e-10 * Math.Abs(at),
                        $"system {system}, point {point}: x[{c}] rose from {at:R} to {highest:R}; K = [{string.Join(", ", k)}], x = [{string.Join(", ", x)}]");
                }
                // The next state: 1-60 min further on.
                x = Times(Exponential(k, n, LogUniform(r, 1, 60) / 60), n, x);
            }
        }
        // The test is not vacuous: the criterion fires often, often where every upstream state is not yet falling (the star and the
        // chain), and on effect sites.
        output.WriteLine($"fired on {fired} of {checkedStates} states, {firedWhereGeneralFails} where the general condition fails, {firedOnSites} on effect sites");
        Assert.True(fired > checkedStates / 5, $"fired on {fired} of {checkedStates} states");
        Assert.True(firedWhereGeneralFails > fired / 10, $"{firedWhereGeneralFails} of {fired} firings where the general condition fails");
        Assert.True(firedOnSites > 200, $"fired {firedOnSites} times on effect sites");
    }

    [Fact]
    public void Rises_OnRandomSystemsUnderConstantInput_TheExactSolutionNeverFalls()
    {
        // Random systems, random non-negative input rates (into state 0, or into every state), from zero or from a state along a free
        // course; wherever Rises fires, the exact solution under those rates, sampled every 36 s for 2 h (products with exp of the
        // augmented matrix [K b; 0 0]), must never fall from one sample to the next by more than round-off (1e-12 of the value).
        var r = new Random(22_0712);
        int fired = 0, checkedStates = 0;
        for (int system = 0; system < 1500; system++)
        {
            var (k, n, c, _) = RandomSystem(r);
            var b = new double[n];
            if (r.NextDouble() < 0.5) b[0] = LogUniform(r, 0.1, 100);
            else for (int i = 0; i < n; i++) b[i] = r.NextDouble() < 0.5 ? LogUniform(r, 0.1, 100) : 0;
            var x = new double[n];
            if (r.NextDouble() < 0.5)
            {
                for (int i = 0; i < n; i++) x[i] = r.NextDouble() < 0.3 ? 0 : r.NextDouble();
                x = Times(Exponential(k, n, LogUniform(r, 0.01, 10)), n, x);
            }
            checkedStates++;
            var tail = PeakTail.Rent(k, n, c);
            if (!tail.Rises(x, b)) continue;
            fired++;
            var augmented = new double[(n + 1) * (n + 1)];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++) augmented[i * (n + 1) + j] = k[i * n + j];
                augmented[i * (n + 1) + n] = b[i];
            }
            var step = Exponential(augmented, n + 1, 0.01);
            var y = new double[n + 1];
            x.CopyTo(y, 0);
            y[n] = 1;
            double previous = y[c];
            for (int s = 0; s < 200; s++)
            {
                y = Times(step, n + 1, y);
                Assert.True(y[c] >= previous - 1e-12 * Math.Abs(previous),
                    $"system {system}, step {s}: x[{c}] fell from {previous:R} to {y[c]:R}; K = [{string.Join(", ", k)}], b = [{string.Join(", ", b)}], x = [{string.Join(", ", x)}]");
                previous = y[c];
            }
        }
        output.WriteLine($"Rises fired on {fired} of {checkedStates} states");
        Assert.True(fired > checkedStates / 5, $"fired on {fired} of {checkedStates} states");
    }

    [Fact]
    public void Holds_AtTheEndOfAnIntravenousInfusion_StarFiresWhileThePeripheralsStillFill()
    {
        // Domino's racemic ketamine model (3 compartments and norketamine), 0.5 mg/kg over 40 min: at the end of the infusion the central
        // concentration exceeds both peripherals' (they are still filling, so the general condition fails), and the central amount
        // falls from there on; its maximum is at the end of the infusion.
        var model = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        var inputs = model.Expand(regimen);
        var sys = new ReducedSystem(model, inputs);
        var options = SimulationOptions.Default with { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        var march = new LinearMarch(sys.K, sys.M, sys.Events(inputs), options.OutputTimesH(), 24, options.Method, options.Tolerances, captureTimes: [24]);
        march.Run();
        int atEnd = -1;
        for (int p = 0; p < march.Points.Count; p++)
            if (Math.Abs(march.Points.Time(p) - 40.0 / 60) < 1e-9) atEnd = p;
        Assert.True(atEnd >= 0);
        var x = march.Points.State(atEnd, march.OutputStates)[..sys.M].ToArray();
        Assert.True(PeakTail.Rent(sys.K, sys.M, sys.Central).Holds(x));
        Assert.False(AllUpstreamFalling(sys.K, sys.M, sys.Central, x));
        var solution = new PkSolution(sys, inputs, march);
        var (_, tmax) = solution.Peak(metabolite: false);
        Assert.Equal(40.0 / 60, tmax, 1e-12);
    }

    [Fact]
    public void Holds_WithADepotUpstream_OnlyWhenEveryUpstreamStateFalls()
    {
        // An oral dose: the depot feeds the centre, so the star does not apply; the general condition fires only once the peripherals
        // fall too, and then the central amount indeed never rises again (checked against the exact solution by the random test).
        var model = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var inputs = model.Expand(DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(100))));
        var sys = new ReducedSystem(model, inputs);
        var options = SimulationOptions.Default with { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        var march = new LinearMarch(sys.K, sys.M, sys.Events(inputs), options.OutputTimesH(), 24, options.Method, options.Tolerances, captureTimes: [24]);
        march.Run();
        var tail = PeakTail.Rent(sys.K, sys.M, sys.Central);
        int firstFiring = -1;
        for (int p = 0; p < march.Points.Count && firstFiring < 0; p++)
        {
            var x = march.Points.State(p, march.OutputStates)[..sys.M].ToArray();
            bool holds = tail.Holds(x);
            Assert.True(!holds || AllUpstreamFalling(sys.K, sys.M, sys.Central, x), $"fired at {march.Points.Time(p)} h with an upstream state rising");
            if (holds) firstFiring = p;
        }
        Assert.True(firstFiring > 0, "the general condition never fired");
        Assert.InRange(march.Points.Time(firstFiring), 0.5, 24);
    }

    /// <summary>A random regimen of 1-4 doses on the set's routes (esketamine intranasal in whole 28-mg devices).</summary>
    private static DosingRegimen RandomRegimen(Random r, PkParameterSet set)
    {
        int count = r.Next(1, 5);
        var doses = new Administration[count];
        for (int i = 0; i < count; i++)
        {
            var route = set.Routes[r.Next(set.Routes.Length)];
            double mg = route == Route.Intranasal && set.Drug == Drug.Esketamine ? 28 * r.Next(1, 4) : r.Next(5, 200);
            var infusion = route == Route.Intravenous && r.NextDouble() < 0.7 ? TimeSpan.FromMinutes(r.Next(1, 90)) : TimeSpan.Zero;
            var start = i == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(r.Next(0, 30 * 60));
            doses[i] = Administration.Create(route, Dose.FromMilligrams(mg), infusion).At(start);
        }
        return DosingRegimen.Of(doses);
    }

    private static void SameBits((double T, double Value) full, (double T, double Value) stopped, string what)
    {
        Assert.True(BitConverter.DoubleToInt64Bits(full.T) == BitConverter.DoubleToInt64Bits(stopped.T)
                    && BitConverter.DoubleToInt64Bits(full.Value) == BitConverter.DoubleToInt64Bits(stopped.Value),
            $"{what}: full scan {full.Value:R} at {full.T:R} h, stopped scan {stopped.Value:R} at {stopped.T:R} h");
    }

    [Fact]
    public void PeakSearches_RandomPatientsAndRegimens_StoppedScanGivesTheFullScansBits()
    {
        // Every PK set, its default population, 1-4 doses by any of its routes (repeated doses, infusions, boluses), the default
        // 5-min grid or a sparse random one, until 24-72 h. The parent's and the metabolite's Cmax search (with the mass bound, as
        // PkSolution.Peak runs it), a tolerance-free effect site's and the dissociation's (with acute and session tolerance) peak
        // search, each with and without the tail stop: the same time and value bit for bit.
        var r = new Random(22_06);
        var effects = EffectParameterSet.Default;
        int cases = 0, parentStopped = 0, effectStopped = 0, dissociationStopped = 0;
        foreach (var set in PkParameterSet.All)
        {
            var population = PopulationModel.Default(set);
            for (int i = 0; i < 60; i++)
            {
                var subject = population.SampleSubject(7, i);
                var pkModel = subject.CreatePkModel(set);
                var dissociation = subject.CreateDissociation(effects, set.Drug);
                var direct = new SigmoidEmaxModel("direct", "points", LogUniform(r, 0.2, 20), 100, 30, 2);
                var regimen = RandomRegimen(r, set);
                double untilH = r.Next(24, 73);
                var options = r.NextDouble() < 0.5
                    ? SimulationOptions.Default with { Until = TimeSpan.FromHours(untilH), OutputStep = TimeSpan.FromMinutes(5) }
                    : new SimulationOptions().AtTimes(new[] { 0.0 }.Concat(Enumerable.Range(0, r.Next(0, 6)).Select(_ => r.Next(1, (int)untilH * 60) / 60.0))
                        .Distinct().Order().Append(untilH).Select(TimeSpan.FromHours));
                var prepared = PreparedPk.Create(pkModel, regimen);
                var sys = prepared.System;
                var pd = new PkPdSystem([dissociation, direct], sys);
                var march = PkPdSimulator.March(pd, prepared, options.OutputTimesH(), options);
                var solution = new PkSolution(sys, prepared.Inputs, march);
                var events = solution.EventTimesH;
                var states = march.OutputStates;
                var propagator = new LinearPropagator(sys.K, sys.M);
                foreach (int c in new[] { sys.Central, sys.Metabolite })
                {
                    if (c < 0) continue;
                    var full = PeakSearch.Maximum(propagator, sys.K, sys.M, march.Points, states, solution.ReusedRates(sys.M), events, c, massBound: true, tail: false);
                    var stopped = PeakSearch.Maximum(propagator, sys.K, sys.M, march.Points, states, solution.ReusedRates(sys.M), events, c, massBound: true);
                    SameBits(full, stopped, $"{set.Key} subject {i} compartment {c} {regimen}");
                }
                var pdPropagator = new LinearPropagator(pd.K, pd.N);
                int site = pd.EffectSite(1);
                SameBits(PeakSearch.Maximum(pdPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), events, site, tail: false),
                    PeakSearch.Maximum(pdPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), events, site),
                    $"{set.Key} subject {i} effect site {regimen}");
                PeakSearch.StateFunction value = x => pd.EffectValue(0, x), bound = x => pd.EffectUpperBound(0, x);
                PeakSearch.StateRate rate = (x, dx) => pd.EffectRate(0, x, dx);
                SameBits(PeakSearch.MaximumOf(pdPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), events, value, rate, bound),
                    PeakSearch.MaximumOf(pdPropagator, pd.K, pd.N, march.Points, states, solution.ReusedRates(pd.N), events, value, rate, bound,
                        pd.EffectSite(0), x => pd.EffectOfSite(0, x)),
                    $"{set.Key} subject {i} dissociation {regimen}");

                // How often the stop applies (the test is not vacuous): the criterion holds at some free interval's start.
                cases++;
                if (FiresSomewhere(sys.K, sys.M, sys.Central, march, events, _ => true)) parentStopped++;
                if (FiresSomewhere(pd.K, pd.N, site, march, events, _ => true)) effectStopped++;
                var dissociationSoFar = double.NegativeInfinity;
                for (int p = 0; p < march.Points.Count; p++) dissociationSoFar = Math.Max(dissociationSoFar, pd.EffectValue(0, march.Points.State(p, states)));
                if (FiresSomewhere(pd.K, pd.N, pd.EffectSite(0), march, events, x => pd.EffectOfSite(0, x) < dissociationSoFar * (1 - 1e-9))) dissociationStopped++;
            }
        }
        output.WriteLine($"{cases} cases: parent stopped early in {parentStopped}, effect site {effectStopped}, dissociation {dissociationStopped}");
        Assert.True(parentStopped > cases / 2, $"the parent's search stopped early in {parentStopped} of {cases} cases");
        Assert.True(effectStopped > cases / 2, $"the effect site's search stopped early in {effectStopped} of {cases} cases");
        Assert.True(dissociationStopped > cases / 4, $"the dissociation's search stopped early in {dissociationStopped} of {cases} cases");
    }

    private static bool FiresSomewhere(double[] k, int n, int c, LinearMarch march, double[] events, Func<double[], bool> also)
    {
        var tail = PeakTail.Rent(k, n, c);
        for (int p = 0; p + 1 < march.Points.Count; p++)
        {
            if (events.Length > 0 && events[^1] > march.Points.Time(p) + LinearMarch.TimeEpsH) continue;
            var x = march.Points.State(p, march.OutputStates)[..n].ToArray();
            if (also(x) && tail.Holds(x)) return true;
        }
        return false;
    }
}
