using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>The scopes each operator role grants, and the role names used in requests, responses and configuration.</summary>
internal static class OperatorScopes
{
    private static readonly string[] Viewer = [ApiScopes.ReadTwins, ApiScopes.ReadAlerts];
    private static readonly string[] Operator = [ApiScopes.ReadTwins, ApiScopes.ReadAlerts, ApiScopes.WriteCommands];

    public static IReadOnlyList<string> Of(OperatorRole role) => role switch
    {
        OperatorRole.Viewer => Viewer,
        OperatorRole.Operator => Operator,
        OperatorRole.Admin => ApiScopes.All,
        _ => [],
    };

    public static string Name(OperatorRole role) => role switch
    {
        OperatorRole.Viewer => "viewer",
        OperatorRole.Operator => "operator",
        OperatorRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out OperatorRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "viewer":
                role = OperatorRole.Viewer;
                return true;
            case "operator":
                role = OperatorRole.Operator;
                return true;
            case "admin":
                role = OperatorRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>Operators and admins handle alerts (acknowledge, resolve, comment); viewers only read them.</summary>
    public static bool HandlesAlerts(OperatorRole role) => role is OperatorRole.Operator or OperatorRole.Admin;
}
