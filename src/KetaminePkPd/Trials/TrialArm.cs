using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>One arm of a virtual trial: a name, what each patient receives, and how many patients. Immutable.</summary>
public sealed record TrialArm
{
    /// <summary>Creates an arm.</summary>
    /// <param name="name">Arm name (e.g. <c>ketamine 0.5 mg/kg</c>, <c>placebo</c>).</param>
    /// <param name="administration">What is given (route, dose, infusion) at the first session, starting at time zero.</param>
    /// <param name="subjects">Patients in the arm, in [1, 10 000 000] (the largest hypothesis-test pool).</param>
    /// <param name="sessions">Number of dosing sessions, in [1, 1000]; default 1.</param>
    /// <param name="interval">Time between sessions; &gt; 0 when <paramref name="sessions"/> &gt; 1.</param>
    /// <exception cref="ArgumentException">Empty name or a value out of range.</exception>
    public TrialArm(string name, Administration administration, int subjects, int sessions = 1, TimeSpan interval = default)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Administration = Guard.NotNull(administration, nameof(administration));
        Subjects = Guard.InRange(subjects, 1, 10_000_000, nameof(subjects));
        Sessions = Guard.InRange(sessions, 1, 1000, nameof(sessions));
        Interval = sessions > 1 ? Guard.Positive(interval, nameof(interval)) : TimeSpan.Zero;
    }

    /// <summary>Arm name.</summary>
    public string Name { get; }

    /// <summary>The first session's administration.</summary>
    public Administration Administration { get; }

    /// <summary>Patients in the arm.</summary>
    public int Subjects { get; }

    /// <summary>Dosing sessions.</summary>
    public int Sessions { get; }

    /// <summary>Time between sessions (zero for one session).</summary>
    public TimeSpan Interval { get; }

    /// <summary>The arm's dosing regimen.</summary>
    public DosingRegimen Regimen => DosingRegimen.Repeated(Administration, Sessions, Interval);

    /// <summary>A copy with another number of patients.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public TrialArm WithSubjects(int subjects) => new(Name, Administration, subjects, Sessions, Interval);

    /// <summary>Describes the arm.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Administration}{(Sessions > 1 ? $" x {Sessions} every {Durations.Format(Interval)}" : "")}, n = {Subjects}");
}
