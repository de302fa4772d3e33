namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// <c>ketamine-pkpd merge</c>: combines the partial files of <c>sensitivity --shard K/N</c> (every K from 1 to N) into
/// exactly the output of the unsharded run (<see cref="SensitivityShardFile"/>).
/// </summary>
internal sealed class MergeCommand : CliCommand
{
    private readonly Argument<string[]> _files = FileRoles.Input(new Argument<string[]>("files") { Description = "The shard files (sensitivity --shard K/N --out file), every K from 1 to N once.", Arity = ArgumentArity.OneOrMore }, "shard file");
    private readonly Option<string?> _out = SharedOptions.Out("file.csv", "Write the CSV of every cell, as sensitivity --out would.");
    private readonly Option<string?> _plot = PlotOptions.Create("--plot", "Write the tornado plots, one file per observation time.");
    private readonly Option<string?> _plotHeatmap = PlotOptions.Create("--plot-heatmap", "Write the heat maps of the pair, one file per observation time.");
    private readonly Option<bool> _json = SharedOptions.Json("Print the JSON object of the unsharded run instead of the report.");
    private readonly Option<bool> _quiet = SharedOptions.Quiet();

    public MergeCommand()
        : base("merge",
            "Combine the partial result files of `sensitivity --shard K/N` (or `sensitivity --global --shard K/N`) into exactly the output of the unsharded run (report, --json, --out CSV, plots).")
    {
        Add(_files, _out, _plot, _plotHeatmap, _json, _quiet);
    }

    /// <summary>The largest shard file read: 512 MB (a shard of the default analysis is about 2 MB / N).</summary>
    public const long MaxShardFileBytes = 512L << 20;

    /// <summary>Reads one shard file with a size bound; every message names the file.</summary>
    private static SensitivityShardFile Read(string path) => Open(path, s => SensitivityShardFile.Read(s, path));

    private static T Open<T>(string path, Func<Stream, T> read)
    {
        using var stream = InputText.OpenRead(path, MaxShardFileBytes, $"shard file '{path}'");
        return read(stream);
    }

    protected override int Execute(CommandContext ctx)
    {
        var paths = ctx.Parse.GetValue(_files) ?? [];
        var sensitivity = new SensitivityCommand();
        if (paths.Any(p => Open(p, GlobalShardFile.IsGlobal)))
        {
            var (stored, worlds) = GlobalShardFile.Combine([.. paths.Select(p => Open(p, s => GlobalShardFile.Read(s, p)))], paths);
            var g = sensitivity.ResolveGlobal(Parse(sensitivity, stored, paths[0]));
            if (ctx.Get(_plotHeatmap) is not null) throw new ArgumentException("--plot-heatmap: these are shard files of a global analysis, which has no pair; use --plot.");
            return SensitivityCommand.EmitGlobal(ctx, g, ctx.Get(_out), ctx.Get(_plot), ctx.Get(_json), quiet: true, _ => GlobalSensitivityResult.Merge(g.Settings, worlds));
        }
        SensitivityShardFile[] files = [.. paths.Select(Read)];
        var analysis = SensitivityShardFile.CheckSameAnalysis(files, paths);
        var run = sensitivity.Resolve(Parse(sensitivity, analysis, paths[0]));
        if (run.Choice.FilePath is { } design) ctx.Inputs.Add((design, "--design (named in the shard files)"));
        return SensitivityCommand.Emit(ctx, run, ctx.Get(_out), ctx.Get(_plot), ctx.Get(_plotHeatmap), ctx.Get(_json), quiet: true, _ => SensitivityShardFile.Merge(run.Settings, files));
    }

    private static ParseResult Parse(SensitivityCommand command, IEnumerable<string> stored, string file) => command.Command.Parse([.. stored]) is var parsed && parsed.Errors.Count == 0 ? parsed
        : throw new ArgumentException($"'{file}': its stored arguments do not parse ({parsed.Errors[0].Message}).");
}
