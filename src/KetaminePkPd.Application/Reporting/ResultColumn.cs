using System.Text.RegularExpressions;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// A column of a <see cref="ResultTable"/>: a snake_case name that ends in its unit (<c>time_h</c>,
/// <c>parent_ng_per_ml</c>, <c>cadss_points</c>; unitless columns such as <c>arm</c> or <c>r</c> have none) and what it holds.
/// The conventions are in docs/outputs.md.
/// </summary>
/// <param name="Name">The snake_case name: lower-case letters, digits and underscores, starting with a letter.</param>
/// <param name="Description">What the column holds, with its unit and sign convention.</param>
public sealed partial record ResultColumn(string Name, string Description)
{
    /// <summary>The snake_case name.</summary>
    /// <exception cref="ArgumentException">Not lower-case letters, digits and underscores starting with a letter.</exception>
    public string Name { get; } = SnakeName().IsMatch(Name ?? "") ? Name! :
        throw new ArgumentException($"Name must be snake_case (lower-case letters, digits and underscores, starting with a letter), got '{Name}'.", nameof(Name));

    /// <summary>What the column holds, with its unit and sign convention.</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Description { get; } = Guard.NotBlank(Description, nameof(Description));

    /// <summary>
    /// A text in snake_case: lower-case letters and digits, every other run of characters one underscore
    /// (<c>Norketamine-peripheral</c> gives <c>norketamine_peripheral</c>, <c>230 min</c> gives <c>230_min</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentException">No letter or digit in <paramref name="text"/>.</exception>
    public static string ToSnakeCase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = NotLetterOrDigit().Replace(text.Trim().ToLowerInvariant(), "_").Trim('_');
        return s.Length > 0 ? s : throw new ArgumentException($"text must hold a letter or digit, got '{text}'.", nameof(text));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeName();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLetterOrDigit();
}
