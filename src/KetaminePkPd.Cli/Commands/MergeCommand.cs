using System.CommandLine;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd merge</c>: combines the partial files of <c>sensitivity --shard K/N</c> (every K from 1 to N) into
/// exactly the output of the unsharded run: the same report, the same <c>--json</c> bytes, the same <c>--out</c> CSV.
/// </summary>
internal sealed class MergeCommand
{
    /// <summary>Examples shown at the end of <c>merge --help</c>.</summary>
    public static readonly string[] Examples =
    [
        "ketamine-pkpd merge part-*.json",
        "ketamine-pkpd merge part-1.json part-2.json part-3.json part-4.json --out cells.csv --json",
    ];

    private readonly Argument<string[]> _files = new("files") { Description = "The shard files (sensitivity --shard K/N --out file), every K from 1 to N once.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _out = new("--out") { HelpName = "file.csv", Description = "Write the CSV of every cell, as sensitivity --out would." };
    private readonly Option<string?> _plot = PlotOptions.Create("--plot", "Write the tornado plots, one file per observation time.");
    private readonly Option<string?> _plotHeatmap = PlotOptions.Create("--plot-heatmap", "Write the heat maps of the pair, one file per observation time.");
    private readonly Option<bool> _json = new("--json") { Description = "Print the JSON object of the unsharded run instead of the report." };
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    public MergeCommand()
    {
        Command = new Command("merge",
            "Combine the partial result files of `sensitivity --shard K/N` into exactly the output of the unsharded run (report, --json, --out CSV, plots).")
        {
            _files, _out, _plot, _plotHeatmap, _json, _quiet,
        };
        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Adds the command and its examples to the command tree.</summary>
    public static void Register(Command root, IDictionary<Command, string[]> examples)
    {
        var command = new MergeCommand();
        root.Subcommands.Add(command.Command);
        examples[command.Command] = Examples;
    }

    private int Execute(ParseResult p)
    {
        var stdout = p.InvocationConfiguration.Output;
        var stderr = p.InvocationConfiguration.Error;
        try
        {
            var files = p.GetValue(_files) ?? [];
            var read = files.Select(SensitivityShardFile.Read).ToList();
            var arguments = read[0].Arguments;
            var other = read.FindIndex(r => !r.Arguments.SequenceEqual(arguments));
            if (other >= 0)
                throw new ArgumentException($"'{files[other]}' comes from another analysis ({string.Join(' ', read[other].Arguments)}) than '{files[0]}' ({string.Join(' ', arguments)}).");
            var sensitivity = new SensitivityCommand();
            var parsed = sensitivity.Command.Parse([.. arguments]);
            if (parsed.Errors.Count > 0) throw new ArgumentException($"'{files[0]}': its stored arguments do not parse ({parsed.Errors[0].Message}).");
            string? heatmap = PlotOptions.Check(p.GetValue(_plotHeatmap), "--plot-heatmap");
            var inputs = sensitivity.Resolve(parsed) with
            {
                OutPath = p.GetValue(_out), PlotPath = PlotOptions.Check(p.GetValue(_plot), "--plot"), HeatmapPath = heatmap,
                Json = p.GetValue(_json), Quiet = p.GetValue(_quiet),
            };
            if (heatmap is not null && inputs.Settings.Pair is null) throw new ArgumentException("--plot-heatmap: the shards' analysis has no --pair.");
            var shards = read.Select(r => r.Shard).ToList();
            return SensitivityCommand.Emit(inputs, stdout, () => Parsing.Wrap("merge", string.Join(' ', files), () => SensitivityAnalysis.Merge(inputs.Settings, shards)));
        }
        catch (Exception ex) when (CliErrors.IsReported(ex))
        {
            return CliErrors.Report(stderr, ex);
        }
    }
}
