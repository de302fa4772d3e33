using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Application;

/// <summary>
/// Pieces of the command lines that reproduce a run (the <c>reproduce</c> key of the JSON outputs), shared by the
/// library's requests and the command line so every printed command quotes its arguments the same way.
/// </summary>
public static class CommandLineText
{
    /// <summary>The tool's command name.</summary>
    public const string Tool = "ketamine-pkpd";

    /// <summary>The examples at the end of each command's help, keyed by command name ("" for the tool itself).</summary>
    private static readonly Dictionary<string, string[]> ExampleLines = new(StringComparer.Ordinal)
    {
        [""] =
        [
            "ketamine-pkpd hypothesis",
            "ketamine-pkpd trial --subjects 1000 --hypothesis mediation",
            "ketamine-pkpd simulate",
            "ketamine-pkpd simulate --drug esketamine --dose 56mg --json",
            "ketamine-pkpd compare --subjects 300 --plot compare.png",
            "ketamine-pkpd dose-response --plot dose-response.svg",
            "ketamine-pkpd report --out report.html",
            "ketamine-pkpd sensitivity --plot tornado.png",
            "ketamine-pkpd strengths --strength rho",
            "ketamine-pkpd hypothesis --help",
        ],
        ["simulate"] =
        [
            "ketamine-pkpd simulate",
            "ketamine-pkpd simulate --dose 35mg --infusion 40min --weight 82kg --out ketamine.csv",
            "ketamine-pkpd simulate --drug esketamine --dose 84mg --repeat 8 --interval 3.5d --until 28d",
            "ketamine-pkpd simulate --route im --dose 0.5mg/kg --until 6h --step 1min --json --time-course",
            "ketamine-pkpd simulate --model herd --weight 25kg --dose 1mg/kg --infusion 0",
            "ketamine-pkpd simulate --plot concentrations.png --log --plot-effects effects.svg --plot-hysteresis hysteresis.png",
            "ketamine-pkpd simulate --data events.csv --model advan2 --out predictions.csv",
            "ketamine-pkpd simulate --data events.csv --model model.json --out predictions.csv --json",
        ],
        ["trial"] =
        [
            "ketamine-pkpd trial",
            "ketamine-pkpd trial --subjects 1000 --seed 7",
            "ketamine-pkpd trial --hypothesis mediation --share 0.3 --json",
            "ketamine-pkpd trial --hypothesis expectancy --threshold-cadss 15 --boost 8",
            "ketamine-pkpd trial --design dose-ranging --out subjects.csv",
            "ketamine-pkpd trial --design my-scenario.json --out subjects.csv",
            "ketamine-pkpd trial --subjects 500 --plot scatter.png --plot-at 7d",
        ],
        ["hypothesis"] =
        [
            "ketamine-pkpd hypothesis",
            "ketamine-pkpd hypothesis --replicates 500 --subjects 2000 --seed 7",
            "ketamine-pkpd hypothesis --hypothesis exposure-only --hypothesis mediation --share 0.3 --json",
            "ketamine-pkpd hypothesis --observed-r -0.35 --observed-n 58 --observed-at 230min",
            "ketamine-pkpd hypothesis --observed my-patients.csv --observed-at 1d",
            "ketamine-pkpd hypothesis --observed docs/examples/observed.csv",
            "ketamine-pkpd hypothesis --design dose-ranging --observed-r -0.2 --observed-n 100 --observed-at 1d",
            "ketamine-pkpd hypothesis --replicates 500 --subjects 2000 --plot r.png --out replicates.csv",
        ],
        ["compare"] =
        [
            "ketamine-pkpd compare",
            "ketamine-pkpd compare --subjects 300 --plot compare.png --plot-effects compare-effects.svg",
            "ketamine-pkpd compare --arm \"drug=esketamine route=intranasal dose=84mg\" --arm \"drug=racemic route=iv dose=0.5mg/kg infusion=40min\"",
            "ketamine-pkpd compare --arm \"route=intranasal dose=100mg f=0.3 name=racemic_IN_100mg\" --threshold-ng-per-ml 50 --json",
            "ketamine-pkpd compare --arm \"drug=esketamine route=intranasal dose=56mg repeat=8 interval=3.5d\" --out arms.csv",
        ],
        ["dose-response"] =
        [
            "ketamine-pkpd dose-response",
            "ketamine-pkpd dose-response --from 0.1mg/kg --to 1mg/kg --steps 12 --plot dose-response.png --plot-scatter dose-alone.svg",
            "ketamine-pkpd dose-response --route im --from 0.1mg/kg --to 2mg/kg --json",
            "ketamine-pkpd dose-response --drug esketamine --route iv --from 0.05mg/kg --to 0.8mg/kg --out sweep.csv",
            "ketamine-pkpd dose-response --drug esketamine --route intranasal --from 28mg --to 112mg --steps 3",
        ],
        ["report"] =
        [
            "ketamine-pkpd report",
            "ketamine-pkpd report --out docs/report.html --seed 7",
            "ketamine-pkpd report --replicates 500 --subjects 2000 --quiet",
        ],
        ["validate"] =
        [
            "ketamine-pkpd validate",
            "ketamine-pkpd validate --json",
            "ketamine-pkpd validate --markdown > docs/validation.md",
            "ketamine-pkpd validate --subjects 2000 --seed 7",
            "ketamine-pkpd validate --hypothesis shared-sensitivity --rho 1",
        ],
        ["calibrate"] =
        [
            "ketamine-pkpd calibrate",
            "ketamine-pkpd calibrate --targets my-targets.json --out my-parameters.json",
            "ketamine-pkpd calibrate --no-intervals --subjects 200 --csv calibration.csv",
            "ketamine-pkpd trial --parameters my-parameters.json",
        ],
        ["sensitivity"] =
        [
            "ketamine-pkpd sensitivity",
            "ketamine-pkpd sensitivity --vary placebo-sd,dose-spread --plot tornado.png",
            "ketamine-pkpd sensitivity --vary none --pair placebo-sd,ec50-a-sd --plot-heatmap heat.png",
            "ketamine-pkpd sensitivity --hypothesis mediation --share 0.3 --out cells.csv --json",
            "ketamine-pkpd sensitivity --design esketamine-intranasal --observed-r=-0.04 --observed-n 576 --observed-at 1d",
            "ketamine-pkpd sensitivity --global --worlds 400 --plot global.png --out worlds.csv",
        ],
        ["strengths"] =
        [
            "ketamine-pkpd strengths",
            "ketamine-pkpd strengths --strength rho --plot rho.png",
            "ketamine-pkpd strengths --design esketamine-intranasal --observed-r=-0.04 --observed-n 576 --observed-at 1d --no-detection",
            "ketamine-pkpd strengths --combine fisher --json --out grid.csv",
        ],
        ["evidence"] =
        [
            "ketamine-pkpd evidence",
            "ketamine-pkpd evidence --exclude mathai2020,grabski2020",
            "ketamine-pkpd evidence --rho 0.3 --share 0.1 --boost 3",
            "ketamine-pkpd evidence --studies my-studies.json --out evidence.csv",
            "ketamine-pkpd evidence --plot evidence.png",
            "ketamine-pkpd evidence --catalogue",
            "ketamine-pkpd evidence --markdown > docs/evidence.md",
        ],
        ["merge"] =
        [
            "ketamine-pkpd merge part-*.json",
            "ketamine-pkpd merge part-1.json part-2.json part-3.json part-4.json --out cells.csv --json",
        ],
    };

