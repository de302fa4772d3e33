using System.Text.Encodings.Web;
using KetaminePkPd.Provenance;

namespace KetaminePkPd.Application.Reporting;

/// <summary>What the library's JSON documents share: the model version and the serializer options.</summary>
internal static class TrialJsonParts
{
    /// <summary>The <c>modelVersion</c> of every document: the package version and the defaults' fingerprint (<see cref="ModelIdentity.ModelVersion"/>).</summary>
    public static string ModelVersion => ModelIdentity.ModelVersion;

    /// <summary>Options with relaxed escaping (readable '+', quotes and non-ASCII; the text is never embedded in HTML) over <paramref name="generated"/>.</summary>
    public static JsonSerializerOptions Relaxed(JsonSerializerOptions generated) => new(generated) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Throws when a value meant for a document is NaN or infinite.</summary>
    public static void Finite(string what, params double[] values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new NonFiniteResultException($"{what} gave a non-finite value ({v}); nothing was written.");
    }

    /// <summary>The verdict as a JSON token: <c>compatible</c>, <c>stronger</c>, <c>weaker</c>, <c>opposite-sign</c>.</summary>
    public static string Token(CompatibilityVerdict v) => TrialWording.Verdict(v).Replace(' ', '-');
}

/// <summary>A hypothesis with its strengths.</summary>
internal sealed record HypothesisJson(string Name, double SensitivityCorrelation, double MediationShare, double ExpectancyThresholdCadss,
    double ExpectancyBoostMadrs, bool IsExposureOnly, string Description)
{
    /// <summary>The JSON form of a hypothesis.</summary>
    public static HypothesisJson Of(Hypothesis h) => new(h.Name, h.SensitivityCorrelation, h.MediationShare, h.ExpectancyThresholdCadss,
        h.ExpectancyBoostMadrs, h.IsExposureOnly, TrialWording.Hypothesis(h));
}

/// <summary>A correlation with its 95% CI, p-value and n.</summary>
internal sealed record CorrelationJson(double R, double Lower, double Upper, double P, int N)
{
    /// <summary>The JSON form of a correlation result, or null.</summary>
    public static CorrelationJson? Of(CorrelationResult? c) => c is null ? null : new(c.R, c.Lower, c.Upper, c.PValue, c.N);
}

/// <summary>A model parameter that is the project's own calibration.</summary>
internal sealed record ProvisionalParameterJson(string Name, double Value, string Unit, string Description, string Source)
{
    /// <summary>The JSON form of a model parameter.</summary>
    public static ProvisionalParameterJson Of(ModelParameter p) => new(p.Name, p.Value, p.Unit, p.Description, p.Source);
}

/// <summary>An observed correlation (r against % change; negative = more dissociation, more improvement).</summary>
internal sealed record ObservedJson(string Time, double TimeH, double R, int N, string Source)
{
    /// <summary>The JSON form of an observation.</summary>
    public static ObservedJson Of(ObservedCorrelation o) => new(Durations.Format(o.Time), o.Time.TotalHours, o.R, o.N, o.Source);
}

/// <summary>A central interval.</summary>
internal sealed record IntervalJson(double Lower, double Upper);
