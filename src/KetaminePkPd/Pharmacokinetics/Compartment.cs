namespace KetaminePkPd.Pharmacokinetics;

/// <summary>A compartment of a linear compartment model: a name, a role and a volume of distribution. Immutable.</summary>
public sealed record Compartment
{
    /// <summary>Creates a compartment.</summary>
    /// <param name="name">Unique name within its model (e.g. <c>central</c>, <c>peripheral1</c>, <c>nasal</c>).</param>
    /// <param name="role">What it represents.</param>
    /// <param name="volumeL">Volume of distribution in L: 0 for a <see cref="CompartmentRole.Depot"/>, otherwise finite and in (0, 100 000].</param>
    /// <exception cref="ArgumentException">Empty name, or a volume that does not fit the role.</exception>
    internal Compartment(string name, CompartmentRole role, double volumeL)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Role = Guard.Defined(role, nameof(role));
        VolumeL = role != CompartmentRole.Depot
            ? double.IsFinite(volumeL) && volumeL > 0 && volumeL <= 100_000 ? volumeL : Guard.InRangeExclusiveMin(volumeL, 0, 100_000, $"volumeL of compartment '{name}'")
            : volumeL == 0 ? volumeL
            : throw new ArgumentOutOfRangeException(nameof(volumeL), volumeL, $"Depot '{name}' has no volume: volumeL must be 0, got {Guard.F(volumeL)}.");
    }

    /// <summary>Unique name within the model.</summary>
    public string Name { get; }

    /// <summary>What the compartment represents.</summary>
    internal CompartmentRole Role { get; }

    /// <summary>Volume of distribution, L (0 for depots).</summary>
    public double VolumeL { get; }

    /// <summary>An absorption depot.</summary>
    internal static Compartment Depot(string name) => new(name, CompartmentRole.Depot, 0);

    /// <summary>Formats as <c>central (Central, 4.41 L)</c>.</summary>
    public override string ToString() => Role == CompartmentRole.Depot ? $"{Name} (Depot)" : $"{Name} ({Role}, {Guard.F(VolumeL)} L)";
}
