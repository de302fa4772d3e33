using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Vocabulary;

public class RegimenAndSubjectTests
{
    [Fact]
    public void Repeated_TwiceWeeklyFor4Weeks_Gives8DosesEvery3Point5Days()
    {
        var r = DosingRegimen.Repeated(Administration.Intranasal(Dose.FromMilligrams(56)), 8, TimeSpan.FromDays(3.5));
        Assert.Equal(8, r.Administrations.Length);
        Assert.Equal(TimeSpan.FromDays(24.5), r.Administrations[^1].Start);
        Assert.Equal(TimeSpan.FromDays(24.5), r.End);
    }

    [Fact]
    public void Of_UnsortedAdministrations_AreSortedByStart()
    {
        var late = Administration.Oral(Dose.FromMilligrams(10)).At(TimeSpan.FromHours(5));
        var early = Administration.Oral(Dose.FromMilligrams(20)).At(TimeSpan.FromHours(1));
        var r = DosingRegimen.Of(late, early);
        Assert.Equal([early, late], r.Administrations.ToArray());
    }

    [Fact]
    public void Of_Empty_ThrowsNamingTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => DosingRegimen.Of());
        Assert.Contains("at least one", ex.Message);
    }

    [Fact]
    public void Create_InfusionDurationOnANonIntravenousRoute_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Administration.Create(Route.Oral, Dose.FromMilligrams(10), TimeSpan.FromMinutes(5)));
        Assert.Contains("Oral", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-70)]
    [InlineData(301)]
    [InlineData(double.NaN)]
    public void Subject_WeightOutOfRange_ThrowsNamingWeightKg(double kg)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Subject.TypicalAdult with { WeightKg = kg });
        Assert.Contains("WeightKg", ex.Message);
        Assert.Contains("(0, 300]", ex.Message);
    }

    [Fact]
    public void ModelParameter_WithValueOutsideItsRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PkParameterSet.Domino.WithParameter("F_IN", 1.5));
        Assert.Contains("F_IN", ex.Message);
        Assert.Contains("[0, 1]", ex.Message);
    }

    [Fact]
    public void ModelParameter_LogitScale_KeepsFractionsInside0And1()
    {
        var f = PkParameterSet.Domino["F_IN"];
        Assert.Equal(ParameterScale.Logit, f.Scale);
        Assert.InRange(f.Individual(f.Value, 5), 0, 1);
        Assert.InRange(f.Individual(f.Value, -5), 0, 1);
        Assert.Equal(f.Value, f.Individual(f.Value, 0));
    }
}
