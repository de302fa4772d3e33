namespace KetaminePkPd.DataSets;

/// <summary>What a data-set record is: NONMEM's <c>EVID</c> values.</summary>
internal enum EventKind
{
    /// <summary><c>EVID 0</c>: an observation (the record reports the state; nothing changes).</summary>
    Observation = 0,

    /// <summary><c>EVID 1</c>: a dose (bolus, infusion, steady state, additional doses).</summary>
    Dose = 1,

    /// <summary><c>EVID 2</c>: an other-type event (e.g. a covariate change); reports the state.</summary>
    Other = 2,

    /// <summary><c>EVID 3</c>: a reset: every compartment emptied, every infusion and pending dose discarded.</summary>
    Reset = 3,

    /// <summary><c>EVID 4</c>: a reset followed by a dose at the same time.</summary>
    ResetAndDose = 4,
}
