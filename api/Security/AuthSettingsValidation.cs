using Microsoft.Extensions.Options;

namespace SmartCity.Twin.Api.Security;

/// <summary>Refuses to start with an <c>Auth</c> section that would silently lock people out or let them in.</summary>
internal sealed class AuthSettingsValidation : IValidateOptions<AuthSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        var failures = new List<string>();
        foreach (var (username, user) in options.Users)
        {
            if (!AccessNames.IsValid(username))
            {
                failures.Add($"Auth:Users:{username}: a user name is {AccessNames.Form}.");
            }

            if (!OperatorScopes.TryParse(user.Role, out _))
            {
                failures.Add($"Auth:Users:{username}:Role is '{user.Role}'; use viewer, operator or admin.");
            }

            if (!LooksLikePasswordHash(user.PasswordHash))
            {
                failures.Add($"Auth:Users:{username}:PasswordHash must be an ASP.NET Core Identity password hash (base64), not a password.");
            }
        }

        if (options.RateLimit.PermitsPerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Auth:RateLimit:PermitsPerMinute must be between 1 and 1000000.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero || options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Auth:SessionLifetime and Auth:TokenLifetime must be positive (e.g. 08:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Identity's format: a version byte (0x00 v2, 0x01 v3) then salt and subkey; far longer than any marker byte.</summary>
    private static bool LooksLikePasswordHash(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length >= 49 && buffer[0] is 0x00 or 0x01;
    }
}
