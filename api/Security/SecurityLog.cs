using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Api.Security;

/// <summary>Who changed access and who failed to sign in; never a key, password or token.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "API key {Name} created by {Actor} with scopes {Scopes}")]
    public static partial void KeyCreated(ILogger logger, string name, string actor, string scopes);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "API key {Name} revoked by {Actor}")]
    public static partial void KeyRevoked(ILogger logger, string name, string actor);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Operator {Username} created by {Actor} with role {Role}")]
    public static partial void OperatorCreated(ILogger logger, string username, string actor, string role);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Operator {Username} deleted by {Actor}")]
    public static partial void OperatorDeleted(ILogger logger, string username, string actor);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Operator {Username} signed in")]
    public static partial void SignedIn(ILogger logger, string username);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Failed sign-in for user name {Username}")]
    public static partial void SignInFailed(ILogger logger, string username);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Information, Message = "{Actor} signed out")]
    public static partial void SignedOut(ILogger logger, string actor);
}
