using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>
/// Public records compare by value. A record's generated equality compares a field with its default comparer, which for an
/// array or an ImmutableArray is by reference; so every public record holds its sequences as <see cref="EquatableArray{T}"/>
/// (element-wise equality) and needs no hand-written Equals or GetHashCode.
/// </summary>
public class RecordEqualityTests
{
    private static readonly Assembly[] Libraries = [typeof(DosingRegimen).Assembly, typeof(KetaminePkPd.Plotting.Figure).Assembly];

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null || t.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static bool IsSequence(Type t) =>
        t != typeof(string) && (t.IsArray || typeof(IEnumerable).IsAssignableFrom(t) || t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>));

    public static IEnumerable<object[]> RecordsHoldingSequences() =>
        Libraries.SelectMany(a => a.GetExportedTypes())
            .Where(t => IsRecord(t))
            .Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(f => IsSequence(f.FieldType)))
            .OrderBy(t => t.FullName)
            .Select(t => new object[] { t.FullName! });

    [Fact]
    public void PublicRecords_HoldingSequences_AreFound()
    {
        // The reflection below must see the records it is meant to cover (guards against a filter that finds nothing).
        var names = RecordsHoldingSequences().Select(r => (string)r[0]).ToList();
        Assert.Contains(typeof(DosingRegimen).FullName, names);
        Assert.Contains(typeof(TrialDesign).FullName, names);
        Assert.True(names.Count >= 14, $"found {names.Count}: {string.Join(", ", names)}");
    }

    [Theory]
    [MemberData(nameof(RecordsHoldingSequences))]
    public void PublicRecord_HoldingASequence_HoldsItAsEquatableArrayWithGeneratedEquality(string typeName)
    {
        var type = Libraries.Select(a => a.GetType(typeName)).First(t => t is not null)!;
        var sequences = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(f => IsSequence(f.FieldType)).ToList();
        Assert.NotEmpty(sequences);
        foreach (var f in sequences)
            Assert.True(f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(EquatableArray<>),
                $"{typeName}.{f.Name} is a {f.FieldType.Name}, compared by reference; hold it as an EquatableArray.");
        // The record's own equality is the generated one: no hand-written Equals to keep in step with the members.
        var equals = type.GetMethod("Equals", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, [type]);
        Assert.NotNull(equals);
        Assert.True(equals!.IsDefined(typeof(CompilerGeneratedAttribute)), $"{typeName}.Equals({type.Name}) is hand-written.");
    }

    [Fact]
    public void ArmSummary_CopiesWithEqualArrays_AreEqualWithEqualHashCodes()
    {
        // Two summaries built from separate arrays with the same contents: the generated equality compares them element-wise.
        var a = new ArmSummary("ketamine", 10, 5, 2, 0.5, 12, 0.2, [-10.0, -20.0], [0.1, 0.3], [0.0, 0.1]);
        var b = new ArmSummary("ketamine", 10, 5, 2, 0.5, 12, 0.2, ImmutableArray.Create(-10.0, -20.0), new[] { 0.1, 0.3 }, [0.0, 0.1]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { ResponseRate = [0.1, 0.4] });
    }

    [Fact]
    public void ArmSummary_WithAnInvalidValue_ThrowsNamingTheProperty()
    {
        // Validation lives in the init accessors: a with-expression goes through them (issue 21: "armSummary with
        // { Subjects = -5, MeanCadss = NaN }" used to succeed).
        var a = new ArmSummary("ketamine", 10, 5, 2, 0.5, 12, 0.2, [-10.0, -20.0], [0.1, 0.3], [0.0, 0.1]);
        var subjects = Assert.Throws<ArgumentOutOfRangeException>(() => a with { Subjects = -5 });
        Assert.Equal("Subjects", subjects.ParamName);
        Assert.Contains("got -5", subjects.Message);
        Assert.Equal("MeanCadss", Assert.Throws<ArgumentOutOfRangeException>(() => a with { MeanCadss = double.NaN }).ParamName);
        Assert.Equal("ShareCadssAbove4", Assert.Throws<ArgumentOutOfRangeException>(() => a with { ShareCadssAbove4 = 1.5 }).ParamName);
        Assert.Equal("ResponseRate", Assert.Throws<ArgumentException>(() => a with { ResponseRate = [0.1] }).ParamName);
        Assert.Equal("Arm", Assert.Throws<ArgumentNullException>(() => a with { Arm = null! }).ParamName);
        Assert.Equal("SdCadss", Assert.Throws<ArgumentOutOfRangeException>(() => new ArmSummary("k", 1, 0, -1, 0, 0, 0, [], [], [])).ParamName);
    }

    [Fact]
    public void PopulationBands_WithANullBand_ThrowsNamingTheProperty()
    {
        var run = KetaminePkPd.Comparisons.PopulationBands.Start(KetaminePkPd.Comparisons.ComparisonArm.Defaults[0],
            new KetaminePkPd.Comparisons.ComparisonOptions { PopulationSize = 3, Seed = 1, Parallel = false });
        while (!run.Step(3)) { }
        var bands = run.Result;
        Assert.Equal("Subjects", Assert.Throws<ArgumentOutOfRangeException>(() => bands with { Subjects = -1 }).ParamName);
        Assert.Equal("Cadss", Assert.Throws<ArgumentNullException>(() => bands with { Cadss = null! }).ParamName);
        Assert.Equal(bands, bands with { });
    }

    [Fact]
    public void DosingRegimen_SameAdministrations_AreEqualWithEqualHashCodes()
    {
        var a = Administration.Intranasal(Dose.FromMilligrams(56));
        Assert.Equal(DosingRegimen.Single(a), DosingRegimen.Single(a));
        Assert.True(DosingRegimen.Single(a) == DosingRegimen.Single(a));
        Assert.Equal(DosingRegimen.Single(a).GetHashCode(), DosingRegimen.Single(a).GetHashCode());
        Assert.NotEqual(DosingRegimen.Single(a), DosingRegimen.Repeated(a, 2, TimeSpan.FromDays(3.5)));
    }

    [Fact]
    public void SimulationOptions_SameTimes_AreEqual()
    {
        var times = new[] { TimeSpan.Zero, TimeSpan.FromHours(4) };
        Assert.Equal(new SimulationOptions().AtTimes(times), new SimulationOptions().AtTimes(times));
        Assert.Equal(new SimulationOptions().AtTimes(times).GetHashCode(), new SimulationOptions().AtTimes(times).GetHashCode());
        Assert.NotEqual(new SimulationOptions().AtTimes(times), new SimulationOptions());
    }

    [Fact]
    public void TrialDesign_RebuiltWithSameParts_AreEqual()
    {
        var copy = TrialDesign.Nimh.With(); // new arrays with the same contents
        Assert.Equal(TrialDesign.Nimh, copy);
        Assert.Equal(TrialDesign.Nimh.GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void HypothesisTestSettings_Defaults_AreEqual()
    {
        Assert.Equal(new HypothesisTestSettings(), new HypothesisTestSettings());
        Assert.Equal(new HypothesisTestSettings().GetHashCode(), new HypothesisTestSettings().GetHashCode());
    }
}
