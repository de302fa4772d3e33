using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>One hypothesis's strongest correlation at one assessment (<see cref="HypothesisCeilings"/>). Immutable.</summary>
internal sealed class HypothesisCeiling
{
    internal HypothesisCeiling(string hypothesis, TimeSpan time, double exposureOnlyR, string strength, double derivedR, double simulatedR)
    {
        Hypothesis = hypothesis;
        Time = time;
        ExposureOnlyR = exposureOnlyR;
        Strength = strength;
        DerivedR = derivedR;
        SimulatedR = simulatedR;
    }

    /// <summary>The hypothesis name.</summary>
    public string Hypothesis { get; }

    /// <summary>The assessment.</summary>
    public TimeSpan Time { get; }

    /// <summary>r of rated CADSS and % change under exposure-only (the hypothesis at strength 0).</summary>
    public double ExposureOnlyR { get; }

    /// <summary>The strength at which the hypothesis reaches <see cref="DerivedR"/> (e.g. <c>rho 1</c>).</summary>
    public string Strength { get; }

    /// <summary>r at that strength from the exposure-only population (patients paired by their latent scores).</summary>
    public double DerivedR { get; }

    /// <summary>r at that strength in the same population simulated under the hypothesis.</summary>
    public double SimulatedR { get; }
}
