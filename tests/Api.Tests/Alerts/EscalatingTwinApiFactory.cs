namespace SmartCity.Twin.Api.Tests.Alerts;

/// <summary>The silo with a High alert escalating after 2 s, so escalation shows through the API in real time.</summary>
public sealed class EscalatingTwinApiFactory : TwinApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Alerts:Lifecycle:EscalateAfter:High"] = "00:00:02",
    };
}
