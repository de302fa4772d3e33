using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>The linear system behind a <see cref="DataSetModel"/>: compartments, parameter names and the rate matrix built from parameter values.</summary>
internal abstract class ModelKernel
{
    /// <summary>Compartment names in NONMEM number order (number = index + 1).</summary>
    public abstract ImmutableArray<string> CompartmentNames { get; }

    /// <summary>Parameter names (upper case), in the order <see cref="Build"/> reads them.</summary>
    public abstract ImmutableArray<string> ParameterNames { get; }

    /// <summary>Default values (NaN where the value must come from the data set or the model file).</summary>
    public abstract ImmutableArray<double> Defaults { get; }

    /// <summary>Index of the compartment a dose without CMT goes to.</summary>
    public abstract int DefaultDose { get; }

    /// <summary>Index of the central compartment (CP is its concentration).</summary>
    public abstract int Central { get; }

    /// <summary>Index of the metabolite's central compartment, or -1.</summary>
    public virtual int Metabolite => -1;

    /// <summary>Parameter aliases accepted in data-set columns and model files (alias to canonical name).</summary>
    public virtual IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>();

    /// <summary>NONMEM's TRANS4 names of the structural parameters, each with the name used here, for the models whose TRANS4
    /// names differ from these (ADVAN4 and ADVAN12: the central volume is V2 there); empty for the others.</summary>
    public virtual IReadOnlyDictionary<string, string> Trans4 { get; } = new Dictionary<string, string>();

    /// <summary>Builds K (n x n row-major, K[to * n + from]) and the volumes from parameter values.</summary>
    /// <param name="values">One value per <see cref="ParameterNames"/> entry.</param>
    /// <param name="k">Receives K (zeroed by the caller).</param>
    /// <param name="row">Row for error messages.</param>
    /// <returns>Central volume and metabolite volume (0 without metabolite), L.</returns>
    /// <exception cref="DataSetFormatException">A value out of range; the message names the parameter.</exception>
    public abstract (double CentralL, double MetaboliteL) Build(ReadOnlySpan<double> values, double[] k, int row);
}
