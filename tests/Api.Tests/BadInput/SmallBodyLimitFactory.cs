namespace SmartCity.Twin.Api.Tests.BadInput;

/// <summary>The silo with <c>Api:MaxRequestBodyBytes</c> at 256, to show the limit is the configured one.</summary>
public sealed class SmallBodyLimitFactory : TwinApiFactory
{
    public const int Limit = 256;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Api:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
