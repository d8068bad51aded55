using System.Globalization;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>Alert ids that read in a log or a URL: <c>{twinId}.{type}.{yyyyMMddTHHmmssZ}</c>, then <c>-2</c>, <c>-3</c>… if taken.</summary>
public static class AlertIds
{
    public static string Create(string twinId, string warningType, DateTimeOffset raisedAt, int attempt = 1)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{twinId}.{warningType}.{raisedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        return attempt <= 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}-{attempt}");
    }

    /// <summary>One alert open per twin and type: the key repeats are counted under.</summary>
    public static string DedupKey(string twinId, string warningType) => twinId + "/" + warningType;
}
