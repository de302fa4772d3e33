using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Numerics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Numerics;

/// <summary>
/// Issue 22, third pass: the exact step four rows at a time (<see cref="LinearPropagator.Propagate"/>), a patient's courses under
/// several hypotheses replaying one recording of their propagators (<see cref="PropagatorTape"/>), and parallel loops in contiguous
/// chunks (<see cref="ParallelChunks"/>). Each must give the bits of the plain computation.
/// </summary>
public sealed class PropagatorReplayTests
{
    /// <summary>A Metzler K of order n (negative diagonal, non-negative off-diagonal) with mixed magnitudes and some zeros.</summary>
    private static double[] RandomMetzler(int n, Random random)
    {
        var k = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                k[i * n + j] = i == j ? -Math.Pow(10, random.Next(-2, 2)) * (1 + random.NextDouble())
                    : random.NextDouble() < 0.4 ? 0 : random.NextDouble() * Math.Pow(10, random.Next(-3, 1));
        return k;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public void Propagate_AnyOrder_SameBitsAsOneRowAtATime(int n)
    {
        var random = new Random(2200 + n);
        var k = RandomMetzler(n, random);
        var propagator = new LinearPropagator(k, n);
        var b = new double[n];
        b[0] = 3.5;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = (random.NextDouble() - 0.2) * Math.Pow(10, random.Next(-6, 4));
        foreach (bool input in new[] { false, true })
        {
            var e = propagator.Prepare(b, input, 0.37);
            // The definition: y_i = (Gamma b)_i (or 0) + sum over j in order of Phi_ij x_j, a multiply and then an add.
            var expected = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = input ? e.Gb[i] : 0;
                for (int j = 0; j < n; j++) s += e.Phi[i * n + j] * x[j];
                expected[i] = s;
            }
            var y = new double[n];
            propagator.Propagate(x, y, e);
            var stepped = (double[])x.Clone();
            propagator.Step(stepped, e);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(y[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(stepped[i]));
            }
            // Not a trivial map: mass leaves the state (K is Metzler with a negative diagonal), so some entry changed.
            Assert.Contains(Enumerable.Range(0, n), i => y[i] != x[i]);
        }
    }

    [Fact]
    public void Courses_ReplayedFromATape_SameBitsAsSimulatedAlone()
    {
        // Patient by patient, the courses under exposure-only, shared sensitivity and mediation on one tape (the hypothesis test's
        // order), against each course simulated by a simulator of its own without a tape.
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        Hypothesis[] hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.7), Hypothesis.Mediation(0.5)];
        var cache = new PatientCache(200, keepPk: true);   // as the hypothesis test's: every course on the patient's one prepared PK
        var taped = hypotheses.Select(h => new TrialSimulator(design, h, 3, cache: cache)).ToArray();
        var alone = hypotheses.Select(h => new TrialSimulator(design, h, 3)).ToArray();
        var tape = new PropagatorTape();
        int[] patients = [0, 1, 2, 5, 8, 13];
        foreach (int i in patients)
            for (int h = 0; h < hypotheses.Length; h++)
            {
                var got = taped[h].Simulate(i, tape).DrugEffectMadrs;
                var expected = alone[h].Simulate(i).DrugEffectMadrs;
                Assert.Equal(expected.Length, got.Length);
                for (int a = 0; a < got.Length; a++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[a]), BitConverter.DoubleToInt64Bits(got[a]));
                if (design.Arms[design.ArmOf(i)].Administration.Dose.Value > 0)
                    Assert.True(got[^1] < 0, $"patient {i} under {hypotheses[h].Name}: the drug effect at day 7 is an improvement (negative), got {got[^1]}");
            }
        // Each patient's first course records, the two linked ones replay (their linear part is the same: the links change the
        // antidepressant's EC50, scale and decay, which are not in K).
        Assert.Equal(2 * patients.Length, tape.Replays);
    }

    [Fact]
    public void Tape_AnotherPatientsCourse_RecordsAfresh()
    {
        // Two patients have different clearances, so K differs: the second course must not replay the first one's propagators.
        var design = TrialDesign.Nimh.WithTotalSubjects(200);
        var simulator = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.7), 4);
        var tape = new PropagatorTape();
        var first = simulator.Simulate(0, tape).DrugEffectMadrs;
        var second = simulator.Simulate(1, tape).DrugEffectMadrs;
        Assert.Equal(0, tape.Replays);
        var expected = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.7), 4).Simulate(1).DrugEffectMadrs;
        for (int a = 0; a < expected.Length; a++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[a]), BitConverter.DoubleToInt64Bits(second[a]));
        Assert.NotEqual(first[^1], second[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(4001)]
    public void ParallelChunks_EveryIndexOnceWithItsWorkersState(int count)
    {
        var visits = new int[count];
        var owner = new object[count];
        ParallelChunks.For(0, count, () => new object(), (start, end, state) =>
        {
            Assert.True(start < end, $"empty chunk {start}..{end}");
            for (int i = start; i < end; i++)
            {
                Interlocked.Increment(ref visits[i]);
                owner[i] = state;
            }
        });
        Assert.All(visits, v => Assert.Equal(1, v));
        // At most one state per worker, and never more workers than cores.
        Assert.InRange(owner.Distinct().Count(), Math.Min(count, 1), Environment.ProcessorCount);
    }

    [Fact]
    public void HypothesisTest_AllHypothesesSimulatedInTheFirstPhase_SameAsDefaultsSerial()
    {
        // The pools of every hypothesis are filled in the first one's phase (tape replays); a stepped run with tiny steps, serial, and a
        // parallel run must agree bit for bit.
        var settings = HypothesisTestSettings.Default with { PoolSize = 400, Replicates = 100, Seed = 5 };
        var parallel = HypothesisTestResult.Run(settings);
        var run = HypothesisTestResult.Start(settings with { Parallel = false });
        while (!run.Step(7)) { }
        var serial = run.Result;
        Assert.Equal(parallel.Comparisons.Length, serial.Comparisons.Length);
        for (int c = 0; c < parallel.Comparisons.Length; c++)
        {
            Assert.Equal(parallel.Comparisons[c].R.Values.ToArray(), serial.Comparisons[c].R.Values.ToArray());
            Assert.Equal(parallel.Comparisons[c].Reading, serial.Comparisons[c].Reading);
        }
        // Shared sensitivity at 0.7 gives a negative median r (more dissociation, more improvement); exposure-only a median near 0.
        Assert.True(parallel.Comparisons.First(c => c.Hypothesis.Name == "shared-sensitivity").MedianR < 0);
    }
}
