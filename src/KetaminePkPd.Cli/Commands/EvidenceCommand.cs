using System.CommandLine;
using KetaminePkPd.Evidence;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd evidence</c>: the library's catalogue of published dissociation-response findings
/// (<see cref="EvidenceCatalogue"/>), as a table or as the Markdown of docs/evidence.md (<see cref="EvidenceMarkdown"/>).
/// </summary>
internal sealed class EvidenceCommand : CliCommand
{
    /// <summary>Examples shown at the end of <c>evidence --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd evidence",
        "ketamine-pkpd evidence --catalogue",
        "ketamine-pkpd evidence --markdown > docs/evidence.md",
    ];

    private readonly Option<bool> _markdown = new("--markdown")
    {
        Description = "Print the Markdown page docs/evidence.md (every entry with its citation, design as a scenario file, statistic and sources) " +
            "instead of the table (" + EvidenceMarkdown.RegenerateCommand + ").",
    };

    private readonly Option<bool> _catalogue = new("--catalogue")
    {
        Description = "Print the catalogue (one row per entry: key, n, the statistic as reported, overlap group, study) and stop.",
    };

    public EvidenceCommand()
        : base("evidence",
            "The published analyses of the association between ketamine or esketamine dissociation and the antidepressant response " +
            $"({EvidenceCatalogue.All.Length} entries: Luckenbaugh 2014, Niciu 2018, the esketamine phase-3 analyses, Echegaray 2025, the Mathai " +
            "2020 and Grabski 2020 reviews), each with its statistic as reported, its overlap group and a runnable design. Instant.")
    {
        Add(_catalogue, _markdown);
    }

    protected override int Execute(CommandContext ctx)
    {
        if (ctx.Get(_catalogue) && ctx.Get(_markdown)) throw new ArgumentException("--catalogue and --markdown cannot be combined; choose one output.");
        if (ctx.Get(_markdown))
        {
            ctx.Stdout.Write(EvidenceMarkdown.ToMarkdown());
            ctx.Stdout.Flush();
        }
        else ctx.Emit(false, () => "", () => EvidenceOutput.Catalogue());
        return CliErrors.Success;
    }
}
