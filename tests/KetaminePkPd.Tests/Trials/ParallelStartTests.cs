using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>
/// The parallel loops' guided chunks (<see cref="ParallelChunks"/>) and mediation's reference sample simulated in the background
/// (<see cref="HypothesisLinks.StartReferences"/>): the same patients as a serial computation, bit for bit.
/// </summary>
public class ParallelStartTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(7, 2)]
    [InlineData(4096, 2)]
    [InlineData(10_001, 3)]
    public void GuidedChunks_ShrinkToOne_AndCoverTheRange(int count, int workers)
    {
        // Taken one after another, the chunks tile 0 .. count - 1; each is the part left over workers x 4 (at least 1), so they
        // never grow, and the last ones are single indices.
        int left = count;
        var sizes = new List<int>();
        while (left > 0)
        {
            int chunk = ParallelChunks.Chunk(left, workers);
            Assert.InRange(chunk, 1, left);
            Assert.Equal(Math.Max(1, left / (workers * 4)), chunk);
            sizes.Add(chunk);
            left -= chunk;
        }
        Assert.Equal(count, sizes.Sum());
        Assert.True(sizes.Zip(sizes.Skip(1)).All(p => p.First >= p.Second));
        Assert.Equal(1, sizes[^1]);
        if (count >= 4096) Assert.Equal(count / (workers * 4), sizes[0]);
    }

    [Fact]
    public void ReferenceStartedInTheBackground_IsTheSerialSample()
    {
        // Two designs equal but for the name: each gets its own sample (the cache keys on the whole design).
        var nimh = TrialDesign.Nimh.WithTotalSubjects(30);
        var background = nimh.With(name: "reference-background-test " + Guid.NewGuid());
        var serial = nimh.With(name: "reference-serial-test " + Guid.NewGuid());
        HypothesisLinks.StartReferences(background, [Hypothesis.ExposureOnly, Hypothesis.Mediation(0.5)]);
        var a = new TrialSimulator(background, Hypothesis.Mediation(0.5), 3, parallel: true);   // waits for the background sample
        var b = new TrialSimulator(serial, Hypothesis.Mediation(0.5), 3, parallel: false);
        for (int arm = 0; arm < background.Arms.Length; arm++)
            if (background.Arms[arm].Administration.Dose.Value != 0) Assert.True(HypothesisLinks.HasReference(HypothesisLinks.ReferenceDesign(background, arm)));
        for (int i = 0; i < 30; i++)
        {
            var (x, y) = (a.Simulate(i), b.Simulate(i));
            Assert.Equal(BitConverter.DoubleToInt64Bits(y.CadssPeak), BitConverter.DoubleToInt64Bits(x.CadssPeak));
            // The mediated responsiveness reads the patient's normal score in the reference sample: the same bits only if the samples are.
            Assert.Equal(y.DrugEffectMadrs.Select(BitConverter.DoubleToInt64Bits), x.DrugEffectMadrs.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void StartReferences_WithoutMediation_StartsNothing()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(30).With(name: "reference-none-test " + Guid.NewGuid());
        HypothesisLinks.StartReferences(design, [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(0.7)]);
        for (int arm = 0; arm < design.Arms.Length; arm++)
            Assert.False(HypothesisLinks.HasReference(HypothesisLinks.ReferenceDesign(design, arm)));
    }
}
