using Microsoft.Extensions.Options;
using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>The operators of <c>Auth:Users</c>, read once at start (validated by <see cref="AuthSettingsValidation"/>).</summary>
internal sealed class ConfiguredOperators(IOptions<AuthSettings> settings)
{
    private IReadOnlyList<OperatorAccount>? _accounts;

    public IReadOnlyList<OperatorAccount> Accounts => _accounts ??= Read(settings.Value);

    private static OperatorAccount[] Read(AuthSettings settings)
        => [.. settings.Users
            .Where(u => AccessNames.IsValid(u.Key) && OperatorScopes.TryParse(u.Value.Role, out _) && !string.IsNullOrWhiteSpace(u.Value.PasswordHash))
            .Select(u =>
            {
                OperatorScopes.TryParse(u.Value.Role, out var role);
                return new OperatorAccount(u.Key, u.Value.PasswordHash!.Trim(), role, DateTimeOffset.MinValue, "configuration");
            })];
}
