namespace KetaminePkPd;

/// <summary>Ancestry categories that are covariates in Perez-Ruixo et al. 2021 (esketamine).</summary>
public enum Ancestry
{
    /// <summary>Not Asian (the reference category).</summary>
    NonAsian,

    /// <summary>Asian, not Japanese: kel x 0.36, noresketamine CL x 0.81.</summary>
    AsianNonJapanese,

    /// <summary>Japanese: the Asian effects plus FRn x 1.34.</summary>
    Japanese,
}
