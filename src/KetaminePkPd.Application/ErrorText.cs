namespace KetaminePkPd.Application;

/// <summary>
/// Helpers that keep error messages to one readable line, for every front end (the command line prints <c>error: </c> + <see cref="OneLine"/>; the web page shows it under the input).
/// </summary>
public static class ErrorText
{
    /// <inheritdoc cref="KetaminePkPd.ErrorText.OneLine(Exception)"/>
    public static string OneLine(Exception ex) => KetaminePkPd.ErrorText.OneLine(ex);

    /// <inheritdoc cref="KetaminePkPd.ErrorText.WithoutArgumentDetails(string)"/>
    public static string WithoutArgumentDetails(string message) => KetaminePkPd.ErrorText.WithoutArgumentDetails(message);

    /// <inheritdoc cref="KetaminePkPd.ErrorText.Excerpt(string)"/>
    public static string Excerpt(string text) => KetaminePkPd.ErrorText.Excerpt(text);
}
