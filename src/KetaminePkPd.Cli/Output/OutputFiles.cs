using ScottPlot;

namespace KetaminePkPd.Cli.Output;

/// <summary>
/// The output files of one run (CSV, plots, report), written all-or-nothing: each is opened as an <see cref="AtomicFile"/>
/// before the work starts (so a bad path fails first), filled when the results are in, and all are committed together at
/// the end. Disposing without committing deletes every temporary file: a failed run leaves no output at all.
/// </summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly List<(AtomicFile File, string Option)> _files = [];
    private readonly IReadOnlyList<(string Path, string Source)> _inputs;

    /// <summary>What names a response file among the inputs.</summary>
    public const string ResponseFile = "the response file";

    /// <summary>Output files that must not replace any of <paramref name="inputs"/> (the files the run reads).</summary>
    /// <param name="inputs">Input paths with what named each (an option such as <c>--design</c>, a response file); a path naming no file is ignored.</param>
    public OutputFiles(IReadOnlyList<(string Path, string Source)> inputs) => _inputs = inputs;

    /// <summary>Opens <paramref name="path"/> for writing, or returns null when it is null.</summary>
    /// <param name="path">Target path, or null for none.</param>
    /// <param name="option">The option that named it, for messages (e.g. <c>--out</c>).</param>
    /// <exception cref="IOException">The directory does not exist or cannot be written, or another output of this run has the same path.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    /// <exception cref="ArgumentException">The path is empty or invalid, or one of the run's input files.</exception>
    public AtomicFile? Open(string? path, string option)
    {
        if (path is null) return null;
        CheckNotAnInput(path, option, _inputs);
        var file = AtomicFile.Open(path, option);
        var same = _files.FirstOrDefault(f => string.Equals(f.File.Target, file.Target, StringComparison.Ordinal));
        if (same.File is not null)
        {
            file.Dispose();
            throw new ArgumentException($"{option} '{path}' is the same file as {same.Option}; give each output its own file.");
        }
        _files.Add((file, option));
        return file;
    }

    /// <summary>
    /// Refuses an output that is one of the run's input files: the same file or FIFO by device and inode (so also through
    /// a symbolic or hard link, or another spelling of the path).
    /// </summary>
    /// <exception cref="ArgumentException">The output is an input; the message names both.</exception>
    public static void CheckNotAnInput(string path, string option, IEnumerable<(string Path, string Source)> inputs)
    {
        // Writing a character device (a terminal, /dev/null) destroys nothing, even when the same one is read (--data /dev/stdin).
        var output = FileIdentity.Of(path);
        if (output.Kind is FileKind.Missing or FileKind.Device) return;
        foreach (var (inputPath, source) in inputs)
        {
            if (!FileIdentity.Of(inputPath).IsSameFileAs(output)) continue;
            string named = (source == ResponseFile ? "@" : "") + inputPath, detail = inputPath == path ? "" : " (the same file)";
            throw new ArgumentException($"{option} '{path}' is the input file of {source} '{named}'{detail}; writing it would destroy the input. Give the output another name.");
        }
    }

    /// <summary>The full paths of the files opened, in order.</summary>
    public IReadOnlyList<string> Paths => [.. _files.Select(f => f.File.Path)];

    /// <summary>Writes <paramref name="plot"/> as PNG or SVG (by the file's extension) into <paramref name="file"/>.</summary>
    /// <param name="file">A file opened by <see cref="Open"/>.</param>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width, pixels.</param>
    /// <param name="height">Height, pixels.</param>
    public static void WritePlot(AtomicFile file, Plot plot, int width = Figure.DefaultWidth, int height = Figure.DefaultHeight) =>
        file.Stream.Write(Figure.Encode(plot, file.Path, width, height));

    /// <summary>Height of each panel of a stacked figure, pixels.</summary>
    public const int PanelHeight = 500;

    /// <summary>Writes panels stacked top to bottom as one PNG or SVG (by the file's extension) into <paramref name="file"/>.</summary>
    public static void WritePanels(AtomicFile file, IReadOnlyList<Plot> panels, int width = Figure.DefaultWidth, int panelHeight = PanelHeight) =>
        file.Stream.Write(Figure.Encode(panels, file.Path, width, panelHeight));

    /// <summary>Moves every file into place.</summary>
    /// <exception cref="IOException">A move failed; the files not yet moved are deleted.</exception>
    public void CommitAll()
    {
        foreach (var (file, _) in _files) file.Commit();
    }

    /// <summary>Deletes the temporary files of every file not committed.</summary>
    public void Dispose()
    {
        foreach (var (file, _) in _files) file.Dispose();
    }
}
