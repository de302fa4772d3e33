using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Populations;

// One-call population simulation: virtual patients of this population under a regimen, summarised as percentile bands of
// concentration and effects over time (PopulationSimulation).
public sealed partial record PopulationModel
{
    /// <summary>The largest number of patients <see cref="Simulate"/> accepts (its memory grows as patients x output times).</summary>
    public const int MaxSimulatedSubjects = 100_000;

    /// <summary>The percentiles <see cref="Simulate"/> computes unless told otherwise: 5th, 25th, 50th, 75th and 95th.</summary>
    public static IReadOnlyList<double> DefaultPercentiles { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>
    /// Simulates <paramref name="subjects"/> virtual patients of this population (patients 0 .. subjects-1 of
    /// <paramref name="seed"/>, as <see cref="SampleSubject"/>) under <paramref name="regimen"/>, each with their own PK model,
    /// dissociation and antidepressant models, and returns the percentiles across patients of the parent concentration and
    /// of both effects at every output time. Patients run in parallel when <paramref name="parallel"/> is true; the numbers
    /// are the same bit for bit on any number of cores, serial or parallel, because patient i depends only on (seed, i)
    /// and each patient's results go to its own slot.
    /// </summary>
    /// <param name="regimen">The doses every patient receives (mg/kg doses scale with each patient's weight).</param>
    /// <param name="subjects">Number of patients, in [1, <see cref="MaxSimulatedSubjects"/>].</param>
    /// <param name="seed">Seed of the population draw.</param>
    /// <param name="options">Output times and solver; null for <see cref="SimulationOptions.Default"/> (0 to 24 h every 5 min).</param>
    /// <param name="percentiles">Probabilities of the percentile curves to compute, each in [0, 1] (0.25 for the 25th percentile);
    /// null for <see cref="DefaultPercentiles"/>. Sorted and de-duplicated. The 5th, 50th and 95th percentiles are always in
    /// <see cref="TimeCourseBand.P5"/>, <see cref="TimeCourseBand.Median"/> and <see cref="TimeCourseBand.P95"/>.</param>
    /// <param name="parallel">Whether to use every core.</param>
    /// <returns>The bands (R type 7 quantiles, <see cref="Statistics.SamplingDistribution.Quantile"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regimen"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="subjects"/> outside [1, <see cref="MaxSimulatedSubjects"/>], or a percentile outside [0, 1].</exception>
    /// <exception cref="ArgumentException">A route the PK set does not support, or a variability name that is not a parameter (as <see cref="SampleSubject"/>).</exception>
    /// <example><code>
    /// var population = PopulationModel.Default(PkParameterSet.Domino);
    /// var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
    /// var bands = population.Simulate(regimen, subjects: 1000, seed: 42);
    /// Console.WriteLine(bands.Concentration.Percentile(0.75)[8]);   // 75th percentile at 40 min, ng/mL
    /// </code></example>
    public PopulationSimulation Simulate(DosingRegimen regimen, int subjects, ulong seed, SimulationOptions? options = null,
        IEnumerable<double>? percentiles = null, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        if (subjects < 1 || subjects > MaxSimulatedSubjects)
            throw new ArgumentOutOfRangeException(nameof(subjects), subjects, $"subjects must be in [1, {MaxSimulatedSubjects}], got {subjects}.");
        double[] probabilities = [.. (percentiles ?? DefaultPercentiles).Distinct().Order()];
        foreach (double p in probabilities) Guard.InRange(p, 0, 1, nameof(percentiles));
        options ??= SimulationOptions.Default;
        var population = this;
        var drug = Pk.Drug;
        var concentration = new double[subjects][];
        var dissociation = new double[subjects][];
        var antidepressant = new double[subjects][];
        double[]? times = null;
        void One(int i)
        {
            var patient = population.SampleSubject(seed, i);
            var model = new PkPdModel(patient.CreatePkModel(population.Pk), [patient.CreateDissociation(population.Effects, drug), patient.CreateAntidepressant(population.Effects, drug)]);
            var r = PkPdSimulator.Simulate(model, regimen, options);
            concentration[i] = [.. r.Pk.ParentNgPerMl];
            dissociation[i] = [.. r.Dissociation.Values];
            antidepressant[i] = [.. r.Antidepressant.Values];
            if (i == 0) times = [.. r.TimesH];
        }
        // Patient 0 first, on this thread: a bad route or variability name throws here, once, before any parallel work.
        One(0);
        if (parallel) Parallel.For(1, subjects, One);
        else for (int i = 1; i < subjects; i++) One(i);
        return new PopulationSimulation(subjects, seed, regimen, TimeCourseBand.Of(times!, concentration, probabilities),
            TimeCourseBand.Of(times!, dissociation, probabilities), TimeCourseBand.Of(times!, antidepressant, probabilities));
    }
}
