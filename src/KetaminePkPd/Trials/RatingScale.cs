
namespace KetaminePkPd.Trials;

/// <summary>The depression rating scale a trial reports on.</summary>
public enum RatingScale
{
    /// <summary>Montgomery-Asberg Depression Rating Scale, 0-60; remission at 10 or below.</summary>
    Madrs,

    /// <summary>17-item Hamilton Depression Rating Scale, 0-52; remission at 7 or below.</summary>
    Hdrs17,
}
