using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>Mediation's reference samples are cached per arm design; a sample handed over in steps (as the evidence analysis samples it in steps)
/// gives the patients exactly what a sample computed in one go gives.</summary>
public class ReferenceSampleCacheTests
{
    [Fact]
    public void SteppedReference_GivesTheSamePatients_AsOneGo()
    {
        // Two designs equal but for the name: the cache keys on the whole design, so each gets its own sample.
        var nimh = TrialDesign.Nimh.WithTotalSubjects(40);
        var stepped = nimh.With(name: "reference-cache-test stepped " + Guid.NewGuid());
        var oneGo = nimh.With(name: "reference-cache-test one go " + Guid.NewGuid());
        for (int arm = 0; arm < stepped.Arms.Length; arm++)
        {
            if (stepped.Arms[arm].Administration.Dose.Value == 0) continue;
            var referenceDesign = HypothesisLinks.ReferenceDesign(stepped, arm);
            Assert.False(HypothesisLinks.HasReference(referenceDesign));
            var simulator = HypothesisLinks.ReferenceSimulator(referenceDesign);
            var peaks = new double[HypothesisLinks.ReferenceSize];
            for (int from = 0; from < peaks.Length; from += 333)   // uneven chunks, serial
                for (int i = from; i < Math.Min(peaks.Length, from + 333); i++) peaks[i] = simulator.SimulateDissociationPeak(i);
            HypothesisLinks.RememberReference(referenceDesign, peaks);
            Assert.True(HypothesisLinks.HasReference(referenceDesign));
            Assert.True(peaks.Zip(peaks.Skip(1)).All(p => p.First <= p.Second));   // handed over sorted
        }
        var a = new TrialSimulator(stepped, Hypothesis.Mediation(0.6), 5);
        var b = new TrialSimulator(oneGo, Hypothesis.Mediation(0.6), 5);
        for (int i = 0; i < 40; i++)
        {
            var (x, y) = (a.Simulate(i), b.Simulate(i));
            Assert.Equal(y.CadssPeak, x.CadssPeak);
            Assert.Equal(y.DrugEffectMadrs.ToArray(), x.DrugEffectMadrs.ToArray());   // the mediated responsiveness: same normal scores
        }
        Assert.Throws<ArgumentException>(() => HypothesisLinks.RememberReference(HypothesisLinks.ReferenceDesign(stepped, 0), new double[10]));
    }
}
