using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>The records of one subject (one contiguous block of an <c>ID</c> in a data set), in time order. Immutable and always valid.</summary>
public sealed record DataSetSubject
{
    /// <summary>Creates a subject.</summary>
    /// <param name="columnNames">Names of the data set's other columns (covariates, per-record parameters), in the order of each record's <see cref="EventRecord.Values"/>.</param>
    /// <param name="records">At least one record, all with the same ID, times non-decreasing, each with one value per column name.</param>
    /// <exception cref="ArgumentException">No records, or a null record or column name.</exception>
    /// <exception cref="DataSetFormatException">Mixed IDs, a time going back, or a record with the wrong number of values.</exception>
    internal DataSetSubject(ImmutableArray<string> columnNames, ImmutableArray<EventRecord> records)
    {
        ColumnNames = columnNames.IsDefault ? [] : columnNames;
        Records = !records.IsDefaultOrEmpty ? records : throw new ArgumentException("A subject needs at least one record.", nameof(records));
        foreach (var c in ColumnNames)
            if (string.IsNullOrWhiteSpace(c)) throw new ArgumentException("Column names must not be empty.", nameof(columnNames));
        Id = records[0]?.Id ?? throw new ArgumentException("records[0] is null.", nameof(records));
        for (int i = 0; i < records.Length; i++)
        {
            var r = records[i] ?? throw new ArgumentException($"records[{i}] is null.", nameof(records));
            if (r.Id != Id) throw new DataSetFormatException(r.Row, "ID", $"all records of a subject must have ID {ErrorText.Excerpt(Id)}, got {ErrorText.Excerpt(r.Id)}.");
            if (r.Values.Length != ColumnNames.Length)
                throw new DataSetFormatException(r.Row, "(columns)", $"the record has {r.Values.Length} values for {ColumnNames.Length} columns.");
            if (i > 0 && r.TimeH < records[i - 1].TimeH)
                throw new DataSetFormatException(r.Row, "TIME", $"times must not go back within an ID: {Guard.F(r.TimeH)} h after {Guard.F(records[i - 1].TimeH)} h (ID {ErrorText.Excerpt(Id)}).");
        }
    }

    /// <summary>The subject's ID.</summary>
    public string Id { get; }

    /// <summary>Names of the other columns, in the order of each record's values.</summary>
    public EquatableArray<string> ColumnNames { get; }

    /// <summary>The records, in time order.</summary>
    internal EquatableArray<EventRecord> Records { get; }

    /// <summary>
    /// A copy with an output-only record (<see cref="EventKind.Other"/>, <c>EVID 2</c>, row 0) at each given time that has
    /// no record yet, so that the simulation also reports the state there. Each carries the parameter and covariate values
    /// that leave the simulation unchanged under <paramref name="timing"/>: those of the next record for NONMEM's default
    /// (the last record's after the last one), those of the previous record for LOCF (the first record's before the first).
    /// </summary>
    /// <param name="timesH">Output times, h, finite; in any order; duplicates and times of existing records are skipped.</param>
    /// <param name="timing">The parameter timing the subject will be simulated with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timesH"/> is null.</exception>
    /// <exception cref="ArgumentException">A time that is not finite, or more than 1,000,000 times.</exception>
    public DataSetSubject WithOutputTimes(IEnumerable<double> timesH, ParameterTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timesH);
        var times = new SortedSet<double>();
        foreach (var t in timesH)
        {
            if (!double.IsFinite(t)) throw new ArgumentException($"Output times must be finite, got {t}.", nameof(timesH));
            times.Add(t);
            if (times.Count > 1_000_000) throw new ArgumentException("At most 1,000,000 output times per subject.", nameof(timesH));
        }
        var existing = new HashSet<double>(Records.Select(r => r.TimeH));
        var result = ImmutableArray.CreateBuilder<EventRecord>(Records.Length + times.Count);
        int next = 0;
        foreach (var t in times)
        {
            if (existing.Contains(t)) continue;
            while (next < Records.Length && Records[next].TimeH < t) result.Add(Records[next++]);
            var source = timing == ParameterTiming.LastObservationCarriedForward
                ? Records[Math.Max(0, next - 1)]
                : Records[Math.Min(next, Records.Length - 1)];
            result.Add(new EventRecord(Id, t, EventKind.Other, values: source.Values));
        }
        while (next < Records.Length) result.Add(Records[next++]);
        return new DataSetSubject(ColumnNames, result.ToImmutable());
    }

    /// <summary>The longest data-set row read: 1 048 576 characters; a longer one is a <see cref="DataSetFormatException"/> naming the row.</summary>
    public const int MaxRowChars = DataSetReader.MaxRowChars;

    /// <inheritdoc cref="DataSetReader.ReadSubjects"/>
    public static IEnumerable<DataSetSubject> Read(TextReader reader, IReadOnlyList<string>? compartmentNames = null) =>
        DataSetReader.ReadSubjects(reader, compartmentNames);

    /// <inheritdoc cref="DataSetReader.Parse(string, IReadOnlyList{string})"/>
    public static ImmutableArray<DataSetSubject> Parse(string text, IReadOnlyList<string>? compartmentNames = null) =>
        DataSetReader.Parse(text, compartmentNames);
}
