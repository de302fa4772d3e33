namespace KetaminePkPd.DataSets;

/// <summary>How the structural parameters of ADVAN4 and ADVAN12 are named (see <see cref="DataSetModel.NamingOf"/>).</summary>
internal enum ParameterNaming
{
    /// <summary>The names used here: V central, V2 and V3 the peripherals, Q and Q3 their flows.</summary>
    Here,

    /// <summary>NONMEM's TRANS4: V2 central, V3 and V4 the peripherals, Q (ADVAN4) or Q3 and Q4 (ADVAN12) their flows.</summary>
    Trans4,
}
