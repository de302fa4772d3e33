using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Calibration;

/// <summary>
/// A part of the objective that separates from the rest: the parameters it fits, the targets they move, and the simulation
/// that measures those targets for a candidate effect parameter set. Blocks are fitted in catalogue order; a block's targets
/// depend on its own parameters and on earlier blocks' parameters, never on later ones (<see cref="CalibrationBlocks"/>).
/// </summary>
/// <param name="Name">Short name, e.g. <c>dissociation-timing</c>.</param>
/// <param name="Description">What the block fits, in words.</param>
/// <param name="Parameters">The parameters fitted.</param>
/// <param name="TargetKeys">The catalogue keys of the targets it measures.</param>
/// <param name="UsesPatients">True when the measurement simulates a virtual trial (common random numbers); false for a typical patient (deterministic).</param>
/// <param name="Measure">The simulation: one value per target key.</param>
internal sealed record CalibrationBlock(string Name, string Description, ImmutableArray<CalibrationParameter> Parameters, ImmutableArray<string> TargetKeys,
    bool UsesPatients, Func<EffectParameterSet, CalibrationSettings, IReadOnlyDictionary<string, double>> Measure);
