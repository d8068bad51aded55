namespace SmartCity.Twin.Api.Kpis;

/// <summary>The metrics the KPI sampler records for every district and the province, one sample per history resolution.</summary>
internal static class KpiMetrics
{
    /// <summary>Provisioned devices in the area.</summary>
    public const string DevicesTotal = "devices_total";

    /// <summary>Of those, online.</summary>
    public const string DevicesOnline = "devices_online";

    /// <summary>The worst current VN_AQI of the area's environment sensors (the district roll-up's); absent when none has one.</summary>
    public const string WorstAqi = "aqi_worst";

    /// <summary>Service counters in the area; sampled only during opening hours.</summary>
    public const string CountersExpected = "counters_expected";

    /// <summary>Of those, with the officer present; sampled only during opening hours.</summary>
    public const string CountersStaffed = "counters_staffed";

    /// <summary>The mean latest <c>queue_length</c> of the area's counters that report one.</summary>
    public const string QueueLength = "queue_length";

    /// <summary>Camera <c>violation</c> events since the previous sample.</summary>
    public const string TrafficViolations = "traffic_violations";

    /// <summary>The telemetry metric service counters report their queue under.</summary>
    public const string CounterQueueMetric = "queue_length";

    public const string ViolationEvent = "violation";
    public const string OfficerPresentEvent = "officer-present";
    public const string OfficerAbsentEvent = "officer-absent";
}
