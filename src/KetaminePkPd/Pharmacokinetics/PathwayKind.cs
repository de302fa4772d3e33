namespace KetaminePkPd.Pharmacokinetics;

/// <summary>How an absorption pathway's fraction applies to a dose.</summary>
internal enum PathwayKind
{
    /// <summary>A fixed fraction of the dose enters the target compartment.</summary>
    Direct,

    /// <summary>The fraction absorbed through the nasal mucosa (FRn). With an <see cref="IntranasalDevices"/> rule, later devices
    /// of one session use FRn x <see cref="IntranasalDevices.LaterDeviceNasalFactor"/>.</summary>
    Nasal,

    /// <summary>A fraction (e.g. Fgut) of what the <see cref="Nasal"/> pathways did not absorb: the swallowed part of a nasal spray.</summary>
    SwallowedRemainder,
}
