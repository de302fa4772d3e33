namespace KetaminePkPd;

/// <summary>How a random effect (eta) acts on a parameter's typical value.</summary>
internal enum ParameterScale
{
    /// <summary>Log-normal: individual = typical x exp(eta). For positive quantities (clearances, volumes, rate constants, C50).</summary>
    Log,

    /// <summary>Logit-normal: logit(individual) = logit(typical) + eta. For fractions in (0, 1) such as bioavailability.</summary>
    Logit,

    /// <summary>Normal: individual = typical + eta. For quantities that may take any sign.</summary>
    Additive,
}
