using System.Collections.Immutable;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.DataSets;

/// <summary>
/// A built-in ketamine parameter set (Domino, Hijazi, Herd, Perez-Ruixo 2021) as a data-set model: its own parameter names
/// and units (see <see cref="PkParameterSet.Parameters"/>), plus WT (kg, default 70) and AGE (years, default 45), the
/// covariates its equations use; compartments in the order of the model it builds (central first).
/// </summary>
internal sealed class ParameterSetKernel : ModelKernel
{
    private readonly PkParameterSet _set;
    private readonly int _p;

    public ParameterSetKernel(PkParameterSet set)
    {
        _set = set;
        _p = set.Parameters.Length;
        var typical = set.CreateModel(Subject.TypicalAdult);
        CompartmentNames = [.. typical.Compartments.Select(c => c.Name)];
        Central = typical.CentralIndex;
        Metabolite = typical.MetaboliteIndex;
        ParameterNames = [.. set.Parameters.Select(p => p.Name.ToUpperInvariant()), "WT", "AGE"];
        Defaults = [.. set.Parameters.Select(p => p.Value), Subject.TypicalAdult.WeightKg, Subject.TypicalAdult.AgeYears];
    }

    public override ImmutableArray<string> CompartmentNames { get; }

    public override ImmutableArray<string> ParameterNames { get; }

    public override ImmutableArray<double> Defaults { get; }

    public override int DefaultDose => Central;

    public override int Central { get; }

    public override int Metabolite { get; }

    public override (double CentralL, double MetaboliteL) Build(ReadOnlySpan<double> values, double[] k, int row)
    {
        var set = _set;
        for (int i = 0; i < _p; i++)
        {
            if (values[i] == set.Parameters[i].Value) continue;
            try
            {
                set = set.WithParameter(set.Parameters[i].Name, values[i]);
            }
            catch (ArgumentException ex)
            {
                throw new DataSetFormatException(row, ParameterNames[i], Message(ex));
            }
        }
        Subject subject;
        try
        {
            subject = Subject.TypicalAdult with { WeightKg = values[_p], AgeYears = values[_p + 1] };
        }
        catch (ArgumentException ex)
        {
            throw new DataSetFormatException(row, ex.ParamName == nameof(Subject.AgeYears) ? "AGE" : "WT", Message(ex));
        }
        PkModel model;
        try
        {
            model = set.CreateModel(subject);
        }
        catch (ArgumentException ex)
        {
            throw new DataSetFormatException(row, "(parameters)", Message(ex));
        }
        model.RateMatrix.CopyTo(k, 0);
        return (model.CentralCompartment.VolumeL, model.MetaboliteCompartment?.VolumeL ?? 0);
    }

    private static string Message(Exception ex)
    {
        string m = ex.Message;
        int cut = m.IndexOfAny(['\r', '\n']);
        if (cut >= 0) m = m[..cut];
        if (ex is ArgumentException { ParamName: { } p } && m.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal)) m = m[..^($" (Parameter '{p}')".Length)];
        return m;
    }
}
