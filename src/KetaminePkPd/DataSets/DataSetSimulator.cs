using System.Runtime.ExceptionServices;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Simulates NONMEM-style event data sets exactly (matrix exponentials between events, steady states solved for): one
/// prediction per record, following NONMEM's event semantics (docs/datasets.md).
/// </summary>
/// <example><code>
/// var model = DataSetModel.Advan(2).WithParameters([new("CL", 1.1), new("V", 20), new("KA", 1.5)]);
/// foreach (var subject in DataSetReader.Parse(File.ReadAllText("events.csv")))
///     Console.WriteLine(DataSetSimulator.Simulate(model, subject).CmaxNgPerMl);
/// </code></example>
internal static class DataSetSimulator
{
    /// <summary>Simulates one subject.</summary>
    /// <param name="model">The model.</param>
    /// <param name="subject">The subject's records.</param>
    /// <param name="timing">Which record's parameter values advance each interval (NONMEM's default: the record that ends it).</param>
    /// <returns>The state at every record.</returns>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <paramref name="timing"/>.</exception>
    /// <exception cref="DataSetFormatException">A record the model cannot simulate (unknown CMT, a missing or out-of-range parameter,
    /// <c>RATE -1</c> without R, ...); the message names the row and column.</exception>
    public static SubjectPrediction Simulate(DataSetModel model, DataSetSubject subject, ParameterTiming timing = ParameterTiming.NextRecord)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subject);
        if (!Enum.IsDefined(timing)) throw new ArgumentOutOfRangeException(nameof(timing), timing, "Undefined parameter timing.");
        return new SubjectEngine(model, timing).Simulate(subject);
    }

    /// <summary>
    /// Simulates many subjects, several at a time in parallel, returning them lazily in input order. Memory stays bounded:
    /// at most <paramref name="batchSize"/> subjects are held at once, so a data set of any length streams through.
    /// Results do not depend on the number of cores (each subject is simulated on its own).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="subjects">The subjects (e.g. from <see cref="DataSetReader.ReadSubjects"/>), enumerated once.</param>
    /// <param name="timing">Parameter timing.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, or -1 for all cores.</param>
    /// <param name="batchSize">Subjects simulated per parallel batch, 1 to 100,000.</param>
    /// <returns>One prediction per subject, in input order.</returns>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bad <paramref name="timing"/>, <paramref name="maxDegreeOfParallelism"/> or <paramref name="batchSize"/>.</exception>
    /// <exception cref="DataSetFormatException">The first (in input order) record that cannot be simulated.</exception>
    public static IEnumerable<SubjectPrediction> SimulateMany(DataSetModel model, IEnumerable<DataSetSubject> subjects, ParameterTiming timing = ParameterTiming.NextRecord,
        int maxDegreeOfParallelism = -1, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subjects);
        if (!Enum.IsDefined(timing)) throw new ArgumentOutOfRangeException(nameof(timing), timing, "Undefined parameter timing.");
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "maxDegreeOfParallelism must be -1 (all cores) or >= 1.");
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 100_000);
        return Stream(model, subjects, timing, maxDegreeOfParallelism, batchSize);
    }

    private static IEnumerable<SubjectPrediction> Stream(DataSetModel model, IEnumerable<DataSetSubject> subjects, ParameterTiming timing, int threads, int batchSize)
    {
        var batch = new List<DataSetSubject>(batchSize);
        var results = new SubjectPrediction?[batchSize];
        var errors = new Exception?[batchSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        using var engines = new ThreadLocal<SubjectEngine>(() => new SubjectEngine(model, timing));
        using var e = subjects.GetEnumerator();
        while (true)
        {
            batch.Clear();
            while (batch.Count < batchSize && e.MoveNext()) batch.Add(e.Current ?? throw new ArgumentException("subjects holds a null subject.", nameof(subjects)));
            if (batch.Count == 0) yield break;
            Array.Clear(errors);
            Parallel.For(0, batch.Count, options, i =>
            {
                try
                {
                    results[i] = engines.Value!.Simulate(batch[i]);
                }
                catch (Exception ex)
                {
                    errors[i] = ex;
                }
            });
            for (int i = 0; i < batch.Count; i++)
            {
                if (errors[i] is { } ex) ExceptionDispatchInfo.Capture(ex).Throw();
                yield return results[i]!;
                results[i] = null;
            }
        }
    }
}
