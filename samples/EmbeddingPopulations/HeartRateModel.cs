using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Samples.EmbeddingPopulations;

/// <summary>
/// A user-defined effect: heart rate rising with the effect-site concentration by a simple Emax model,
/// HR = baseline + Emax x Ce / (EC50 + Ce). ILLUSTRATIVE numbers only, not a published ketamine model.
/// </summary>
/// <remarks>
/// The extension point is <see cref="EffectModel"/>: the library gives every effect its own effect site
/// (dCe/dt = ke0 (Cp - Ce)) and calls <see cref="Effect"/> with Ce. Override <see cref="Effect"/> for a direct effect, as
/// here; for a turnover or transit effect also override FilterStates, Filter and Drive (see the library's
/// IndirectResponseModel and PlasticityModel). Keep the class immutable and Effect pure and allocation-free: it runs
/// inside the simulation loop, on many threads at once.
/// </remarks>
public sealed class HeartRateModel : EffectModel
{
    public HeartRateModel(double baselineBpm, double emaxBpm, double ec50NgPerMl, double ke0PerH)
        : base("heart rate", "beats/min", ke0PerH)
    {
        // Validate here, NaN included: an object that exists is valid.
        BaselineBpm = Positive(baselineBpm, nameof(baselineBpm));
        EmaxBpm = emaxBpm == 0 ? 0 : Positive(emaxBpm, nameof(emaxBpm));
        Ec50NgPerMl = Positive(ec50NgPerMl, nameof(ec50NgPerMl));
    }

    private static double Positive(double value, string name) => double.IsFinite(value) && value > 0 ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0, got {value}.");

    public double BaselineBpm { get; }

    public double EmaxBpm { get; }

    public double Ec50NgPerMl { get; }

    public override double Effect(double ceNgPerMl, ReadOnlySpan<double> filter)
    {
        double ce = Math.Max(0, ceNgPerMl);
        return BaselineBpm + EmaxBpm * ce / (Ec50NgPerMl + ce);
    }
}
