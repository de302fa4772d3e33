namespace KetaminePkPd.Cli.Files;

/// <summary>An exception's message as the reason given in parentheses at the end of a one-line error.</summary>
internal static class Reason
{
    /// <summary>The first line of the message of <paramref name="ex"/>, without " (Parameter 'x')" and a final period.</summary>
    public static string Of(Exception ex)
    {
        string message = ex.Message.Split('\n')[0].Trim();
        if (ex is ArgumentException { ParamName: { } name }) message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return message.TrimEnd('.');
    }
}
