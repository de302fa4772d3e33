namespace KetaminePkPd.Pharmacokinetics;

/// <summary>One input of drug into one compartment: instantaneous (<see cref="DurationH"/> = 0) or zero-order.</summary>
/// <param name="Compartment">Index of the target compartment.</param>
/// <param name="StartH">Start time, h.</param>
/// <param name="DurationH">Release duration, h (0 for a bolus).</param>
/// <param name="AmountMg">Amount that enters the compartment (bioavailable), mg.</param>
internal readonly record struct DoseInput(int Compartment, double StartH, double DurationH, double AmountMg)
{
    public double EndH => StartH + DurationH;
}
