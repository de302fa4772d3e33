namespace KetaminePkPd.Application;

/// <summary>What <see cref="SensitivityRequest"/> and <see cref="GlobalSensitivityRequest"/> share: the observation given
/// by options and the arguments that reproduce the design, hypothesis, strengths and assumptions, in the command's order.</summary>
internal static class SensitivityArguments
{
    /// <summary>The observation given with <c>--observed-r</c>, <c>--observed-n</c> and <c>--observed-at</c>, or null when none is given.</summary>
    /// <exception cref="ArgumentException">Only some of the three, or a value out of range; the message names the options.</exception>
    public static ImmutableArray<ObservedCorrelation>? Observed(double? r, int? n, TimeSpan? at) =>
        ReplicateStudySettings.Observation(r, n, at, "given with --observed-r", "--observed-r, --observed-n and --observed-at");

    /// <summary>
    /// <c>--design</c> (when not the default), <c>--parameters</c>, <c>--hypothesis</c>, the strengths and <c>--vary</c> (when
    /// given: the assumptions' tokens, or <c>none</c>), appended to <paramref name="args"/> in that order.
    /// </summary>
    public static void AddCommon(List<string> args, DesignChoice choice, string? parametersFile, string? hypothesis, HypothesisStrengths strengths,
        bool varyGiven, ImmutableArray<SensitivityAssumption> assumptions)
    {
        if (!choice.IsDefault) args.AddRange(["--design", choice.FilePath ?? choice.Token]);
        if (parametersFile is not null) args.AddRange(["--parameters", parametersFile]);
        if (hypothesis is not null) args.AddRange(["--hypothesis", hypothesis]);
        foreach (string a in strengths.Arguments()) args.AddRange(a.Split(' ', 2));
        if (varyGiven) args.AddRange(["--vary", assumptions.IsEmpty ? "none" : string.Join(',', assumptions.Select(SensitivitySettings.Token))]);
    }
}
