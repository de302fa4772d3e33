using System.Collections.Immutable;

namespace KetaminePkPd.DataSets;

/// <summary>
/// The simulated state at every record of one subject: the central concentration CP (ng/mL, with amounts in mg and volumes
/// in L), the metabolite's concentration where the model has one, the amount in each compartment (mg), and exposure metrics.
/// Immutable.
/// </summary>
/// <remarks>A record reports the state after everything that happens at its time up to and including the record itself
/// (its own dose or reset, and lagged or additional doses landing then).</remarks>
public sealed class SubjectPrediction
{
    private readonly double[] _amounts;

    internal SubjectPrediction(DataSetSubject subject, ImmutableArray<string> compartmentNames, double[] cp, double[] cm, double[] amounts,
        double cmax, double tmax, double auc)
    {
        Subject = subject;
        CompartmentNames = compartmentNames;
        ConcentrationsNgPerMl = ImmutableArray.Create(cp);
        MetaboliteNgPerMl = ImmutableArray.Create(cm);
        _amounts = amounts;
        CmaxNgPerMl = cmax;
        TmaxH = tmax;
        AucNgHPerMl = auc;
    }

    /// <summary>The subject and its records.</summary>
    public DataSetSubject Subject { get; }

    /// <summary>Compartment names in number order.</summary>
    public ImmutableArray<string> CompartmentNames { get; }

    /// <summary>CP, ng/mL, one per record.</summary>
    public ImmutableArray<double> ConcentrationsNgPerMl { get; }

    /// <summary>The metabolite's central concentration, ng/mL, one per record; empty when the model has no metabolite.</summary>
    public ImmutableArray<double> MetaboliteNgPerMl { get; }

    /// <summary>Largest CP over the records, ng/mL.</summary>
    public double CmaxNgPerMl { get; }

    /// <summary>Time of the first record with CP = <see cref="CmaxNgPerMl"/>, h.</summary>
    public double TmaxH { get; }

    /// <summary>Exact integral of CP from the first record's time to the last's, ng.h/mL.</summary>
    public double AucNgHPerMl { get; }

    /// <summary>The amount in a compartment at a record, mg.</summary>
    /// <param name="record">Record index, 0-based.</param>
    /// <param name="compartment">Compartment number, 1-based.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index out of range.</exception>
    public double AmountMg(int record, int compartment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(record);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(record, ConcentrationsNgPerMl.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(compartment, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compartment, CompartmentNames.Length);
        return _amounts[record * CompartmentNames.Length + compartment - 1];
    }

    internal ReadOnlySpan<double> Amounts(int record) => _amounts.AsSpan(record * CompartmentNames.Length, CompartmentNames.Length);
}
