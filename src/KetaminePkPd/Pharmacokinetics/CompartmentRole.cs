namespace KetaminePkPd.Pharmacokinetics;

/// <summary>What a compartment represents; decides which concentrations a simulation reports.</summary>
internal enum CompartmentRole
{
    /// <summary>An absorption depot (nasal cavity, gut, muscle, ...): holds drug not yet absorbed; has no volume.</summary>
    Depot,

    /// <summary>The parent drug's central (plasma) compartment: its concentration is the reported parent concentration. Exactly one per model.</summary>
    Central,

    /// <summary>A peripheral distribution compartment of the parent drug.</summary>
    Peripheral,

    /// <summary>The hepato-portal (liver) compartment of a first-pass model (Perez-Ruixo 2021).</summary>
    Hepatic,

    /// <summary>The metabolite's central compartment: its concentration is the reported metabolite concentration. At most one per model.</summary>
    MetaboliteCentral,

    /// <summary>A peripheral compartment of the metabolite.</summary>
    MetabolitePeripheral,
}
