using SmartCity.Twin.Grains.Access;

namespace SmartCity.Twin.Api.Security;

/// <summary>An operator who may sign in: created through the API, or seeded from <c>Auth:Users</c> (then read-only).</summary>
internal sealed record KnownOperator(OperatorAccount Account, bool FromConfiguration);
