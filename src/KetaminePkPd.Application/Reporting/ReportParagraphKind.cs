
namespace KetaminePkPd.Application.Reporting;

/// <summary>What a <see cref="ReportParagraph"/> is, so that a front end can show it accordingly.</summary>
public enum ReportParagraphKind
{
    /// <summary>Ordinary text: a legend, a method note, the closing line.</summary>
    Plain,

    /// <summary>A plain-language reading of a result (what it means), often with a lead naming what it reads.</summary>
    Reading,

    /// <summary>The PROVISIONAL statement: which parameters are the project's own calibrations (shown prominently).</summary>
    Provisional,

    /// <summary>A warning about this run (undefined replicates, an extrapolated input, ...).</summary>
    Warning,
}
