using KetaminePkPd.Comparisons;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>An object that exists is valid: <c>with</c> copies are validated, and edge inputs give standard exceptions.</summary>
public class ValidationTests
{
    [Fact]
    public void SimulationOptions_WithUntilAfterAtTimes_Throws()
    {
        var options = new SimulationOptions().AtTimes([TimeSpan.Zero, TimeSpan.FromHours(4)]);
        var ex = Assert.Throws<ArgumentException>(() => options with { Until = TimeSpan.FromHours(48) });
        Assert.Equal("Until", ex.ParamName);
        Assert.Equal(TimeSpan.FromHours(4), options.Until);
        // AtTimes again replaces the times and the end together.
        Assert.Equal(TimeSpan.FromHours(48), options.AtTimes([TimeSpan.Zero, TimeSpan.FromHours(48)]).Until);
    }

    [Fact]
    public void DoseResponseSettings_WithDosesOfMixedKindsOrReversed_Throws()
    {
        var d = DoseResponseSettings.Default;
        Assert.Throws<ArgumentException>(() => d.WithDoses(Dose.FromMilligrams(5), Dose.FromMilligramsPerKilogram(1)));
        Assert.Throws<ArgumentException>(() => d.WithDoses(Dose.FromMilligrams(50), Dose.FromMilligrams(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.WithDoses(Dose.FromMilligrams(0), Dose.FromMilligrams(5)));
        var ok = d.WithDoses(Dose.FromMilligrams(5), Dose.FromMilligrams(50));
        Assert.Equal(5, ok.From.Value);
        Assert.Equal(50, ok.Doses()[^1].Value, 1e-12);
    }

    [Fact]
    public void HypothesisTestSettings_WithDesignWhoseAssessmentsMissTheObservation_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => HypothesisTestSettings.Default.WithDesign(TrialDesign.EsketamineIntranasal, HypothesisTestSettings.Default.Observed));
        Assert.Contains("230min", ex.Message);
        var ok = HypothesisTestSettings.Default.WithDesign(TrialDesign.EsketamineIntranasal, [new ObservedCorrelation(TimeSpan.FromDays(1), -0.3, 50, "test")]);
        Assert.Equal(TrialDesign.EsketamineIntranasal, ok.Design);
    }

    [Fact]
    public void TrialDesign_ArmOfNegativeIndex_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TrialDesign.Nimh.ArmOf(-1));
        Assert.Equal("index", ex.ParamName);
        Assert.Equal(0, TrialDesign.Nimh.ArmOf(0));
    }

    [Fact]
    public void DosingRegimen_RepeatedWithHugeInterval_ThrowsArgumentOutOfRange()
    {
        var a = Administration.Intranasal(Dose.FromMilligrams(56));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DosingRegimen.Repeated(a, 10_000, TimeSpan.FromDays(3650)));
        Assert.Equal("interval", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => DosingRegimen.Repeated(a, 3, TimeSpan.MaxValue / 2));
        Assert.Equal(3, DosingRegimen.Repeated(a, 3, TimeSpan.FromDays(3650)).Administrations.Length);
    }

    [Fact]
    public void PkSimulationResult_EliminatedMg_IsComputedOnce()
    {
        var r = PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult),
            DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(35))), new SimulationOptions { OutputStep = TimeSpan.FromMinutes(0.5) });
        Assert.Equal(2881, r.TimesH.Length);
        // The same array each time (a recomputation per access made a loop over the outputs quadratic).
        Assert.True(r.EliminatedMg == r.EliminatedMg);
        Assert.True(r.InputMg == r.InputMg);
        Assert.Equal(35, r.InputMg[^1], 1e-9);
    }

    [Fact]
    public void Pearson_ValuesNear1e300_ReturnsTheCorrelationOfTheScaledValues()
    {
        double[] x = [1e300, 2e300, 3e300, 4e300, 5e300], y = [1.1e300, 1.9e300, 3.2e300, 3.9e300, 5.1e300];
        double expected = Correlation.Pearson(x.Select(v => v / 1e300).ToArray(), y.Select(v => v / 1e300).ToArray()).R;
        var r = Correlation.Pearson(x, y);
        Assert.InRange(expected, 0.99, 1);
        Assert.Equal(expected, r.R, 1e-12);
        // Large offsets relative to the spread are centred first.
        double[] shifted = [.. x.Select(v => v / 1e300 + 1e15)];
        Assert.Equal(1, Correlation.Pearson(shifted, shifted).R, 1e-9);
    }
}

public class NumericsEdgeTests
{
    [Fact]
    public void TerminalHalfLife_TwoSlowestRatesNearlyEqual_ReturnsTheSlowestNotAnUnconvergedIterate()
    {
        // Depots A (1 /h) and B (1.00001 /h) both feed the observed compartment C (10 /h): inverse iteration would converge
        // by 0.99999 per step; the eigenvalues give ln 2 / 1 h directly.
        double[] k = [-1, 0, 0, 0, -1.00001, 0, 1, 1.00001, -10];
        Assert.Equal(Math.Log(2), KetaminePkPd.Pharmacokinetics.PkSolution.TerminalHalfLife(k, 3, 2, 2, [1, 1, 0]), 1e-12);
        // Equal rates in a chain (a Jordan block: absorption rate = elimination rate): ln 2 / 0.5 h.
        double[] chain = [-0.5, 0, 0.5, -0.5];
        Assert.Equal(Math.Log(2) / 0.5, KetaminePkPd.Pharmacokinetics.PkSolution.TerminalHalfLife(chain, 2, 1, 1, [1, 0]), 1e-7);
        // An undosed slow depot upstream of central does not set the half-life: ln 2 / 2 h from central's own elimination.
        double[] undosed = [-0.01, 0, 0.01, -2];
        Assert.Equal(Math.Log(2) / 2, KetaminePkPd.Pharmacokinetics.PkSolution.TerminalHalfLife(undosed, 2, 1, 1, [0, 1]), 1e-12);
    }

    [Fact]
    public void LinearMarch_UnsortedEvents_LeavesTheCallersListAsItWas()
    {
        var events = new List<(double T, int Index, double Amount, double Rate)> { (2, 0, 1, 0), (1, 0, 1, 0) };
        var march = new KetaminePkPd.Numerics.LinearMarch([-1], 1, events, [0, 3], 3, SolverMethod.Exact, KetaminePkPd.OdeTolerances.Default);
        march.Run();
        Assert.Equal(2, events[0].T);
        Assert.Equal(1, events[1].T);
        // Both boluses were applied: 1 e^-2 + 1 e^-1 at 3 h.
        Assert.Equal(Math.Exp(-2) + Math.Exp(-1), march.OutputStates[1], 1e-12);
    }
}
