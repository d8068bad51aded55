namespace SmartCity.Twin.Grains.Access;

internal sealed class OperatorAccountsState
{
    /// <summary>By user name.</summary>
    public Dictionary<string, OperatorAccount> Accounts { get; set; } = new(StringComparer.Ordinal);
}
