namespace KetaminePkPd.Application;

/// <summary>
/// What a one-at-a-time (<see cref="SensitivityRequest"/>) and a global (<see cref="GlobalSensitivityRequest"/>) sensitivity
/// request share: the design as chosen, the validated settings and the <c>sensitivity</c> command's arguments that give the
/// same analysis (stored in shard files). Only those two derive from it.
/// </summary>
/// <typeparam name="TSettings">The settings type of the analysis.</typeparam>
public abstract class SensitivityRequestBase<TSettings> where TSettings : ReplicateStudySettings
{
    private protected SensitivityRequestBase(DesignChoice choice, TSettings settings, ImmutableArray<string> arguments)
    {
        Choice = choice;
        Settings = settings;
        Arguments = arguments;
    }

    /// <summary>The design as chosen (key or file).</summary>
    public DesignChoice Choice { get; }

    /// <summary>The settings to run, validated.</summary>
    public TSettings Settings { get; }

    /// <summary>The arguments after <c>sensitivity</c> that define this analysis (the options that differ from the defaults; no output options).</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>A command line that reproduces the analysis: <c>ketamine-pkpd sensitivity</c> and <see cref="Arguments"/>, quoted for a POSIX shell where needed.</summary>
    public string Reproduce => CommandLineText.CommandLine("sensitivity", Arguments);
}
