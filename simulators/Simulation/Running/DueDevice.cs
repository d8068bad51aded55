namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// When a device is next due, ordered by time and then by its place in the province, so simultaneous devices always
/// act in the same order (the heap alone would not guarantee it) and a seed reproduces the same message sequence.
/// </summary>
internal readonly record struct DueDevice(long UtcTicks, int Index) : IComparable<DueDevice>
{
    public int CompareTo(DueDevice other)
    {
        var byTime = UtcTicks.CompareTo(other.UtcTicks);
        return byTime != 0 ? byTime : Index.CompareTo(other.Index);
    }
}
