using KetaminePkPd.Comparisons;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// Arms side by side with their uncertain inputs as ranges: <see cref="ComparisonResult.Run"/> gives each arm's typical
/// course and its metrics at both ends of an uncertain bioavailability; the courses at both ends (for the shaded band)
/// come from the same call on the arm with that parameter set to each end.
/// </summary>
internal static class UncertainArms
{
    /// <summary>Runs the arms for a typical 70 kg adult.</summary>
    public static IReadOnlyList<(ArmComparison Typical, ArmComparison? Low, ArmComparison? High)> Run(IReadOnlyList<ComparisonArm> arms)
    {
        var options = new ComparisonOptions { Parallel = false };
        var result = ComparisonResult.Run(arms, options);
        var rows = new List<(ArmComparison, ArmComparison?, ArmComparison?)>();
        foreach (var typical in result.Arms)
        {
            if (typical.Uncertain is not { } u) { rows.Add((typical, null, null)); continue; }
            var arm = typical.Arm;
            ComparisonArm At(double value, string end) =>
                new($"{arm.Name} ({end} {u.Parameter})", arm.Model.WithParameter(u.Parameter, value), arm.Administration, arm.Sessions, arm.Interval);
            var ends = ComparisonResult.Run([At(u.Low, "low"), At(u.High, "high")], options).Arms;
            rows.Add((typical, ends[0], ends[1]));
        }
        return rows;
    }
}
