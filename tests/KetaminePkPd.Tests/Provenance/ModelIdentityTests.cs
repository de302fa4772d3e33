using System.Text.RegularExpressions;
using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;
using KetaminePkPd.Provenance;

namespace KetaminePkPd.Tests.Provenance;

/// <summary>
/// modelVersion = package version + fingerprint of every built-in default (src/KetaminePkPd/ModelIdentity.cs): the recorded
/// fingerprint matches the defaults, any change of a default changes it, and CHANGELOG.md's newest section names it.
/// </summary>
public partial class ModelIdentityTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static string Computed => ModelIdentity.Fingerprint(ModelIdentity.Defaults());

    [Fact]
    public void RecordedFingerprint_IsTheFingerprintOfTheDefaults()
    {
        string computed = Computed;
        Assert.True(computed == ModelIdentity.ModelFingerprint,
            $"The built-in defaults changed: their fingerprint is {computed}, ModelIdentity.ModelFingerprint says {ModelIdentity.ModelFingerprint}. " +
            "Set ModelIdentity.ModelFingerprint to the new value and say in CHANGELOG.md's newest section what changed in the numbers.");
    }

    [Fact]
    public void Fingerprint_IsStable_AndCoversEveryPart()
    {
        Assert.Equal(Computed, Computed);
        Assert.Matches("^[0-9a-f]{12}$", Computed);
        var names = ModelIdentity.Defaults().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (string part in new[] { "pk", "effects", "clinical", "designs", "hypothesis", "sensitivity-ranges", "validation", "evidence" })
            Assert.Contains(part, names);
    }

    [Fact]
    public void ChangingOneDefault_ChangesTheFingerprint_AndAnEqualCopyDoesNot()
    {
        string baseline = Computed;
        string With(string name, object value) =>
            ModelIdentity.Fingerprint(ModelIdentity.Defaults().Select(p => p.Name == name ? (p.Name, value) : p));

        // A value 1e-12 away from the default's, deep inside the clinical presets.
        var presets = ClinicalModel.Presets.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var nudged = presets.Select(p => p.Key == "saline-controlled"
            ? new KeyValuePair<string, ClinicalModel>(p.Key, p.Value with { PlaceboSd = p.Value.PlaceboSd + 1e-12 }) : p).ToArray();
        Assert.NotEqual(baseline, With("clinical", nudged));
        // One study fewer in the evidence catalogue.
        Assert.NotEqual(baseline, With("evidence", EvidenceEntry.All.RemoveAt(0)));
        // The hypothesis test's default seed.
        Assert.NotEqual(baseline, With("hypothesis", HypothesisTestSettings.Default with { Seed = 2 }));
        // Equal values built anew: same fingerprint (it follows values, not instances).
        Assert.Equal(baseline, With("hypothesis", HypothesisTestSettings.Default with { Seed = 1 }));
        Assert.Equal(baseline, With("clinical", presets.Select(p => new KeyValuePair<string, ClinicalModel>(p.Key, p.Value with { })).ToArray()));
    }

    [Fact]
    public void ModelVersion_IsPackageVersionPlusFingerprint_AsSemVerBuildMetadata()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", ModelIdentity.PackageVersion);
        Assert.Equal($"{ModelIdentity.PackageVersion}+model.{ModelIdentity.ModelFingerprint}", ModelIdentity.ModelVersion);
        string props = File.ReadAllText(Path.Combine(Root(), "Directory.Build.props"));
        Assert.Contains($"<Version>{ModelIdentity.PackageVersion}</Version>", props, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^## (\S+) .*model fingerprint `([0-9a-f]{12})`", RegexOptions.Multiline)]
    private static partial Regex VersionHeading();

    [Fact]
    public void Changelog_NewestSection_NamesThisVersionAndFingerprint()
    {
        string changelog = File.ReadAllText(Path.Combine(Root(), "CHANGELOG.md"));
        var newest = VersionHeading().Match(changelog);
        Assert.True(newest.Success, "CHANGELOG.md has no '## <version> ... model fingerprint `<12 hex>`' heading.");
        Assert.Equal(ModelIdentity.PackageVersion, newest.Groups[1].Value);
        Assert.True(ModelIdentity.ModelFingerprint == newest.Groups[2].Value,
            $"CHANGELOG.md's newest section names fingerprint {newest.Groups[2].Value}; the defaults' is {ModelIdentity.ModelFingerprint}: say what changed in the numbers.");
    }
}
