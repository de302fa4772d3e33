namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// A first-order flow of drug out of a compartment: to another compartment, or out of the system (elimination).
/// The flow is <c>RatePerH x A_from</c> in mg/h. Immutable; a struct, as a model keeps its transfers in one array (a trial
/// builds a model per patient, with some ten transfers); made only by <see cref="Between"/> and <see cref="Elimination"/>
/// (a <c>default</c> one has no source, and a model rejects it).
/// </summary>
internal readonly record struct Transfer
{
    private Transfer(string from, string? to, double ratePerH)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        if (to is not null && string.IsNullOrWhiteSpace(to)) throw new ArgumentException("to must be a compartment name or null for elimination.", nameof(to));
        if (to == from) throw new ArgumentException($"A transfer must go to another compartment, got '{from}' -> '{to}'.", nameof(to));
        // The parameter's name is formatted only for the message (a model is built per virtual patient, with some 20 transfers).
        RatePerH = double.IsFinite(ratePerH) && ratePerH >= 0 && ratePerH <= 1e6 ? ratePerH : Guard.InRange(ratePerH, 0, 1e6, $"ratePerH of '{from}' -> '{to ?? "elimination"}'");
        From = from;
        To = to;
    }

    /// <summary>Source compartment.</summary>
    public string From { get; }

    /// <summary>Destination compartment, or null for elimination out of the system.</summary>
    public string? To { get; }

    /// <summary>First-order rate constant, 1/h, in [0, 1e6].</summary>
    public double RatePerH { get; }

    /// <summary>True when the drug leaves the system.</summary>
    public bool IsElimination => To is null;

    /// <summary>A transfer between two compartments.</summary>
    /// <param name="from">Source compartment name.</param>
    /// <param name="to">Destination compartment name.</param>
    /// <param name="ratePerH">Rate constant in 1/h, finite, in [0, 1e6].</param>
    /// <exception cref="ArgumentException">Empty or equal names, or a rate out of range.</exception>
    public static Transfer Between(string from, string to, double ratePerH)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        return new(from, to, ratePerH);
    }

    /// <summary>Elimination out of the system from <paramref name="from"/>.</summary>
    /// <param name="from">Compartment name.</param>
    /// <param name="ratePerH">Rate constant in 1/h, finite, in [0, 1e6].</param>
    /// <exception cref="ArgumentException">Empty name, or a rate out of range.</exception>
    public static Transfer Elimination(string from, double ratePerH) => new(from, null, ratePerH);

    /// <summary>Formats as <c>central -> peripheral1: 35.5 1/h</c>.</summary>
    public override string ToString() => $"{From} -> {To ?? "(eliminated)"}: {Guard.F(RatePerH)} 1/h";
}
