
namespace KetaminePkPd.Application.Reporting;

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Header">The header people read, with its unit (<c>Cmax (ng/mL)</c>); may hold <c>\n</c> for two lines.</param>
/// <param name="Alignment">How its cells are aligned.</param>
public sealed record ReportColumn(string Header, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>The header people read, with its unit (<c>Cmax (ng/mL)</c>); may hold <c>\n</c> for two lines.</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Header { get; } = Guard.NotBlank(Header, nameof(Header));

    /// <summary>How its cells are aligned.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ColumnAlignment"/>.</exception>
    public ColumnAlignment Alignment { get; } = Guard.Defined(Alignment, nameof(Alignment));

    /// <summary>A right-aligned column, for numbers.</summary>
    /// <param name="header">The header with its unit.</param>
    public static ReportColumn Number(string header) => new(header, ColumnAlignment.Right);
}
