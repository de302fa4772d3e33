
namespace KetaminePkPd.Application.Reporting;

/// <summary>What a <see cref="ResultValue"/> holds.</summary>
public enum ResultValueKind
{
    /// <summary>Nothing: an empty CSV cell, <c>null</c> in JSON (e.g. the metabolite of a model without one).</summary>
    Empty,

    /// <summary>A floating-point number, written in shortest round-trip form.</summary>
    Number,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A text (a name, a token).</summary>
    Text,

    /// <summary>A truth value, written <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
