
namespace KetaminePkPd.Trials;

/// <summary>Facts about the rating scales (docs/model.md sections 2 and 4.3).</summary>
internal static class RatingScales
{
    /// <summary>CADSS total range: 23 items scored 0-4.</summary>
    public const double CadssMaximum = 92;

    /// <summary>MADRS points per HDRS-17 point: HAM-D 10/20/30/40 correspond to MADRS 13/26/39/52 (Leucht S et al.,
    /// J Affect Disord 2018;226:326, equipercentile linking in 4388 patients); percentage changes are about equal.</summary>
    public const double MadrsPerHdrs17 = 1.3;

    /// <summary>Highest possible score.</summary>
    public static double Maximum(this RatingScale scale) => scale == RatingScale.Madrs ? 60 : 52;

    /// <summary>Remission: a score at or below this.</summary>
    public static double RemissionCutoff(this RatingScale scale) => scale == RatingScale.Madrs ? 10 : 7;

    /// <summary>Points of this scale per MADRS point (1, or 1/1.3 for HDRS-17).</summary>
    public static double PerMadrsPoint(this RatingScale scale) => scale == RatingScale.Madrs ? 1 : 1 / MadrsPerHdrs17;

    /// <summary>Short name: MADRS or HDRS-17.</summary>
    public static string Label(this RatingScale scale) => scale == RatingScale.Madrs ? "MADRS" : "HDRS-17";

    /// <summary>The scale's token in machine outputs and scenario files: <c>madrs</c> or <c>hdrs17</c> (e.g. the CSV column <c>score_hdrs17_230min</c>).</summary>
    public static string Token(this RatingScale scale) => scale == RatingScale.Madrs ? "madrs" : "hdrs17";
}
