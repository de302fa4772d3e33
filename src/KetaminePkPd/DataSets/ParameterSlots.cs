using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>
/// Where each parameter value of a record comes from: a data-set column, or a constant (fixed value or default).
/// Slots: the structural parameters, then F, ALAG, D and R for each compartment (n slots each).
/// </summary>
internal sealed class ParameterSlots
{
    private readonly int[] _column;
    private readonly double[] _constant;

    public ParameterSlots(DataSetModel model, ImmutableArray<string> columnNames)
    {
        ColumnNames = columnNames;
        var kernel = model.Kernel;
        int p = kernel.ParameterNames.Length, n = kernel.CompartmentNames.Length;
        Count = p + 4 * n;
        _column = new int[Count];
        _constant = new double[Count];
        Array.Fill(_column, -1);
        for (int i = 0; i < p; i++) _constant[i] = kernel.Defaults[i];
        for (int c = 0; c < n; c++)
        {
            _constant[p + c] = 1;
            _constant[p + n + c] = 0;
            _constant[p + 2 * n + c] = double.NaN;
            _constant[p + 3 * n + c] = double.NaN;
        }
        foreach (var (name, value) in model.FixedParameters) _constant[SlotOf(model, name)] = value;
        for (int col = 0; col < columnNames.Length; col++)
        {
            if (model.Canonical(columnNames[col]) is { } canonical) _column[SlotOf(model, canonical)] = col;
        }
        Names = [.. Enumerable.Range(0, Count).Select(i => i < p ? kernel.ParameterNames[i] : $"{DataSetModel.PerCompartmentPrefixes[(i - p) / n]}{(i - p) % n + 1}")];
        for (int i = 0; i < p; i++)
        {
            if (_column[i] < 0 && double.IsNaN(_constant[i]))
                throw new DataSetFormatException(0, kernel.ParameterNames[i],
                    $"model '{model.Name}' needs a value of {kernel.ParameterNames[i]}: add a {kernel.ParameterNames[i]} column to the data set or give it in the model file.");
        }
    }

    /// <summary>The column names these slots were resolved against.</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>Number of slots.</summary>
    public int Count { get; }

    /// <summary>Slot names (for messages), e.g. CL, F1, ALAG2.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>True if the slot takes its value from a column.</summary>
    public bool FromColumn(int slot) => _column[slot] >= 0;

    /// <summary>Writes the record's value of every slot.</summary>
    public void Fill(EventRecord record, Span<double> values)
    {
        var v = record.Values;
        for (int i = 0; i < Count; i++) values[i] = _column[i] >= 0 ? v[_column[i]] : _constant[i];
    }

    private static int SlotOf(DataSetModel model, string canonical)
    {
        var kernel = model.Kernel;
        int p = kernel.ParameterNames.Length, n = kernel.CompartmentNames.Length;
        int i = kernel.ParameterNames.IndexOf(canonical);
        if (i >= 0) return i;
        for (int k = DataSetModel.PerCompartmentPrefixes.Length - 1; k >= 0; k--)
        {
            string prefix = DataSetModel.PerCompartmentPrefixes[k];
            if (canonical.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(canonical.AsSpan(prefix.Length), out int c))
                return p + k * n + c - 1;
        }
        throw new InvalidOperationException($"Unresolved parameter {canonical}.");
    }
}
