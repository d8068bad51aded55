namespace SmartCity.Twin.Api.Kpis;

/// <summary>What one sample counts in one area, before it becomes points of the area's KPI series.</summary>
internal sealed class AreaSample
{
    public int Devices { get; set; }

    public int Online { get; set; }

    public int Counters { get; set; }

    public int Staffed { get; set; }

    public int CountersWithQueue { get; set; }

    public double QueueSum { get; set; }

    public int? WorstAqi { get; set; }

    public long Violations { get; set; }

    public void Add(AreaSample other)
    {
        Devices += other.Devices;
        Online += other.Online;
        Counters += other.Counters;
        Staffed += other.Staffed;
        CountersWithQueue += other.CountersWithQueue;
        QueueSum += other.QueueSum;
        Violations += other.Violations;
        if (other.WorstAqi is { } aqi && (WorstAqi is null || aqi > WorstAqi))
        {
            WorstAqi = aqi;
        }
    }
}
