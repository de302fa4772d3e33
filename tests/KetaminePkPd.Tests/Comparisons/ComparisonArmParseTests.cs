using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Comparisons;

/// <summary>Arm strings read the words, doses and durations the way the command options and scenario files do.</summary>
public sealed class ComparisonArmParseTests
{
    [Theory]
    [InlineData("route=nasal dose=50mg", Route.Intranasal)]
    [InlineData("route=IN dose=50mg", Route.Intranasal)]
    [InlineData("ROUTE=Intravenous dose=35mg", Route.Intravenous)]
    [InlineData("route=po dose=50mg", Route.Oral)]
    [InlineData("route=Subcutaneous dose=50mg", Route.Subcutaneous)]
    public void Parse_RouteSynonyms_GiveTheRouteOfTheOptions(string spec, Route expected) =>
        Assert.Equal(expected, ComparisonArm.Parse(spec).Administration.Route);

    [Theory]
    [InlineData("drug=ketamine route=iv dose=35mg", Drug.RacemicKetamine, "domino")]
    [InlineData("drug=S-Ketamine route=intranasal dose=56mg", Drug.Esketamine, "perez-ruixo")]
    [InlineData("drug=(r,s)-ketamine route=iv dose=35mg", Drug.RacemicKetamine, "domino")]
    [InlineData("model=Perez_Ruixo route=intranasal dose=56mg", Drug.Esketamine, "perez-ruixo")]
    [InlineData("model=HIJAZI route=iv dose=35mg", Drug.RacemicKetamine, "hijazi")]
    public void Parse_DrugAndModelWords_ResolveLikeTheOptions(string spec, Drug drug, string model)
    {
        var arm = ComparisonArm.Parse(spec);
        Assert.Equal(drug, arm.Drug);
        Assert.Equal(model, arm.Model.Key);
    }

    [Fact]
    public void Parse_ModelOfTheOtherDrug_NamesBothAndTheFittingModels()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComparisonArm.Parse("drug=esketamine model=domino route=iv dose=35mg"));
        Assert.Equal("arm 'drug=esketamine model=domino route=iv dose=35mg': model domino is a model of racemic ketamine, but drug esketamine was given; models of esketamine are perez-ruixo.", ex.Message);
        Assert.Contains("--drug esketamine", Assert.Throws<ArgumentException>(() => PkParameterSet.Resolve(Drug.Esketamine, PkParameterSet.Domino, "--drug", "--model")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("route=iv dose=35mg infusion=0")]
    [InlineData("route=iv dose=35mg infusion=none")]
    [InlineData("route=iv dose=35mg infusion=NONE")]
    [InlineData("route=iv dose=35mg")]
    public void Parse_NoInfusion_IsABolus(string spec)
    {
        var arm = ComparisonArm.Parse(spec);
        Assert.False(arm.Administration.IsInfusion);
        Assert.Equal("racemic IV 35mg", arm.Name);
    }

    [Fact]
    public void Parse_Infusion_IsTheSameAsTheOption() =>
        Assert.Equal(TimeSpan.FromMinutes(40), ComparisonArm.Parse("route=iv dose=0.5mg/kg infusion=40min").Administration.InfusionDuration);

    [Theory]
    [InlineData("drug=esketamine route=intranasal dose=56mg repeat=8 interval=3.5d")]
    [InlineData("drug=esketamine route=intranasal dose=56mg sessions=8 interval=3.5d")]
    [InlineData("drug=esketamine route=intranasal dose=56mg REPEAT=8 interval=84h")]
    public void Parse_RepeatOrItsOlderNameSessions_GiveTheSameRegimen(string spec)
    {
        var arm = ComparisonArm.Parse(spec);
        Assert.Equal(8, arm.Sessions);
        Assert.Equal(TimeSpan.FromDays(3.5), arm.Interval);
        Assert.Equal("esketamine IN 56mg x8/3.5d", arm.Name);
    }

    [Fact]
    public void Parse_RepeatAndSessionsBoth_IsAKeyGivenTwice()
    {
        var ex = Assert.Throws<FormatException>(() => ComparisonArm.Parse("route=iv dose=35mg repeat=2 sessions=2 interval=1d"));
        Assert.Contains("key 'repeat' given twice ('sessions' is 'repeat')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_ListsTheKeysOfTheHelp()
    {
        var ex = Assert.Throws<FormatException>(() => ComparisonArm.Parse("route=iv dose=35mg colour=blue"));
        Assert.EndsWith($"unknown key 'colour'; use {string.Join(", ", ComparisonArm.Keys)}.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("repeat", ComparisonArm.Keys);
    }

    [Theory]
    [InlineData("route=iv dose=35 ", "arm 'route=iv dose=35 ': dose '35' has no unit")]
    [InlineData("route=iv dose=35mg infusion=soon", "arm 'route=iv dose=35mg infusion=soon': infusion 'soon' does not start with a number")]
    [InlineData("route=iv dose=35mg repeat=two interval=1d", "arm 'route=iv dose=35mg repeat=two interval=1d': repeat 'two' is not a whole number")]
    public void Parse_BadValue_NamesTheArmAndTheValue(string spec, string start)
    {
        var ex = Assert.ThrowsAny<Exception>(() => ComparisonArm.Parse(spec));
        Assert.True(ex is FormatException or ArgumentException);
        Assert.StartsWith(start, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_StillParse() => Assert.Equal(5, ComparisonArm.Defaults.Count);
}
