using System.Text;
using SmartCity.Twin.Gateways.Devices.Identity;

namespace SmartCity.Twin.Gateways.Devices.Tests;

/// <summary>One read-only operator key and, optionally, one gateway key.</summary>
internal sealed class FixedOperatorKey(string key, string? gatewayKey = null) : IOperatorKeys
{
    public ValueTask<KeyAccess> CheckAsync(ReadOnlyMemory<byte> password, CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            password.Span.SequenceEqual(Encoding.UTF8.GetBytes(key)) ? KeyAccess.Operator
            : gatewayKey is not null && password.Span.SequenceEqual(Encoding.UTF8.GetBytes(gatewayKey)) ? KeyAccess.Gateway
            : KeyAccess.None);
}
