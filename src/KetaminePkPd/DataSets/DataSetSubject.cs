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
    public DataSetSubject(ImmutableArray<string> columnNames, ImmutableArray<EventRecord> records)
    {
        if (columnNames.IsDefault) columnNames = [];
        if (records.IsDefaultOrEmpty) throw new ArgumentException("A subject needs at least one record.", nameof(records));
        foreach (var c in columnNames)
            if (string.IsNullOrWhiteSpace(c)) throw new ArgumentException("Column names must not be empty.", nameof(columnNames));
        string id = records[0]?.Id ?? throw new ArgumentException("records[0] is null.", nameof(records));
        for (int i = 0; i < records.Length; i++)
        {
            var r = records[i] ?? throw new ArgumentException($"records[{i}] is null.", nameof(records));
            if (r.Id != id) throw new DataSetFormatException(r.Row, "ID", $"all records of a subject must have ID {id}, got {r.Id}.");
            if (r.Values.Length != columnNames.Length)
                throw new DataSetFormatException(r.Row, "(columns)", $"the record has {r.Values.Length} values for {columnNames.Length} columns.");
            if (i > 0 && r.TimeH < records[i - 1].TimeH)
                throw new DataSetFormatException(r.Row, "TIME", $"times must not go back within an ID: {Guard.F(r.TimeH)} h after {Guard.F(records[i - 1].TimeH)} h (ID {id}).");
        }
        Id = id;
        ColumnNames = columnNames;
        Records = records;
    }

    /// <summary>The subject's ID.</summary>
    public string Id { get; }

    /// <summary>Names of the other columns, in the order of each record's values.</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>The records, in time order.</summary>
    public ImmutableArray<EventRecord> Records { get; }
}
