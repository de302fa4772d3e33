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
    /// <summary>Milligrams of free base per administration, after mg/kg conversion.</summary>
    public double DoseMg => First.Dose.ToMilligrams(Subject.WeightKg);
}
