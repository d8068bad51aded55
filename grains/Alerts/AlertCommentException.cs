namespace SmartCity.Twin.Grains.Alerts;

/// <summary>A comment or note the alert does not accept: blank, or longer than <see cref="AlertLimits.MaxTextLength"/>.</summary>
public sealed class AlertCommentException : ArgumentException
{
    public AlertCommentException()
    {
    }

    public AlertCommentException(string message) : base(message)
    {
    }

    public AlertCommentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
