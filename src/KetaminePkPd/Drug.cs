namespace KetaminePkPd;

/// <summary>The active substance administered.</summary>
public enum Drug
{
    /// <summary>Racemic (R,S)-ketamine; its metabolite is norketamine.</summary>
    RacemicKetamine,

    /// <summary>Esketamine, (S)-ketamine; its metabolite is noresketamine.</summary>
    Esketamine,
}
