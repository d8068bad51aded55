namespace SmartCity.Twin.Api.Alerts;

/// <summary>
/// An alert's place in the newest-first list: raise time (UTC ticks) descending, then id descending (ordinal). A
/// <c>null</c> <see cref="Id"/> marks the position just before every alert raised at <see cref="RaisedTicks"/>.
/// </summary>
internal readonly record struct AlertKey(long RaisedTicks, string? Id) : IComparable<AlertKey>
{
    public int CompareTo(AlertKey other)
    {
        var byTime = other.RaisedTicks.CompareTo(RaisedTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        return (Id, other.Id) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => string.CompareOrdinal(other.Id, Id),
        };
    }
}
