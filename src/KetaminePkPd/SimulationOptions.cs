using KetaminePkPd.Numerics;

namespace KetaminePkPd;

/// <summary>
/// How long to simulate, where to report, and which solver to use. Immutable; the defaults simulate 24 h with outputs
/// every 5 min using the exact solver.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The most output points a simulation may request.</summary>
    public const int MaxOutputs = 1_000_000;

    private readonly TimeSpan _until = TimeSpan.FromHours(24);
    private readonly TimeSpan _step = TimeSpan.FromMinutes(5);
    private readonly SolverMethod _method = SolverMethod.Exact;
    private readonly OdeTolerances _tolerances = OdeTolerances.Default;

    /// <summary>The defaults.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>The longest simulation (<see cref="Until"/>): 3653 days, 10 years.</summary>
    public static readonly TimeSpan MaxUntil = TimeSpan.FromDays(3653);

    /// <summary>The finest output spacing (<see cref="OutputStep"/>): 1 s.</summary>
    public static readonly TimeSpan MinOutputStep = TimeSpan.FromSeconds(1);

    /// <summary>End of the simulation, measured from time zero; in (0, 10 years]. Default 24 h. With explicit
    /// <see cref="OutputTimes"/> it is the last of them and cannot be changed on its own.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    /// <exception cref="ArgumentException">Explicit output times are set and the value is not the last of them.</exception>
    public TimeSpan Until
    {
        get => _until;
        init
        {
            if (!(value > TimeSpan.Zero && value <= MaxUntil))
                throw new ArgumentOutOfRangeException(nameof(Until), value, $"Until must be in (0, 10 years], got {Durations.Format(value)}.");
            if (!OutputTimes.IsDefaultOrEmpty && value != OutputTimes[^1])
                throw new ArgumentException($"Until must be the last explicit output time ({Durations.Format(OutputTimes[^1])}) when output times are set, got {Durations.Format(value)}; call AtTimes with the times wanted instead.", nameof(Until));
            _until = value;
            _grid = default;
        }
    }

    /// <summary>Spacing of the output grid 0, step, 2 step, ..., and <see cref="Until"/> itself (not used with explicit <see cref="OutputTimes"/>); at least 1 s, and at most
    /// <see cref="MaxOutputs"/> points. Default 5 min.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Shorter than 1 s.</exception>
    public TimeSpan OutputStep
    {
        get => _step;
        init
        {
            _step = value >= MinOutputStep ? value : throw new ArgumentOutOfRangeException(nameof(OutputStep), value, $"OutputStep must be at least 1 s, got {Durations.Format(value)}.");
            _grid = default;
        }
    }

    /// <summary>The solver. Default <see cref="SolverMethod.Exact"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Undefined value.</exception>
    public SolverMethod Method
    {
        get => _method;
        init => _method = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Method), value, "Undefined solver method.");
    }

    /// <summary>Tolerances of the adaptive solvers (ignored by <see cref="SolverMethod.Exact"/>). Default relative 1e-6, absolute 1e-9 mg.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public OdeTolerances Tolerances
    {
        get => _tolerances;
        init => _tolerances = value ?? throw new ArgumentNullException(nameof(Tolerances));
    }

    /// <summary>
    /// Explicit output times instead of the regular grid (empty for the grid). Set with <see cref="AtTimes"/>; when set,
    /// <see cref="Until"/> is the last of them.
    /// </summary>
    public EquatableArray<TimeSpan> OutputTimes
    {
        get;
        private init
        {
            field = value;
            _grid = default;
        }
    } = [];

    /// <summary>Options reporting exactly at <paramref name="times"/> (e.g. a trial's assessment times).</summary>
    /// <param name="times">Strictly increasing, &gt;= 0, at most <see cref="MaxOutputs"/>, last one &gt; 0.</param>
    /// <exception cref="ArgumentException">Empty, not strictly increasing, negative, or too many.</exception>
    public SimulationOptions AtTimes(IEnumerable<TimeSpan> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        System.Collections.Immutable.ImmutableArray<TimeSpan> list = [.. times];
        if (list.IsEmpty) throw new ArgumentException("times must hold at least one time.", nameof(times));
        if (list.Length > MaxOutputs) throw new ArgumentException($"times must hold at most {MaxOutputs} times, got {list.Length}.", nameof(times));
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] < TimeSpan.Zero) throw new ArgumentException($"times must be >= 0, got {Durations.Format(list[i])} at position {i}.", nameof(times));
            if (i > 0 && list[i] <= list[i - 1]) throw new ArgumentException($"times must be strictly increasing, got {Durations.Format(list[i - 1])} then {Durations.Format(list[i])}.", nameof(times));
        }
        return this with { OutputTimes = list, Until = list[^1] };
    }

    /// <summary>The output times in hours: the explicit <see cref="OutputTimes"/> if set, else 0, step, ..., up to
    /// <see cref="Until"/>, with <see cref="Until"/> always last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxOutputs"/> points.</exception>
    public double[] OutputTimesH() => MakeOutputTimesH();

    /// <summary><see cref="OutputTimesH"/> made once per options object and shared by the simulations run with it (callers must not
    /// write to it): a population simulates the same grid for every subject.</summary>
    internal double[] SharedOutputTimesH() => _grid.Times ?? (_grid = new OutputGrid(MakeOutputTimesH())).Times!;

    // The shared grid of SharedOutputTimesH, or none yet; every property that shapes the grid clears it (a `with` copy keeps it
    // otherwise). Equal to any other (OutputGrid.Equals), so the record's equality and hash ignore it.
    private OutputGrid _grid;

    private double[] MakeOutputTimesH()
    {
        if (!OutputTimes.IsEmpty) return [.. OutputTimes.Select(Units.Hours)];
        double until = Units.Hours(Until), step = Units.Hours(OutputStep);
        double count = Math.Floor(until / step * (1 + 1e-12));
        if (count + 2 > MaxOutputs)
            throw new ArgumentOutOfRangeException(nameof(OutputStep), OutputStep, $"OutputStep {Durations.Format(OutputStep)} over {Durations.Format(Until)} gives more than {MaxOutputs} outputs.");
        int n = (int)count;
        bool exact = Math.Abs(n * step - until) <= 1e-9 * Math.Max(1, until);
        var t = new double[exact ? n + 1 : n + 2];
        for (int k = 0; k <= n; k++) t[k] = k * step;
        t[^1] = until;
        return t;
    }

    /// <summary>A cached grid that the record's generated equality and hash ignore: every instance equals every other.</summary>
    private readonly struct OutputGrid(double[] times) : IEquatable<OutputGrid>
    {
        public double[]? Times { get; } = times;

        public bool Equals(OutputGrid other) => true;

        public override bool Equals(object? obj) => obj is OutputGrid;

        public override int GetHashCode() => 0;
    }
}
