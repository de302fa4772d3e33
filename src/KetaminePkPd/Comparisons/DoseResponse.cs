using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// Dose-response of both effects for one route: peak dissociation and the day-1 antidepressant effect of the typical
/// patient along a log-spaced dose sweep, the half-maximal doses, and a virtual population given doses across the sweep
/// in which only dose and exposure link the two effects (the reply's argument), with the correlation that this produces.
/// </summary>
internal static class DoseResponse
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="settings">Settings; null for <see cref="DoseResponseSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done (optional).</param>
    /// <exception cref="ArgumentException">A dose a patient cannot be given, or a route the model does not support (<see cref="DoseResponseSettings.CheckDoses"/>).</exception>
    public static DoseResponseResult Run(DoseResponseSettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= DoseResponseSettings.Default;
        settings.CheckDoses();
        var doses = settings.Doses();
        var drug = settings.Model.Drug;
        var pk = settings.Model.CreateModel(settings.Subject);
        var model = PkPdModel.Default(pk, drug, settings.Effects);
        var times = SimulationOptions.Default.AtTimes([TimeSpan.Zero, TimeSpan.FromDays(1)]);
        var points = ImmutableArray.CreateBuilder<DoseResponsePoint>(doses.Count);
        foreach (var dose in doses)
        {
            var r = PkPdSimulator.Simulate(model, DosingRegimen.Single(Administration(settings, dose)), times);
            points.Add(new DoseResponsePoint(dose, r.Dissociation.MaximumValue, -r.Antidepressant.Values[1], r.Pk.Parent.CmaxNgPerMl));
        }
        progress?.Report(0.1);
        var list = points.MoveToImmutable();
        var half = (HalfMaximal(list, p => p.PeakCadss), HalfMaximal(list, p => p.Day1Improvement));

        TrialResult? population = null;
        if (settings.PopulationSize > 0)
        {
            // One arm per dose, patients spread evenly (at least one per dose), exposure only.
            int n = settings.PopulationSubjects;
            var arms = doses.Select((d, i) => new TrialArm($"{d}", Administration(settings, d), n / doses.Count + (i < n % doses.Count ? 1 : 0))).ToList();
            var design = new TrialDesign($"dose sweep {settings.From}-{settings.To} {settings.Route}", arms, PopulationModel.Default(settings.Model) with { Effects = settings.Effects },
                [TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(7)]);
            population = VirtualTrial.Run(design, Hypothesis.ExposureOnly, settings.Seed, progress: new Progress(n, progress));
        }
        progress?.Report(1);
        return new DoseResponseResult(settings, list, half.Item1, half.Item2, population);
    }

    private static Administration Administration(DoseResponseSettings s, Dose dose) =>
        KetaminePkPd.Administration.Create(s.Route, dose, s.Route == Route.Intravenous ? s.Infusion : TimeSpan.Zero);

    /// <summary>Dose where the effect first reaches half of its largest value in the sweep, interpolated linearly on log dose.</summary>
    private static Dose? HalfMaximal(ImmutableArray<DoseResponsePoint> points, Func<DoseResponsePoint, double> effect)
    {
        double max = points.Max(effect);
        if (!(max > 0)) return null;
        double half = max / 2;
        for (int i = 0; i < points.Length; i++)
        {
            double e = effect(points[i]);
            if (e < half) continue;
            if (i == 0) return points[0].Dose;
            double e0 = effect(points[i - 1]);
            double l0 = Math.Log(points[i - 1].Dose.Value), l1 = Math.Log(points[i].Dose.Value);
            double value = Math.Exp(l0 + (half - e0) / (e - e0) * (l1 - l0));
            return points[i].Dose.IsPerKilogram ? Dose.FromMilligramsPerKilogram(value) : Dose.FromMilligrams(value);
        }
        return null;
    }

    /// <summary>Maps a trial's patient count onto the second part of the progress range.</summary>
    private sealed class Progress(int total, IProgress<double>? target) : IProgress<int>
    {
        public void Report(int value) => target?.Report(0.1 + 0.9 * value / total);
    }
}
