using System.Collections.Immutable;

namespace KetaminePkPd.Validation;

/// <summary>The validation table: one row per target of <see cref="ValidationTarget.All"/>, in its order, with counts. Immutable.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(ValidationSettings settings, ImmutableArray<ValidationRow> rows, TimeSpan elapsed)
    {
        Settings = settings;
        Rows = rows;
        Elapsed = elapsed;
    }

    /// <summary>What was simulated.</summary>
    public ValidationSettings Settings { get; }

    /// <summary>The rows.</summary>
    public ImmutableArray<ValidationRow> Rows { get; }

    /// <summary>Wall-clock time of the run (not part of the result proper: it varies between runs).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Targets hit.</summary>
    public int Hits => Count(ValidationStatus.Hit);

    /// <summary>Targets missed without a documented reason (each is a regression to fix).</summary>
    public int Misses => Count(ValidationStatus.Miss);

    /// <summary>Targets missed for a documented reason.</summary>
    public int ExplainedMisses => Count(ValidationStatus.ExplainedMiss);

    /// <summary>Tracked headline numbers (no target).</summary>
    public int Reported => Count(ValidationStatus.Reported);

    /// <summary>The row of a target.</summary>
    /// <exception cref="ArgumentException">No target with that key.</exception>
    public ValidationRow this[string key] => Rows.FirstOrDefault(r => r.Target.Key == key)
        ?? throw new ArgumentException($"No validation target '{key}'; keys are {string.Join(", ", Rows.Select(r => r.Target.Key))}.", nameof(key));

    private int Count(ValidationStatus s) => Rows.Count(r => r.Status == s);

    /// <summary>Simulates every target of <see cref="ValidationTarget.All"/> and judges it: the library's validation table.
    /// Deterministic for given settings (a fixed seed; identical serial or parallel).</summary>
    /// <param name="settings">How to simulate; null for <see cref="ValidationSettings.Default"/>.</param>
    public static ValidationReport Run(ValidationSettings? settings = null) => ValidationSuite.Run(settings);
}
