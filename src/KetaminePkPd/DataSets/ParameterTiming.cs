namespace KetaminePkPd.DataSets;

/// <summary>Which record's parameter values advance the state over the interval between two records.</summary>
public enum ParameterTiming
{
    /// <summary>
    /// NONMEM's default: the interval that ends at a record is advanced with that record's values (the values on a record
    /// hold from the previous record's time up to its own). The nmtests <c>time-varying-01</c> run pins this down.
    /// </summary>
    NextRecord = 0,

    /// <summary>
    /// Last observation carried forward: the values on a record hold from its time until the next record (the interval
    /// that ends at a record is advanced with the previous record's values), like rxode2's default covariate interpolation
    /// and mrgsolve with <c>nocb = FALSE</c>.
    /// </summary>
    LastObservationCarriedForward = 1,
}
