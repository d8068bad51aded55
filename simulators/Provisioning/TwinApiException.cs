using System.Net;

namespace SmartCity.Twin.Simulators.Provisioning;

/// <summary>The twin's API refused a request; the message carries the status and the problem's title and detail.</summary>
internal sealed class TwinApiException : Exception
{
    public TwinApiException()
    {
    }

    public TwinApiException(string message)
        : base(message)
    {
    }

    public TwinApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TwinApiException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the refusal; <c>null</c> when the API could not be reached or answered nonsense.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The key was missing, unknown (401) or lacks the scope (403).</summary>
    public bool IsAccessDenied => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
