namespace SmartCity.Twin.Simulators.Load;

/// <summary>What one load run measured. Counts are over the measuring window unless named total.</summary>
internal sealed record LoadReport
{
    public required LoadSettings Settings { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public required int Connected { get; init; }

    public required int ConnectFailures { get; init; }

    /// <summary>The measuring window as it really lasted.</summary>
    public required TimeSpan Window { get; init; }

    public required LoadCounts Counts { get; init; }

    public required LoadCounts Total { get; init; }

    /// <summary>Published but neither acknowledged, refused nor failed once the run had drained.</summary>
    public required long Unacknowledged { get; init; }

    /// <summary>What the twins took (<see cref="TwinTally"/>), over the whole run; <c>null</c> against a broker or when it could not be read.</summary>
    public long? TwinsTook { get; init; }

    /// <summary>Publish → PUBACK (QoS 1 only): what the broker or the twin's endpoint takes to accept a message.</summary>
    public LatencyPercentiles? Acknowledgement { get; init; }

    public LatencyPercentiles? Hub { get; init; }

    public LatencyPercentiles? Api { get; init; }

    /// <summary>Refusals by reason code, most frequent first, as "QuotaExceeded × 12".</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];

    /// <summary>What went wrong along the way (a failed connect or publish, a probe's error), for the reader.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public double PublishedPerSecond => Counts.Published / Window.TotalSeconds;

    public double AcknowledgedPerSecond => Counts.Acknowledged / Window.TotalSeconds;

    public bool IsAcknowledged => Settings.QualityOfService != Gateways.Mqtt.Protocol.MqttQualityOfService.AtMostOnce;

    /// <summary>A run counts when something was published and, at QoS 1, something acknowledged.</summary>
    public bool Succeeded => Total.Published > 0 && Total.Failed < Total.Published && (!IsAcknowledged || Total.Acknowledged > 0);

    /// <summary>The CSV's rows: one per latency probe (puback, hub, api); one "none" row at QoS 0 against a plain broker.</summary>
    public IEnumerable<(string Probe, LatencyPercentiles Latency)> Probes()
    {
        if (Acknowledgement is null && Hub is null && Api is null)
        {
            yield return ("none", LatencyPercentiles.None);
            yield break;
        }

        if (Acknowledgement is not null)
        {
            yield return ("puback", Acknowledgement);
        }

        if (Hub is not null)
        {
            yield return ("hub", Hub);
        }

        if (Api is not null)
        {
            yield return ("api", Api);
        }
    }
}
