using System.Text.RegularExpressions;

namespace SmartCity.Twin.Api.Security;

/// <summary>The form of user names and API key names: short, lower case, safe in URLs, logs and principal names.</summary>
internal static partial class AccessNames
{
    public const string Form = "1–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>The admin key's principal is <c>key:admin</c>; a created key of that name would be mistaken for it.</summary>
    public const string ReservedKeyName = "admin";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
