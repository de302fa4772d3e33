using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Cli.Commands;

/// <summary>Everything <c>simulate</c> needs, parsed, defaulted and checked; built by <see cref="SimulateCommand.Resolve"/>.</summary>
internal sealed record SimulateInputs(
    Drug Drug,
    PkParameterSet ParameterSet,
    PkModel Model,
    Route Route,
    Subject Subject,
    Administration First,
    string? DoseText,
    DoseRate? Rate,
    int Count,
    TimeSpan Interval,
    DosingRegimen Regimen,
    SimulationOptions Options,
    string? OutPath,
    bool Json)
{
    /// <summary>The --plot path (concentration figure), or null.</summary>
    public string? PlotPath { get; init; }

    /// <summary>True for a logarithmic concentration axis in the --plot figure.</summary>
    public bool LogScale { get; init; }

    /// <summary>The --plot-effects path, or null.</summary>
    public string? PlotEffectsPath { get; init; }

    /// <summary>The --plot-hysteresis path, or null.</summary>
    public string? PlotHysteresisPath { get; init; }

    /// <summary>Milligrams of free base per administration, after mg/kg conversion.</summary>
    public double DoseMg => First.Dose.ToMilligrams(Subject.WeightKg);
}
