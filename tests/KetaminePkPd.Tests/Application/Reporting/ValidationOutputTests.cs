using System.Text.Json;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Tests.Application.Reporting;

/// <summary><see cref="ValidationOutput"/>: the validation report and JSON in the library.</summary>
public sealed class ValidationOutputTests
{
    private static readonly ValidationReport Run = ValidationSuite.Run(ValidationSettings.Default with { SubjectsPerArm = ValidationSettings.MinSubjectsPerArm });

    [Fact]
    public void ToJson_CamelCaseKeys_OneRowPerTarget_CountsAddUp()
    {
        using var doc = JsonDocument.Parse(ValidationOutput.ToJson(Run));
        var root = doc.RootElement;
        Assert.All(root.EnumerateObject(), p => Assert.Matches("^[a-z][a-zA-Z0-9]*$", p.Name));
        Assert.Equal(ValidationTarget.All.Length, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(root.GetProperty("rows").GetArrayLength(),
            root.GetProperty("hits").GetInt32() + root.GetProperty("misses").GetInt32() + root.GetProperty("explainedMisses").GetInt32() + root.GetProperty("reported").GetInt32());
        Assert.Equal(ValidationSettings.MinSubjectsPerArm, root.GetProperty("subjectsPerArm").GetInt32());
    }

    [Fact]
    public void Build_OneTableRowPerTarget_WithSummaryAndProvisional()
    {
        var report = ValidationOutput.Build(Run);
        var table = Assert.Single(report.Tables);
        Assert.Equal(Run.Rows.Length, table.Rows.Length);
        Assert.Equal(Run.Rows[0].Target.Key, table.Rows[0][1]);
        Assert.Contains(report.Blocks.OfType<ReportParagraph>(), p => p.Text == ValidationMarkdown.Summary(Run));
        Assert.Contains(report.Blocks.OfType<ReportParagraph>(), p => p.Kind == ReportParagraphKind.Provisional);
        Assert.Equal(Run.ExplainedMisses, report.Readings.Count(r => r.Lead!.StartsWith("Explained miss", StringComparison.Ordinal)));
    }
}
