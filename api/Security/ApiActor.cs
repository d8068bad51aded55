using System.Security.Claims;

namespace SmartCity.Twin.Api.Security;

/// <summary>Who did something, as alert transitions and audit records name them.</summary>
internal static class ApiActor
{
    /// <summary>The operator's user name, or <c>key:{name}</c> for an API key; <c>anonymous</c> should never be seen.</summary>
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
    }
}
