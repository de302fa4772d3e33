namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// How a nasal dose is split into spray devices given a few minutes apart, each later device absorbing less through
/// the nasal mucosa (Perez-Ruixo et al. 2021: 28 mg per device, 5 min apart, FRn x 0.62 for the second and later devices).
/// Immutable.
/// </summary>
public sealed record IntranasalDevices
{
    /// <summary>Creates a device rule.</summary>
    /// <param name="deviceMg">Free base delivered per device, mg, in (0, 1000]. Doses must be whole multiples of it.</param>
    /// <param name="interval">Time between devices, in [0, 1 h].</param>
    /// <param name="laterDeviceNasalFactor">Multiplier on the nasal fraction for every device after the first, in [0, 1/FRn].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public IntranasalDevices(double deviceMg, TimeSpan interval, double laterDeviceNasalFactor)
    {
        DeviceMg = Guard.InRangeExclusiveMin(deviceMg, 0, 1000, nameof(deviceMg));
        Guard.NonNegative(interval, nameof(interval));
        if (interval > TimeSpan.FromHours(1)) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"interval must be at most 1 h, got {Durations.Format(interval)}.");
        Interval = interval;
        LaterDeviceNasalFactor = Guard.InRange(laterDeviceNasalFactor, 0, 10, nameof(laterDeviceNasalFactor));
    }

    /// <summary>Free base per device, mg.</summary>
    public double DeviceMg { get; }

    /// <summary>Time between devices.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Multiplier on the nasal fraction for devices after the first.</summary>
    public double LaterDeviceNasalFactor { get; }

    /// <summary>Number of devices for a dose of <paramref name="doseMg"/>.</summary>
    /// <exception cref="ArgumentException">The dose is not a whole number of devices (to within 1e-6 mg).</exception>
    public int DeviceCount(double doseMg)
    {
        double n = doseMg / DeviceMg;
        int k = (int)Math.Round(n);
        if (Math.Abs(k * DeviceMg - doseMg) > 1e-6)
            throw new ArgumentException($"An intranasal dose must be a whole number of {Guard.F(DeviceMg)} mg devices, got {Guard.F(doseMg)} mg.", "dose");
        return k;
    }
}
