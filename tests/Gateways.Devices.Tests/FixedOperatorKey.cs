using System.Text;
using SmartCity.Twin.Gateways.Devices.Identity;

namespace SmartCity.Twin.Gateways.Devices.Tests;

internal sealed class FixedOperatorKey(string key) : IOperatorKeys
{
    public bool IsOperatorKey(ReadOnlySpan<byte> password) => password.SequenceEqual(Encoding.UTF8.GetBytes(key));
}
