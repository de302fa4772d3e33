namespace KetaminePkPd.Web.Model;

/// <summary>What the route menu offers: the library's routes, with IV split into an infusion and a bolus.</summary>
internal enum RouteChoice
{
    /// <summary>Constant-rate intravenous infusion over a chosen duration.</summary>
    IntravenousInfusion,

    /// <summary>Intravenous bolus.</summary>
    IntravenousBolus,

    /// <summary>Intranasal spray (esketamine: whole 28 mg devices, 5 min apart).</summary>
    Intranasal,

    /// <summary>Intramuscular injection.</summary>
    Intramuscular,

    /// <summary>Oral.</summary>
    Oral,

    /// <summary>Sublingual.</summary>
    Sublingual,

    /// <summary>Subcutaneous injection.</summary>
    Subcutaneous,
}
