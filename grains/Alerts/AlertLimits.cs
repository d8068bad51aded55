namespace SmartCity.Twin.Grains.Alerts;

public static class AlertLimits
{
    /// <summary>Longest comment, note or message: a paragraph, not a report; keeps an alert's stored state small.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>
    /// Comments and notes kept per alert; older entries beyond it are dropped from the stored trail (the first entry,
    /// <c>raised</c>, always stays) so that a chatty alert cannot grow without bound.
    /// </summary>
    public const int MaxTransitions = 500;
}
