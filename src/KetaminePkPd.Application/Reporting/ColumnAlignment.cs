
namespace KetaminePkPd.Application.Reporting;

/// <summary>How the cells of a <see cref="ReportColumn"/> are aligned: text left, numbers right.</summary>
public enum ColumnAlignment
{
    /// <summary>Left-aligned (names, words).</summary>
    Left,

    /// <summary>Right-aligned (numbers, intervals).</summary>
    Right,
}