    /// <summary>The example command lines shown at the end of the help of <paramref name="command"/> (empty for the tool itself).</summary>
    /// <param name="command">A command name such as <c>hypothesis</c>, or "" for the tool.</param>
    /// <exception cref="ArgumentException">Not a command of the tool.</exception>
    public static IReadOnlyList<string> Examples(string command) =>
        ExampleLines.TryGetValue(command ?? throw new ArgumentNullException(nameof(command)), out var lines) ? lines
            : throw new ArgumentException($"command must be one of {string.Join(", ", ExampleLines.Keys.Where(k => k.Length > 0))}, got '{command}'.", nameof(command));

    /// <summary>
    /// <see cref="SimulationSetup.Resolve(Drug?, PkParameterSet?, Route?, Dose?, TimeSpan?, DoseRate?, int, TimeSpan?, Subject?, SimulationOptions?, string?)"/>
    /// with messages that name the command line's options (<c>--rate applies to --route iv only</c>) instead of the parameters.
    /// </summary>
    /// <exception cref="ArgumentException">A value out of range or a bad combination; the message names the options.</exception>
    public static SimulationSetup ResolveSimulation(Drug? drug, PkParameterSet? model, Route? route, Dose? dose, TimeSpan? infusion, DoseRate? rate,
        int repeat, TimeSpan? interval, Subject? subject, SimulationOptions? options, string? doseText) =>
        SimulationSetup.Resolve(drug, model, route, dose, infusion, rate, repeat, interval, subject, options, doseText, static name => "--" + name);

    /// <summary>A command line of the tool: <see cref="Tool"/>, the command and the arguments, each quoted for a POSIX shell
    /// when it holds anything but letters, digits and <c>_ . / , : = + -</c>.</summary>
    /// <param name="command">The command, e.g. <c>sensitivity</c>.</param>
    /// <param name="arguments">The arguments after it.</param>
    public static string CommandLine(string command, IEnumerable<string> arguments) => string.Join(' ', new[] { Tool, command }
        .Concat(arguments.Select(a => a.All(c => char.IsAsciiLetterOrDigit(c) || "_./,:=+-".Contains(c)) ? a : Quote(a))));

    /// <summary>The arguments that give a replicate study's observation, replicates, pool and seed where they differ from the defaults
    /// (<c>--observed-r/-n/-at</c>, <c>--replicates</c>, <c>--subjects</c>, <c>--seed</c>), appended to <paramref name="args"/>.</summary>
    internal static void AddReplicateArguments(List<string> args, ImmutableArray<ObservedCorrelation>? observed, (int Value, int Default) replicates,
        (int Value, int Default) pool, (ulong Value, ulong Default) seed)
    {
        static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (observed is [var o]) args.AddRange([$"--observed-r={o.R.ToString("R", CultureInfo.InvariantCulture)}", "--observed-n", Inv(o.N), "--observed-at", Durations.Format(o.Time)]);
        if (replicates.Value != replicates.Default) args.AddRange(["--replicates", Inv(replicates.Value)]);
        if (pool.Value != pool.Default) args.AddRange(["--subjects", Inv(pool.Value)]);
        if (seed.Value != seed.Default) args.AddRange(["--seed", seed.Value.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>
    /// Quotes an argument for a POSIX shell when it holds anything but letters, digits and <c>/ . - _ : \</c>: in single
    /// quotes, an embedded single quote written as <c>'\''</c>.
    /// </summary>
    /// <param name="text">The argument.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Quote(string text) => text is null ? throw new ArgumentNullException(nameof(text)) :
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '\\') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
