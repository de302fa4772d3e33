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
    private readonly bool[] _fromModel;

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
        var naming = Naming(model, columnNames);
        _fromModel = new bool[Count];
        foreach (var (name, value) in model.Given)
        {
            int slot = SlotOf(model, model.Canonical(name, naming)!);
            _constant[slot] = value;
            _fromModel[slot] = true;
        }
        for (int col = 0; col < columnNames.Length; col++)
        {
            if (model.Canonical(columnNames[col], naming) is { } canonical) _column[SlotOf(model, canonical)] = col;
        }
        Names = [.. Enumerable.Range(0, Count).Select(i => i < p ? kernel.ParameterNames[i] : $"{DataSetModel.PerCompartmentPrefixes[(i - p) / n]}{(i - p) % n + 1}")];
        for (int i = 0; i < p; i++)
        {
            if (_column[i] < 0 && double.IsNaN(_constant[i]))
                throw new DataSetFormatException(0, kernel.ParameterNames[i],
                    $"model '{model.Name}' needs a value of {kernel.ParameterNames[i]}: add a {kernel.ParameterNames[i]} column to the data set or give it in the model file.");
        }
    }

    /// <summary>
    /// The naming of ADVAN4/12 parameters (V central here, V2 central in NONMEM's TRANS4) that both the model's fixed
    /// parameters and the data set's columns use. Each source that uses a name of either meaning (V2) must also use one that
    /// decides (V here; V3, or Q4 and V4, in TRANS4); the two may not decide differently.
    /// </summary>
    private static ParameterNaming Naming(DataSetModel model, ImmutableArray<string> columnNames)
    {
        const string fixedSource = "the model's fixed parameters", columnSource = "the data set's columns";
        ParameterNaming? fromModel, fromColumns;
        try
        {
            fromModel = model.NamingOf(model.Given.Select(g => g.Key), fixedSource, allowUndecided: false);
        }
        catch (ArgumentException ex)
        {
            throw DataSetFormatException.ModelParameter(model.Given.Select(g => g.Key).FirstOrDefault(n => model.Canonical(n) != model.Canonical(n, ParameterNaming.Trans4)) ?? "", ex.Message);
        }
        try
        {
            fromColumns = model.NamingOf(columnNames, columnSource, allowUndecided: false);
        }
        catch (ArgumentException ex)
        {
            throw new DataSetFormatException(1, "", ex.Message);
        }
        var decidedByModel = model.NamingOf(model.Given.Select(g => g.Key), fixedSource, allowUndecided: true, decidedOnly: true);
        var decidedByColumns = model.NamingOf(columnNames, columnSource, allowUndecided: true, decidedOnly: true);
        if (decidedByModel is { } m && decidedByColumns is { } c && m != c)
            throw new DataSetFormatException(1, "", $"the model's fixed parameters name {model.Name}'s parameters {Words(m)} and the data set's columns {Words(c)}; use one naming.");
        return decidedByModel ?? decidedByColumns ?? fromModel ?? fromColumns ?? ParameterNaming.Here;
    }

    private static string Words(ParameterNaming naming) => naming == ParameterNaming.Trans4 ? "as NONMEM's TRANS4 does (V2 central)" : "as here (V central)";

    /// <summary>The column names these slots were resolved against.</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>Number of slots.</summary>
    public int Count { get; }

    /// <summary>Slot names (for messages), e.g. CL, F1, ALAG2.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>True if the slot takes its value from a column.</summary>
    public bool FromColumn(int slot) => _column[slot] >= 0;

    /// <summary>True if the slot takes its value from the model's fixed parameters (not a column, not a default).</summary>
    public bool FromModel(int slot) => _column[slot] < 0 && _fromModel[slot];

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
