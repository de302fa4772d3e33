
namespace KetaminePkPd.Trials;

/// <summary>A scenario file that cannot be read: the message names the JSON path of the problem (e.g. <c>$.arms[1].dose</c>).</summary>
internal sealed class ScenarioException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">JSON path of the offending value.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public ScenarioException(string path, string message, Exception? inner = null) : base($"{path}: {message}", inner) => JsonPath = path;

    /// <summary>JSON path of the offending value.</summary>
    public string JsonPath { get; }
}
