using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Evidence;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Provenance;

/// <summary>
/// Which library and which model numbers produced a result: the package version and a fingerprint of every built-in
/// default (PK parameter sets, effect parameters, clinical presets, trial designs, the settings of each analysis, the
/// sensitivity ranges, the validation targets and the evidence catalogue). Any change of a default value changes the
/// fingerprint, so two results with the same <see cref="ModelVersion"/> came from the same numbers; a change of code
/// that leaves every default and the public shape of its type alone (a faster solver, a new command) keeps it. CHANGELOG.md
/// names the fingerprint of each version.
/// </summary>
public static class ModelIdentity
{
    /// <summary>The package version (semantic versioning), for example "0.2.0", without build metadata.</summary>
    public static string PackageVersion { get; } = ReadPackageVersion();

    /// <summary>
    /// The first 12 hexadecimal digits of the SHA-256 of a canonical text of every built-in default (numbers in
    /// round-trip form, public properties by name, collections in order). Computing it walks about 850 KB of defaults
    /// (0.4-0.8 s), so the value is recorded here and a test recomputes it: a change of any default fails that test
    /// until this constant and CHANGELOG.md say what changed.
    /// </summary>
    /// <remarks>A property, not a constant, so code compiled against one version reads the fingerprint of the library it runs with.</remarks>
    public static string ModelFingerprint { get; } = "7133df39d23f";

    /// <summary>
    /// What every JSON document and shard file records as <c>modelVersion</c>: the package version and the model
    /// fingerprint as semantic-version build metadata, for example "0.2.0+model.3f9a0c1b2d4e".
    /// </summary>
    public static string ModelVersion => $"{PackageVersion}+model.{ModelFingerprint}";

    /// <summary>The built-in defaults the fingerprint covers, each under a stable name.</summary>
    internal static IEnumerable<(string Name, object Value)> Defaults()
    {
        yield return ("pk", PkParameterSet.All);
        yield return ("effects", EffectParameterSet.Default);
        yield return ("clinical", ClinicalModel.Presets.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        yield return ("covariates", CovariateDistribution.Default);
        yield return ("populations", PkParameterSet.All.Select(PopulationModel.Default).ToArray());
        yield return ("designs", TrialDesign.ByKey.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        yield return ("hypothesis", HypothesisTestSettings.Default);
        yield return ("sensitivity", SensitivitySettings.Default);
        yield return ("sensitivity-ranges", SensitivityAnalysis.All.Select(a => (a, SensitivityAnalysis.Multipliers(a))).ToArray());
        yield return ("strengths", StrengthScanSettings.Default);
        yield return ("comparison", ComparisonOptions.Default);
        yield return ("dose-response", DoseResponseSettings.Default);
        yield return ("simulation", SimulationOptions.Default);
        yield return ("tolerances", OdeTolerances.Default);
        yield return ("validation", ValidationTarget.All);
        yield return ("validation-settings", ValidationSettings.Default);
        yield return ("evidence", EvidenceEntry.All);
        yield return ("evidence-settings", EvidenceSettings.Default);
    }

    // The walk reads public properties by reflection, which trimming (Native AOT) may remove: only the fingerprint test
    // runs it (ModelFingerprint is the recorded constant), so a trimmed tool never calls it.
    private const string WalkNeedsMetadata = "Reads every public property of the defaults by reflection; trimming may remove them.";

    /// <summary>The fingerprint of <paramref name="parts"/> (see <see cref="ModelFingerprint"/>); tests pass changed defaults.</summary>
    [RequiresUnreferencedCode(WalkNeedsMetadata)]
    internal static string Fingerprint(IEnumerable<(string Name, object Value)> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(parts))))[..12];

    /// <summary>The canonical text of <paramref name="parts"/> (what <see cref="Fingerprint"/> hashes), for diagnosis.</summary>
    [RequiresUnreferencedCode(WalkNeedsMetadata)]
    internal static string CanonicalText(IEnumerable<(string Name, object Value)> parts)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            text.Append(name).Append('=');
            Write(text, value, depth: 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
            text.Append('\n');
        }
        return text.ToString();
    }

    private const int MaxDepth = 12;

    [RequiresUnreferencedCode(WalkNeedsMetadata)]
    private static void Write(StringBuilder text, object? value, int depth, HashSet<object> path)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case string s: text.Append('"').Append(s).Append('"'); return;
            case double d: text.Append(d.ToString("R", CultureInfo.InvariantCulture)); return;
            case float f: text.Append(f.ToString("R", CultureInfo.InvariantCulture)); return;
            case bool b: text.Append(b ? "true" : "false"); return;
            case TimeSpan t: text.Append(t.Ticks.ToString(CultureInfo.InvariantCulture)).Append("t"); return;
            case Enum e: text.Append(e.ToString()); return;
            case IFormattable n when value.GetType().IsPrimitive || value is decimal:
                text.Append(n.ToString(null, CultureInfo.InvariantCulture)); return;
            case Delegate: text.Append("fn"); return;
        }
        var type = value.GetType();
        if (depth >= MaxDepth) { text.Append('…').Append(type.Name); return; }
        if (!type.IsValueType && !path.Add(value)) { text.Append("^cycle"); return; }
        try
        {
            if (value is IEnumerable items)
            {
                text.Append('[');
                bool first = true;
                foreach (object? item in items)
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(text, item, depth + 1, path);
                }
                text.Append(']');
                return;
            }
            if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
            {
                text.Append('(');
                var fields = type.GetFields();
                for (int i = 0; i < fields.Length; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(text, fields[i].GetValue(value), depth + 1, path);
                }
                text.Append(')');
                return;
            }
            text.Append(type.Name).Append('{');
            bool firstProperty = true;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                         .OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (!firstProperty) text.Append(';');
                firstProperty = false;
                text.Append(property.Name).Append(':');
                Write(text, property.GetValue(value), depth + 1, path);
            }
            text.Append('}');
        }
        finally
        {
            if (!type.IsValueType) path.Remove(value);
        }
    }

    private static string ReadPackageVersion()
    {
        string informational = typeof(ModelIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ModelIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
