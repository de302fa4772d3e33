using System.Collections.Immutable;
using System.Diagnostics;

namespace KetaminePkPd.Validation;

/// <summary>
/// Simulates every target of <see cref="ValidationTarget.All"/> and judges it: the library's validation table. Deterministic
/// for given settings (a fixed seed; identical serial or parallel).
/// </summary>
internal static class ValidationSuite
{
    /// <summary>Runs the table.</summary>
    /// <param name="settings">Seed and sizes; null for <see cref="ValidationSettings.Default"/>.</param>
    /// <returns>One row per target, in catalogue order.</returns>
    public static ValidationReport Run(ValidationSettings? settings = null)
    {
        settings ??= ValidationSettings.Default;
        var clock = Stopwatch.StartNew();
        var values = ValidationMeasurements.Measure(settings);
        var rows = ValidationTarget.All.Select(t => values.TryGetValue(t.Key, out double x)
            ? new ValidationRow(t, x, t.Judge(x))
            : throw new InvalidOperationException($"Validation target '{t.Key}' has no measurement.")).ToImmutableArray();
        return new ValidationReport(settings, rows, clock.Elapsed);
    }
}
