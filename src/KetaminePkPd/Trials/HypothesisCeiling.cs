namespace KetaminePkPd.Trials;

/// <summary>One hypothesis's strongest correlation at one assessment (<see cref="HypothesisCeilings"/>). Immutable.</summary>
/// <param name="Hypothesis">The hypothesis name.</param>
/// <param name="Time">The assessment.</param>
/// <param name="ExposureOnlyR">r of rated CADSS and % change under exposure-only (the hypothesis at strength 0).</param>
/// <param name="Strength">The strength at which the hypothesis reaches <see cref="DerivedR"/> (e.g. <c>rho 1</c>).</param>
/// <param name="DerivedR">r at that strength from the variance components of the exposure-only population.</param>
/// <param name="SimulatedR">r at that strength in the same population simulated under the hypothesis.</param>
public sealed record HypothesisCeiling(string Hypothesis, TimeSpan Time, double ExposureOnlyR, string Strength, double DerivedR, double SimulatedR);
