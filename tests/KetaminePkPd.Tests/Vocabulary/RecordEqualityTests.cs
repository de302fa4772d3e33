using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Tests.Vocabulary;

/// <summary>
/// Public records compare by value. A record's generated equality compares a sequence field by reference, so every
/// public record that holds a sequence must define its own Equals and GetHashCode.
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
    public void PublicRecord_HoldingASequence_DefinesValueEqualityAndHashCode(string typeName)
    {
        var type = Libraries.Select(a => a.GetType(typeName)).First(t => t is not null)!;
        var equals = type.GetMethod("Equals", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, [type]);
        var hash = type.GetMethod("GetHashCode", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, Type.EmptyTypes);
        Assert.NotNull(equals);
        Assert.NotNull(hash);
        Assert.False(equals!.IsDefined(typeof(CompilerGeneratedAttribute)), $"{typeName}.Equals({type.Name}) is the generated one (compares sequences by reference).");
        // A record derived from another record gets [CompilerGenerated] on a user-declared GetHashCode too (a C# compiler
        // quirk), so for those the attribute says nothing; their equality is tested by behaviour (ReportEqualityTests).
        bool derivedRecord = type.BaseType is { } b && b != typeof(object) && b.GetMethod("<Clone>$") is not null;
        Assert.False(!derivedRecord && hash!.IsDefined(typeof(CompilerGeneratedAttribute)), $"{typeName}.GetHashCode() is the generated one.");
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
        var copy = TrialDesigns.Nimh.With(); // new arrays with the same contents
        Assert.Equal(TrialDesigns.Nimh, copy);
        Assert.Equal(TrialDesigns.Nimh.GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void HypothesisTestSettings_Defaults_AreEqual()
    {
        Assert.Equal(new HypothesisTestSettings(), new HypothesisTestSettings());
        Assert.Equal(new HypothesisTestSettings().GetHashCode(), new HypothesisTestSettings().GetHashCode());
    }
}
