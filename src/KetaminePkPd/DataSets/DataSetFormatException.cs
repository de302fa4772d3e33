namespace KetaminePkPd.DataSets;

/// <summary>
/// A data-set record that cannot be read or simulated: a non-numeric cell, times going back within an ID, <c>SS</c> without
/// <c>II</c>, an unknown <c>CMT</c>, a parameter out of range. The message names the row (line number in the file, the header
/// being line 1) and the column, on one line.
/// </summary>
public sealed class DataSetFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="row">Line number of the record in its file (header = 1), or 0 when not known.</param>
    /// <param name="column">Column (or parameter) name the problem is in, or empty for the whole row.</param>
    /// <param name="problem">What is wrong and what is allowed.</param>
    public DataSetFormatException(int row, string column, string problem)
        : base((row > 0 ? $"data set row {row}" : "data set") + (column.Length > 0 ? $", column {ErrorText.Excerpt(column)}: " : ": ") + problem)
    {
        Row = row;
        Column = column;
        Problem = problem;
    }

    private DataSetFormatException(string message, string column, string problem, Exception? inner)
        : base(message, inner)
    {
        Column = column;
        Problem = problem;
    }

    /// <summary>What is wrong and what is allowed, without the row and column.</summary>
    internal string Problem { get; }

    /// <summary>A problem of a parameter fixed in the model (a model file), not of a data-set row.</summary>
    internal static DataSetFormatException ModelParameter(string column, string problem) =>
        new($"model parameter {column}: {problem}", column, problem, null);

    /// <summary>
    /// The same problem blamed on the model: the parameter's value was fixed in the model (a model file), not taken from a
    /// column, so the data set's row is not where to look.
    /// </summary>
    internal static DataSetFormatException FixedInModel(DataSetFormatException ex) =>
        new($"model parameter {ex.Column} (fixed in the model; the data set has no {ex.Column} column): {ex.Problem}", ex.Column, ex.Problem, ex);

    /// <summary>Line number of the record (header = 1), or 0 when not known.</summary>
    public int Row { get; }

    /// <summary>The column or parameter name.</summary>
    public string Column { get; }
}
