using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// The per-patient path reuses work (issue 22): matrix products four and two columns at a time, propagators and their
/// entries rented per thread, a dissociation's Cmax and AUC0-24 without the other metrics. Each must give the same bits as
/// the plain computation, or results would depend on what a thread simulated before (and on the core count).
/// </summary>
public sealed class PerPatientReuseTests
{
    /// <summary>C = A B one entry at a time, the products added in the order of k (the definition the vectorised product must match bit for bit).</summary>
    private static double[] ScalarProduct(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    double aik = a[i * n + k];
                    if (aik == 0) continue;
                    s += aik * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        return c;
    }

    // Every order from 1 to 17: the register path (4 to 15) in each of its lane layouts and the loop on either side of it.
    public static TheoryData<int> Orders() => [.. Enumerable.Range(1, 17)];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Multiply_AnyOrder_SameBitsAsOneEntryAtATime(int n)
    {
        var random = new Random(22 + n);
        var a = new double[n * n];
        var b = new double[n * n];
        for (int q = 0; q < a.Length; q++)
        {
            // Mixed magnitudes and some zeros, so rounding differs between summation orders if the order changed.
            a[q] = random.NextDouble() < 0.2 ? 0 : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-6, 7));
            b[q] = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-6, 7));
        }
        var c = new double[n * n];
        MatrixExponential.Multiply(a, b, n, c);
        var expected = ScalarProduct(a, b, n);
        for (int q = 0; q < c.Length; q++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[q]), BitConverter.DoubleToInt64Bits(c[q]));
    }

    [Fact]
    public void Propagator_StepOfTwiceACachedOne_SameBitsAsItsOwnExponential()
    {
        // A step of exactly twice a cached input-free one is that entry's Phi squared (LinearPropagator.HalfStep): it must be what
        // the step's own matrix exponential gives, for stiff and mild K, orders 1-12, and steps whose scaling exponent is 0 or more.
        var random = new Random(2207);
        int squared = 0;
        for (int trial = 0; trial < 600; trial++)
        {
            int n = 1 + trial % 12;
            var k = RandomMetzler(random, n, lowestDiagonalPower: -3);
            double h = Math.Pow(2, random.Next(-12, 8)) * (0.5 + random.NextDouble());
            var cached = new LinearPropagator(k, n);
            var half = cached.Prepare([], false, h);
            var twice = cached.Prepare([], false, 2 * h);
            var own = new LinearPropagator(k, n).Prepare([], false, 2 * h);
            Assert.Equal(own.Phi.Select(BitConverter.DoubleToInt64Bits), twice.Phi.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(own.PhiT.Select(BitConverter.DoubleToInt64Bits), twice.PhiT.Select(BitConverter.DoubleToInt64Bits));
            if (half.Scaling >= 1) { Assert.Equal(1, cached.Exponentials); squared++; }
            else Assert.Equal(2, cached.Exponentials);
        }
        Assert.InRange(squared, 200, 600);   // the shortcut was taken in most cases, so the comparison above tested it
    }

    /// <summary>The matrix exponential's algorithm written plainly, one entry at a time (MatrixExponential's remarks): uniformise,
    /// scale by 2^-s until the norm is at most 1/2, degree-16 Taylor by Paterson-Stockmeyer, exp(-sigma 2^-s), square s times.</summary>
    private static double[] PlainExponential(double[] a, int n)
    {
        int nn = n * n;
        double sigma = 0;
        for (int i = 0; i < n; i++) sigma = Math.Max(sigma, Math.Abs(a[i * n + i]));
        double norm = 0;
        for (int j = 0; j < n; j++)
        {
            double col = sigma;
            for (int i = 0; i < n; i++) col += a[i * n + j];
            norm = Math.Max(norm, col);
        }
        int s = 0;
        double scaled = Math.Max(norm, sigma);
        while (scaled > 0.5) { scaled *= 0.5; s++; }
        double factor = Math.ScaleB(1.0, -s);
        var m1 = new double[nn];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) m1[i * n + j] = (a[i * n + j] + (i == j ? sigma : 0)) * factor;
        var m2 = ScalarProduct(m1, m1, n);
        var m3 = ScalarProduct(m2, m1, n);
        var m4 = ScalarProduct(m2, m2, n);
        double InverseFactorial(int k) { double f = 1; for (int i = 1; i <= k; i++) f /= i; return f; }
        double[] Block(int j)
        {
            var b = new double[nn];
            if (j == 4) { for (int i = 0; i < n; i++) b[i * n + i] = InverseFactorial(16); return b; }
            for (int q = 0; q < nn; q++) b[q] = InverseFactorial(4 * j + 1) * m1[q] + InverseFactorial(4 * j + 2) * m2[q] + InverseFactorial(4 * j + 3) * m3[q];
            for (int i = 0; i < n; i++) b[i * n + i] += InverseFactorial(4 * j);
            return b;
        }
        var acc = Block(4);
        for (int j = 3; j >= 0; j--)
        {
            var tmp = ScalarProduct(m4, acc, n);
            acc = Block(j);
            for (int q = 0; q < nn; q++) acc[q] += tmp[q];
        }
        double shift = Math.Exp(-sigma * factor);
        for (int q = 0; q < nn; q++) acc[q] *= shift;
        for (int k = 0; k < s; k++) acc = ScalarProduct(acc, acc, n);
        return acc;
    }

    [Fact]
    public void ComputeMetzler_SameBitsAsThePlainAlgorithm()
    {
        // The vectorised blocks, the two-buffer squaring and the products in registers must not change a bit.
        var random = new Random(2209);
        for (int trial = 0; trial < 400; trial++)
        {
            int n = 1 + trial % 16;
            var a = RandomMetzler(random, n, lowestDiagonalPower: -4);
            var result = new double[n * n];
            int s = MatrixExponential.ComputeMetzler(a, n, result);
            Assert.InRange(s, 0, 60);
            Assert.Equal(PlainExponential(a, n).Select(BitConverter.DoubleToInt64Bits), result.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>A filter block with given A and B whose drives are the linear state itself (r = n).</summary>
    private sealed class TestFilter(double[] a, double[] b, int q, int r) : FilterBlock
    {
        public override int States => q;
        public override int Drives => r;
        public override ReadOnlySpan<double> A => a;
        public override ReadOnlySpan<double> B => b;
        public override void Initial(Span<double> p) => p.Clear();
        public override void Drive(ReadOnlySpan<double> x, Span<double> u) => x[..r].CopyTo(u);
        public override void DriveRate(ReadOnlySpan<double> x, ReadOnlySpan<double> dx, Span<double> du) => dx[..r].CopyTo(du);
    }

    [Fact]
    public void FilterStep_NodesFromSquaresAndTheIdentity_SameBitsAsEachNodesOwnExponential()
    {
        // FilterPropagator builds a step's node exponentials exp(A (1 - c_g) h) partly by squaring and takes exp(A 0) as the
        // identity: the step must equal, bit for bit, the same sums over each node's own matrix exponential.
        var random = new Random(2208);
        double[] weights = [7.0 / 90, 32.0 / 90, 12.0 / 90, 32.0 / 90, 7.0 / 90];
        for (int trial = 0; trial < 400; trial++)
        {
            int q = 1 + trial % 6, r = 1 + trial % 3;
            var a = new double[q * q];
            for (int i = 0; i < q; i++)
                for (int j = 0; j < q; j++)
                    a[i * q + j] = i == j ? -Math.Pow(10, random.Next(-3, 3)) * (1 + random.NextDouble())
                        : random.NextDouble() < 0.4 ? 0 : random.NextDouble() * Math.Pow(10, random.Next(-2, 2));
            var b = Enumerable.Range(0, q * r).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 3).ToArray();
            double h = Math.Pow(2, random.Next(-8, 8)) * (0.5 + random.NextDouble());
            var nodes = Enumerable.Range(0, 5 * r).Select(_ => random.NextDouble() * 10).ToArray();   // n = r: x at the five nodes
            var p0 = Enumerable.Range(0, q).Select(_ => random.NextDouble()).ToArray();

            var stepped = (double[])p0.Clone();
            new FilterPropagator(new TestFilter(a, b, q, r)).Step(stepped, nodes, r, h);

            var expected = new double[q];
            var exps = new double[5][];
            for (int g = 0; g < 5; g++)
            {
                double t = (1 - FilterPropagator.Nodes[g]) * h;
                exps[g] = new double[q * q];
                MatrixExponential.ComputeMetzler(a.Select(v => v * t).ToArray(), q, exps[g]);
            }
            for (int i = 0; i < q; i++)
            {
                double sum = 0;
                for (int j = 0; j < q; j++) sum += exps[0][i * q + j] * p0[j];
                for (int g = 0; g < 5; g++)
                    for (int j = 0; j < r; j++)
                    {
                        double bs = 0;
                        for (int k = 0; k < q; k++) bs += exps[g][i * q + k] * b[k * r + j];
                        sum += h * weights[g] * bs * nodes[g * r + j];
                    }
                expected[i] = sum;
            }
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), stepped.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void FilterPropagator_RentedAgainForTheSameFilter_SameBitsAsAnEmptyCache()
    {
        // Marches on one thread: the same filter several times in a row (its last march's entries kept for steps of exactly their
        // length), then another filter; steps of up to 12 lengths (more than the 8 slots), some 1e-13 apart (matched within a
        // march). Every step must equal, bit for bit, the same march on a propagator of its own.
        var random = new Random(2210);
        double[] lengths = [.. Enumerable.Range(0, 10).Select(i => 0.05 * (i + 1)), 0.25 * (1 + 1e-13), 0.3 * (1 - 1e-13)];
        for (int filter = 0; filter < 30; filter++)
        {
            int q = 1 + filter % 4, r = 1 + filter % 2;
            var a = new double[q * q];
            for (int i = 0; i < q; i++)
                for (int j = 0; j < q; j++)
                    a[i * q + j] = i == j ? -(0.1 + random.NextDouble() * 3) : random.NextDouble() < 0.5 ? 0 : random.NextDouble();
            var b = Enumerable.Range(0, q * r).Select(_ => random.NextDouble()).ToArray();
            for (int march = 0; march < 4; march++)
            {
                // A new block object each march, with the same A and B.
                var block = new TestFilter((double[])a.Clone(), (double[])b.Clone(), q, r);
                var rented = FilterPropagator.Rent(block);
                var own = new FilterPropagator(block);
                var p1 = new double[q];
                var p2 = new double[q];
                int steps = 5 + random.Next(30);
                for (int k = 0; k < steps; k++)
                {
                    double h = lengths[random.Next(march == 0 ? 6 : lengths.Length)];
                    var nodes = Enumerable.Range(0, 5 * r).Select(_ => random.NextDouble()).ToArray();
                    rented.Step(p1, nodes, r, h);
                    own.Step(p2, nodes, r, h);
                    Assert.Equal(p2.Select(BitConverter.DoubleToInt64Bits), p1.Select(BitConverter.DoubleToInt64Bits));
                }
                FilterPropagator.Return(rented);
            }
        }
    }

    private static PkPdModel NimhModel(double weightKg) => new(PkParameterSet.Domino.CreateModel(new Subject { WeightKg = weightKg, AgeYears = 45 }),
        [EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine), EffectParameterSet.Default.Antidepressant(Drug.RacemicKetamine)]);

    private static readonly DosingRegimen Infusion =
        DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));

    private static readonly SimulationOptions Assessments = SimulationOptions.Default.AtTimes(new[] { 0, 40, 230, 1440, 4320, 10080 }.Select(m => TimeSpan.FromMinutes(m)));

    private static double[] Outputs(PkPdSimulationResult r) =>
        [.. r.Pk.ParentNgPerMl, .. r.Pk.MetaboliteNgPerMl, .. r.Effects.SelectMany(e => e.Values.Concat([e.MaximumValue, e.MaximumTimeH, e.MinimumValue]))];

    [Fact]
    public void Simulate_AfterOtherModelsOnTheSameThread_SameBitsAsOnAFreshThread()
    {
        // Reference: the first simulation of a new thread (no spare propagators there yet).
        double[] fresh = [];
        var thread = new Thread(() => fresh = Outputs(PkPdSimulator.Simulate(NimhModel(70), Infusion, Assessments)));
        thread.Start();
        thread.Join();

        // This thread: other models first (other orders: PK alone, one effect), so the propagators rented next were used before.
        PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 90, AgeYears = 30 }), Infusion, Assessments);
        PkPdSimulator.Simulate(new PkPdModel(PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 55, AgeYears = 60 }), [EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine)]),
            Infusion, Assessments);
        PkPdSimulator.Simulate(NimhModel(100), Infusion, Assessments);
        var reused = Outputs(PkPdSimulator.Simulate(NimhModel(70), Infusion, Assessments));

        Assert.Equal(fresh.Length, reused.Length);
        Assert.True(fresh.Length > 20, $"expected concentrations and effects at 6 times, got {fresh.Length} values");
        for (int q = 0; q < fresh.Length; q++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(fresh[q]), BitConverter.DoubleToInt64Bits(reused[q]));
    }

    [Fact]
    public void ParentCmaxAndAuc24_SameValuesAsTheFullMetrics()
    {
        var model = NimhModel(80);
        var lean = PkPdSimulator.Simulate(model, Infusion, Assessments).Pk.ParentCmaxAndAuc24();
        var full = PkPdSimulator.Simulate(model, Infusion, Assessments).Pk.Parent;
        Assert.Equal(full.CmaxNgPerMl, lean.CmaxNgPerMl);
        Assert.Equal(full.Auc0To24NgHPerMl, lean.Auc0To24NgHPerMl);
        // 0.5 mg/kg x 80 kg = 40 mg over 40 min under Domino: the peak is at the end of the infusion, a few hundred ng/mL (README: about 240 at 70 kg).
        Assert.InRange(lean.CmaxNgPerMl, 150, 400);
    }

    [Fact]
    public void TrialSimulator_CourseWithTheDissociationsPkModel_SameAsWithTheCachedPart()
    {
        // Exposure-only without a cache simulates the dissociation and the course in one call (the course reuses that PK model);
        // with a filled cache the course rebuilds the PK model. Both must give the same course.
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        var cache = new PatientCache(200);
        var warm = new TrialSimulator(design, Hypothesis.SharedSensitivity(), 1, cache: cache);
        var cold = new TrialSimulator(design, Hypothesis.SharedSensitivity(), 1);
        for (int i = 0; i < 5; i++) warm.SimulateDissociation(i);
        for (int i = 0; i < 5; i++)
        {
            var a = cold.Simulate(i);
            var b = warm.Simulate(i);
            Assert.Equal(a.DrugEffectMadrs.Length, b.DrugEffectMadrs.Length);
            for (int k = 0; k < a.DrugEffectMadrs.Length; k++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.DrugEffectMadrs[k]), BitConverter.DoubleToInt64Bits(b.DrugEffectMadrs[k]));
            Assert.True(a.DrugEffectMadrs[^1] < 0, $"the drug effect at day 7 is an improvement (negative), got {a.DrugEffectMadrs[^1]}");
        }
    }

    [Fact]
    public void EffectValues_OnAPreparedPk_SameBitsAsSimulate()
    {
        // The antidepressant course of a linked hypothesis: its effect values from the patient's prepared PK (kept by the cache) must
        // be those of a full simulation of a model of that PK and this effect alone, at every assessment.
        var pk = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 64, AgeYears = 38 });
        var effect = EffectParameterSet.Default.Antidepressant(Drug.RacemicKetamine);
        var full = PkPdSimulator.Simulate(new PkPdModel(pk, [effect]), Infusion, Assessments).Effects[0].Values;
        int[] at = [1, 3, 5, 2];
        var lean = new double[at.Length];
        PkPdSimulator.EffectValues(PreparedPk.Create(pk, Infusion), effect, Assessments, Assessments.OutputTimesH(), at, lean);
        for (int i = 0; i < at.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(full[at[i]]), BitConverter.DoubleToInt64Bits(lean[i]));
        // Day 3 after 0.5 mg/kg: an improvement (negative MADRS points).
        Assert.True(lean[1] < 0, $"the drug effect at day 3 is an improvement (negative), got {lean[1]}");
    }

    [Fact]
    public void PatientCache_KeepsThePreparedPk_CoursesSameBitsWithAndWithoutIt()
    {
        // A linked hypothesis's course three ways: simulated cold (dissociation in the same call), from a cache that keeps each
        // patient's prepared PK (no PK model rebuilt) and from one that does not (the PK model rebuilt from the sampled patient).
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        int[] patients = [0, 1, 2, 3, 4, 5, 6, 7];
        var kept = new PatientCache(patients, keepPk: true);
        var dense = new PatientCache(200, keepPk: true);
        var rebuilt = new PatientCache(200);
        var sparse = new PatientCache(patients);   // as the hypothesis test's: no PK kept
        var cold = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.9), 1);
        var simulators = new[] { kept, dense, rebuilt, sparse }.Select(c => new TrialSimulator(design, Hypothesis.SharedSensitivity(0.9), 1, cache: c)).ToArray();
        foreach (int i in patients)
            foreach (var s in simulators) s.SimulateDissociation(i);
        foreach (int i in patients)
        {
            Assert.NotNull(kept.Pk(i));
            Assert.NotNull(dense.Pk(i));
            Assert.Null(rebuilt.Pk(i));
            Assert.Null(sparse.Pk(i));
            var expected = cold.Simulate(i).DrugEffectMadrs;
            foreach (var s in simulators)
            {
                var got = s.Simulate(i).DrugEffectMadrs;
                Assert.Equal(expected.Length, got.Length);
                for (int k = 0; k < got.Length; k++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(got[k]));
            }
        }
        Assert.Null(kept.Pk(8));   // not one of the cache's patients
    }

    [Fact]
    public void PkPdSystem_RentedAfterOtherSystems_SameAsANewOne()
    {
        // A trial patient's dissociation and courses rent this thread's system: after systems of the same shape (another patient's) and
        // of another shape (the other effect), every number a march reads must be that of a new system of the same effect and PK.
        var population = PopulationModel.Default(PkParameterSet.Domino);
        int[] patients = [0, 1, 0, 1, 2, 2, 3, 4];
        bool[] antidepressant = [false, false, true, true, false, true, true, false];
        for (int q = 0; q < patients.Length; q++)
        {
            var vs = population.SampleSubject(5, patients[q]);
            var prepared = PreparedPk.Create(vs.CreatePkModel(population.Pk), Infusion);
            EffectModel effect = antidepressant[q] ? vs.CreateAntidepressant(population.Effects, Drug.RacemicKetamine)
                : vs.CreateDissociation(population.Effects, Drug.RacemicKetamine);
            var fresh = new PkPdSystem([effect], prepared.System);
            var rented = PkPdSystem.Rent(effect, prepared.System);
            Assert.Equal(fresh.N, rented.N);
            Assert.Equal(fresh.K.Select(BitConverter.DoubleToInt64Bits), rented.K.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(fresh.States, rented.States);
            Assert.Equal(fresh.Drives, rented.Drives);
            Assert.Equal(fresh.A.ToArray().Select(BitConverter.DoubleToInt64Bits), rented.A.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(fresh.B.ToArray().Select(BitConverter.DoubleToInt64Bits), rented.B.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(fresh.EffectSite(0), rented.EffectSite(0));
            Assert.Equal(fresh.FilterOffset(0), rented.FilterOffset(0));
            // A state with every entry set (amounts, effect site, tolerance and filter states), read as the march reads it.
            var state = Enumerable.Range(1, fresh.N + fresh.States).Select(k => 0.3 * k).ToArray();
            Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.EffectValue(0, state)), BitConverter.DoubleToInt64Bits(rented.EffectValue(0, state)));
            if (fresh.States == 0)   // a direct effect's peak search reads its bound
                Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.EffectUpperBound(0, state)), BitConverter.DoubleToInt64Bits(rented.EffectUpperBound(0, state)));
            Assert.Equal(antidepressant[q], rented.States > 0);   // the two effects alternate shapes: the plasticity filter, or none
            PkPdSystem.Return(rented);
        }
    }

    [Fact]
    public void TrialSimulator_PatientsUnderSeveralHypothesesOnOneThread_SameBitsAsEachAloneOnAFreshThread()
    {
        // The main job's order on a worker: each patient's courses under the hypotheses one after the other, with a cache and a tape,
        // reusing this thread's systems, marches, propagators and sampling map. Each course must be what a new simulator gives for
        // that patient alone on a new thread (nothing reused there).
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        Hypothesis[] hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.7), Hypothesis.SharedSensitivity(-0.4)];
        int[] patients = [0, 1, 2, 3, 100, 101, 102, 199];   // both arms
        var cache = new PatientCache(patients);
        var simulators = hypotheses.Select(h => new TrialSimulator(design, h, 9, cache: cache)).ToArray();
        var tape = new PropagatorTape();
        var reused = new List<double[]>();
        foreach (int i in patients)
            foreach (var s in simulators) reused.Add(Values(s.Simulate(i, tape)));

        var fresh = new List<double[]>();
        var thread = new Thread(() =>
        {
            foreach (int i in patients)
                foreach (var h in hypotheses) fresh.Add(Values(new TrialSimulator(design, h, 9).Simulate(i)));
        });
        thread.Start();
        thread.Join();

        Assert.Equal(fresh.Count, reused.Count);
        for (int c = 0; c < fresh.Count; c++)
            Assert.Equal(fresh[c].Select(BitConverter.DoubleToInt64Bits), reused[c].Select(BitConverter.DoubleToInt64Bits));
        Assert.True(tape.Replays > 0, "the linked courses replayed the exposure-only course's propagators, so the tape was exercised");
        Assert.Contains(reused, v => v[^1] < 0);   // some patient improves at the last assessment (negative MADRS points)

        static double[] Values(SimulatedSubject s) =>
            [s.Subject.WeightKg, s.DoseMg, s.ClearanceLPerH, s.CentralVolumeL, s.DissociationC50NgPerMl, s.AntidepressantEc50NgPerMl,
                s.AntidepressantScale, s.ConcentrationAtCadssNgPerMl, s.CmaxNgPerMl, s.Auc0To24NgHPerMl, s.CadssAtRatingTime, s.CadssPeak,
                s.BaselineMadrs, s.PlaceboMadrs, s.SlowPlaceboMadrs, .. s.DrugEffectMadrs];
    }

    /// <summary>Everything a pool keeps of a slot, as bits.</summary>
    private static long[] Kept(RatingPool pool, int slot, int[] assessments) =>
        [pool.Arm[slot], .. new[] { pool.Cadss[slot], pool.CadssPeak[slot], pool.Exposure[slot], pool.Baseline[slot], pool.Placebo[slot], pool.SlowPlacebo[slot] }
            .Concat(assessments.Select(a => pool.Effect(slot, a))).Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void SimulateInto_PatientsUnderEveryHypothesisOnOneThread_SameBitsAsTheRecordsOnAFreshThread()
    {
        // The main job's pool phase on a worker: each patient's courses under the hypotheses one after the other, straight into the
        // pools (the thread's effect buffer, the dissociation part handed from course to course, the links applied on the stack, the
        // rented solution, scans and step limit), with a cache and a tape. Each slot must hold what storing the record of a new simulator
        // gives for that patient alone on a new thread.
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        Hypothesis[] hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.7), Hypothesis.Mediation(), Hypothesis.Expectancy(), Hypothesis.SharedSensitivity(-0.4)];
        int[] patients = [0, 1, 2, 3, 100, 101, 102, 199];   // both arms
        int[] assessments = [0, 1, 2, 3];
        var cache = new PatientCache(patients);
        var simulators = hypotheses.Select(h => new TrialSimulator(design, h, 9, cache: cache)).ToArray();
        var pools = simulators.Select(s => new RatingPool(patients, 200, s.AssessmentCount, assessments)).ToArray();
        var tape = new PropagatorTape();
        for (int slot = 0; slot < patients.Length; slot++)
            for (int h = 0; h < simulators.Length; h++) simulators[h].SimulateInto(pools[h], slot, patients[slot], tape);

        var fresh = hypotheses.Select(h => new RatingPool(patients, 200, design.Assessments.Length, assessments)).ToArray();
        var thread = new Thread(() =>
        {
            for (int h = 0; h < hypotheses.Length; h++)
                for (int slot = 0; slot < patients.Length; slot++) fresh[h].Store(slot, new TrialSimulator(design, hypotheses[h], 9).Simulate(patients[slot]));
        });
        thread.Start();
        thread.Join();

        for (int h = 0; h < hypotheses.Length; h++)
            for (int slot = 0; slot < patients.Length; slot++)
                Assert.Equal(Kept(fresh[h], slot, assessments), Kept(pools[h], slot, assessments));
        Assert.True(tape.Replays > 0, "the linked courses replayed the exposure-only course's propagators, so the tape was exercised");
        // The links moved the antidepressant course (another course than exposure-only's) and some patient improves by day 7.
        Assert.Contains(Enumerable.Range(0, patients.Length), slot => pools[1].Effect(slot, 3) != pools[0].Effect(slot, 3));
        Assert.Contains(Enumerable.Range(0, patients.Length), slot => pools[2].Effect(slot, 3) < 0);
    }

    [Fact]
    public void SimulateInto_WarmPatient_AllocatesOnlyItsModels()
    {
        // Bytes a warm patient allocates in the main job's pool phase (exposure-only, then two linked courses, one thread, a tape),
        // averaged over 40 patients after 20: measured 2,624 B for the first course (the sampled patient 464, its PK model about 1,530 and
        // prepared PK about 410, its dissociation model 112 and antidepressant model 104: immutable objects, the models public types;
        // the dissociation's march, solution and searches nothing) and 104 B for each linked course (its antidepressant model), in
        // Release and Debug builds alike. The bounds leave about 10% for other runtimes.
        var settings = KetaminePkPd.HypothesisTesting.HypothesisTestSettings.Default;
        var design = settings.Design.WithTotalSubjects(settings.PoolSize);
        int[] patients = [.. Enumerable.Range(0, 60)];
        var cache = new PatientCache(patients);
        Hypothesis[] hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(), Hypothesis.Mediation()];
        var simulators = hypotheses.Select(h => new TrialSimulator(design, h, settings.Seed, cache: cache)).ToArray();
        var pools = simulators.Select(s => new RatingPool(patients, settings.PoolSize, s.AssessmentCount, [1, 3])).ToArray();
        var bytes = new long[simulators.Length];
        // On a new thread, as a worker of the main job: the test runner's thread keeps other tests' per-thread spares (systems and
        // marches of other shapes), which a main-job worker never has, and measured 4,344 B there in one CI run.
        Exception? error = null;
        var worker = new Thread(() =>
        {
            try
            {
                var tape = new PropagatorTape();
                for (int slot = 0; slot < patients.Length; slot++)
                    for (int h = 0; h < simulators.Length; h++)
                    {
                        long before = GC.GetAllocatedBytesForCurrentThread();
                        simulators[h].SimulateInto(pools[h], slot, patients[slot], tape);
                        if (slot >= 20) bytes[h] += GC.GetAllocatedBytesForCurrentThread() - before;
                    }
            }
            catch (Exception e) { error = e; }
        });
        worker.Start();
        worker.Join();
        Assert.Null(error);
        double first = bytes[0] / 40.0, linked = Math.Max(bytes[1], bytes[2]) / 40.0;
        Assert.InRange(first, 1000, 2900);   // at least the PK model; was 3,954 B before the pool path and the rented searches
        Assert.InRange(linked, 0, 120);      // was 520 B with the record, its effect array and the linked subject
    }

    [Fact]
    public void StepLimit_TheThreadsLastReused_SameStepsAsANewFunction()
    {
        // A thread hands out its last step limit again for inputs with the same times (bit for bit): after other regimens, every step
        // must be what a function made for these inputs on a new thread gives.
        var pk = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 72, AgeYears = 40 });
        var repeated = DosingRegimen.Repeated(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)), 3, TimeSpan.FromHours(24));
        var other = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(20), TimeSpan.FromMinutes(41)));
        double[] times = [0, 0.05, 0.6667, 0.7, 1, 5, 11.9, 12.5, 24, 24.1, 36, 48.7, 60, 100, 300];
        DosingRegimen[] order = [Infusion, repeated, repeated, other, Infusion, Infusion, repeated];
        var fresh = new List<double[]>();
        var thread = new Thread(() => { foreach (var r in order) fresh.Add([.. times.Select(PkPdSimulator.StepLimit(pk.Expand(r)))]); });
        thread.Start();
        thread.Join();
        var made = order.Select(r => PkPdSimulator.StepLimit(pk.Expand(r))).ToArray();
        for (int q = 0; q < order.Length; q++)
            Assert.Equal(fresh[q].Select(BitConverter.DoubleToInt64Bits), times.Select(made[q]).Select(BitConverter.DoubleToInt64Bits));
        Assert.Same(made[1], made[2]);       // the same times: the same function
        Assert.NotSame(made[0], made[1]);
        Assert.Equal(5.0 / 60, made[1](24.1), 12);   // just after the second infusion starts: the fine step, 5 min
    }

    [Fact]
    public void PropagatorTape_CallersKChangedAfterRecording_NoLongerMatches()
    {
        // A rented system's K is overwritten by the thread's next simulation: the tape must compare against the K it recorded, not
        // against whatever the caller's array holds later.
        double[] k = [-2, 0.5, 1, -0.5];
        var events = new List<(double T, int Index, double Amount, double Rate)> { (0, 0, 1, 0) };
        double[] times = [0, 1, 2];
        object captures = new double[] { 24 };
        var tape = new PropagatorTape();
        tape.Record(k, 2, events, times, null, captures, 24, filtered: false);
        tape.Complete = true;
        Assert.True(tape.Matches(k, 2, events, times, null, captures, 24, filtered: false));
        Assert.True(tape.Matches([-2, 0.5, 1, -0.5], 2, events, times, null, captures, 24, filtered: false));   // equal bits, another array
        k[1] = 0.25;
        Assert.False(tape.Matches(k, 2, events, times, null, captures, 24, filtered: false));
    }

    [Fact]
    public void RatesCursor_RentedAfterAnother_SameRatesAsANewFunction()
    {
        // A dissociation's peak searches rent this thread's rates cursor: after a cursor of another solution, width and position, it
        // must give what a new ReusedRates function gives, at times in order, repeated and going back.
        var pk = PkParameterSet.Domino.CreateModel(new Subject { WeightKg = 72, AgeYears = 40 });
        var regimen = DosingRegimen.Repeated(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)), 3, TimeSpan.FromHours(24));
        var prepared = PreparedPk.Create(pk, regimen);
        var dissociation = EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine);
        var pd = new PkPdSystem([dissociation], prepared.System);
        var march = PkPdSimulator.March(pd, prepared, Assessments.OutputTimesH(), Assessments);
        var solution = new PkSolution(prepared.System, prepared.Inputs, march);
        double[] times = [0, 0.2, 0.2, 0.6667, 0.7, 5, 24, 24.3, 1, 48.5, 200];
        var other = PkSolution.RatesCursor.Rent(solution, 3);
        other.At(24.1);
        PkSolution.RatesCursor.Return(other);
        foreach (int width in new[] { prepared.System.M, pd.N })
        {
            var fresh = solution.ReusedRates(width);
            var rented = PkSolution.RatesCursor.Rent(solution, width);
            foreach (double t in times)
                Assert.Equal(fresh(t).Select(BitConverter.DoubleToInt64Bits), rented.At(t).Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(width, rented.At(0.1).Length);
            Assert.True(rented.At(0.1)[prepared.System.Central] > 0, "the infusion runs at 0.1 h");
            PkSolution.RatesCursor.Return(rented);
        }
    }

    /// <summary>A random n x n Metzler matrix (non-negative off the diagonal, 40% of those zero) with diagonal entries of magnitude
    /// 10^p (1 + u), p from <paramref name="lowestDiagonalPower"/> to 3: stiff and mild rate matrices alike.</summary>
    private static double[] RandomMetzler(Random random, int n, int lowestDiagonalPower)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = i == j ? -Math.Pow(10, random.Next(lowestDiagonalPower, 4)) * (1 + random.NextDouble())
                    : random.NextDouble() < 0.4 ? 0 : random.NextDouble() * Math.Pow(10, random.Next(-3, 3));
        return a;
    }
}
