using KetaminePkPd.Populations;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// The population bands of one comparison arm (<see cref="ComparisonOptions.PopulationSize"/> virtual patients of the
/// arm model's default population, docs/model.md section 4.4), simulated in steps of bounded size for callers that must stay
/// responsive between steps (a page in a browser has one thread). <see cref="RouteComparison.Run"/> computes its bands
/// by stepping one of these to the end, so the result is the same, bit for bit, whatever the step sizes: patient i is
/// always drawn from (<see cref="ComparisonOptions.Seed"/>, i) (tested).
/// </summary>
/// <remarks>Not thread-safe: call <see cref="Step"/> from one thread at a time. The last step also computes the
/// percentiles.</remarks>
public sealed class PopulationRun
{
    private readonly ComparisonArm _arm;
    private readonly ComparisonOptions _options;
    private readonly PopulationModel _population;
    private readonly ArmMetrics[] _metrics;
    private readonly double[][] _concentration, _cadss, _antidepressant;
    private PopulationBands? _result;

    /// <summary>Prepares the run; no patient is simulated until the first <see cref="Step"/>.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="options">The comparison's settings: <see cref="ComparisonOptions.PopulationSize"/> patients (at least 1), the seed, the threshold and whether to use all cores.</param>
    /// <exception cref="ArgumentException"><see cref="ComparisonOptions.PopulationSize"/> is 0.</exception>
    public PopulationRun(ComparisonArm arm, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PopulationSize < 1)
            throw new ArgumentException($"options.PopulationSize must be at least 1 for population bands, got {options.PopulationSize}.", nameof(options));
        _arm = arm;
        _options = options;
        _population = PopulationModel.Default(arm.Model);
        int n = options.PopulationSize;
        _metrics = new ArmMetrics[n];
        _concentration = new double[n][];
        _cadss = new double[n][];
        _antidepressant = new double[n][];
    }

    /// <summary>Patients in the population.</summary>
    public int TotalSubjects => _metrics.Length;

    /// <summary>Patients simulated so far, in [0, <see cref="TotalSubjects"/>].</summary>
    public int CompletedSubjects { get; private set; }

    /// <summary>Fraction of the patients simulated, in [0, 1].</summary>
    public double Progress => (double)CompletedSubjects / TotalSubjects;

    /// <summary>True once every patient is simulated and <see cref="Result"/> is available.</summary>
    public bool IsComplete => _result is not null;

    /// <summary>The bands, once <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The run is not complete.</exception>
    public PopulationBands Result => _result ?? throw new InvalidOperationException(
        $"The population is not complete ({CompletedSubjects} of {TotalSubjects} patients simulated): call Step until it returns true.");

    /// <summary>Simulates at most <paramref name="maxSubjects"/> more patients; after the last one, computes the percentiles.</summary>
    /// <param name="maxSubjects">Largest number of patients to simulate, at least 1.</param>
    /// <returns>True when the run is complete (then further calls do nothing and return true).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSubjects"/> is below 1.</exception>
    public bool Step(int maxSubjects)
    {
        if (maxSubjects < 1) throw new ArgumentOutOfRangeException(nameof(maxSubjects), maxSubjects, $"maxSubjects must be at least 1, got {maxSubjects}.");
        if (_result is not null) return true;
        int from = CompletedSubjects, to = (int)Math.Min(TotalSubjects, (long)from + maxSubjects);
        if (_options.Parallel) Parallel.For(from, to, One);
        else for (int i = from; i < to; i++) One(i);
        CompletedSubjects = to;
        if (to == TotalSubjects) Finish();
        return _result is not null;
    }

    private void One(int i)
    {
        var patient = _population.SampleSubject(_options.Seed, i);
        var r = RouteComparison.Simulate(_arm, _arm.Model, patient.Subject, patient, RouteComparison.Outputs);
        _metrics[i] = RouteComparison.Metrics(r, _options.Threshold);
        _concentration[i] = [.. r.Pk.ParentNgPerMl];
        _cadss[i] = [.. r[EffectParameterSet.DissociationName].Values];
        _antidepressant[i] = [.. r[EffectParameterSet.AntidepressantName].Values];
    }

    private void Finish()
    {
        double[] t = [.. RouteComparison.TimesH];
        _result = new PopulationBands(TotalSubjects, Quantile(_metrics, 0.05), Quantile(_metrics, 0.5), Quantile(_metrics, 0.95),
            TimeCourseBand.Of(t, _concentration), TimeCourseBand.Of(t, _cadss), TimeCourseBand.Of(t, _antidepressant));
    }

    private static ArmMetrics Quantile(ArmMetrics[] m, double p)
    {
        double Q(Func<ArmMetrics, double> f) => Statistics.SamplingDistribution.FromReplicates(m.Select(f).ToArray()).Quantile(p);
        // "Never back under 4" counts as later than the simulation; a percentile that lands there is reported as null.
        double never = RouteComparison.TimesH[^1] + 1;
        double below = Q(x => x.CadssBelow4AfterH ?? never);
        return new ArmMetrics(Q(x => x.CmaxNgPerMl), Q(x => x.TmaxH), Q(x => x.Auc0To24NgHPerMl), Q(x => x.TimeAboveH), Q(x => x.PeakCadss),
            Q(x => x.PeakCadssTimeH), below < never - 0.5 ? below : null, Q(x => x.Antidepressant4H), Q(x => x.AntidepressantDay1), Q(x => x.AntidepressantDay7));
    }
}
