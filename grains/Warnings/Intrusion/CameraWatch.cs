namespace SmartCity.Twin.Grains.Warnings.Intrusion;

/// <summary>
/// What the camera rules remember, stored with the twin (public properties, JSON); created at the camera's first
/// analytics event or heartbeat reading.
/// </summary>
internal sealed class CameraWatch
{
    public HourlyActivity Activity { get; set; } = new();

    public EventTimes RestrictedZoneMotion { get; set; } = new();

    public EventTimes NightActivity { get; set; } = new();

    /// <summary>Since when an intrusion is in progress; <c>null</c> when none is.</summary>
    public DateTimeOffset? IntrusionSince { get; set; }

    public IntrusionCause IntrusionCause { get; set; }

    /// <summary>Events in the burst that began the intrusion, and how many the camera usually sees in such a window at that hour.</summary>
    public int IntrusionEvents { get; set; }

    public double IntrusionExpected { get; set; }

    public string? IntrusionZone { get; set; }

    public double? IntrusionConfidence { get; set; }

    /// <summary>The last intrusion event or restricted motion: the quiet period counts from here.</summary>
    public DateTimeOffset? LastIntrusionSignal { get; set; }

    public DateTimeOffset? SmokeSince { get; set; }

    public DateTimeOffset? LastSmoke { get; set; }

    public double? SmokeConfidence { get; set; }

    public DateTimeOffset? TamperSince { get; set; }

    public DateTimeOffset? LastTamper { get; set; }

    public double? TamperConfidence { get; set; }

    /// <summary>Whether this twin's detector raised each warning and has not cleared it (a caller's own raise is left alone).</summary>
    public bool IntrusionRaised { get; set; }

    public bool SmokeRaised { get; set; }

    public bool TamperRaised { get; set; }

    public bool TamperRaisedCritical { get; set; }
}
