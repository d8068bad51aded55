namespace SmartCity.Twin.Gateways.Mqtt.Protocol;

/// <summary>What <see cref="MqttFrameReader.TryReadFrame"/> found at the start of the buffer.</summary>
internal enum MqttFrameStatus : byte
{
    /// <summary>A whole packet is available; consume up to <see cref="MqttFrame.End"/>.</summary>
    Complete,

    /// <summary>More bytes are needed; consume nothing, examine everything.</summary>
    Incomplete,

    /// <summary>The fixed header is broken (reserved type or flags, 5-byte or non-minimal Remaining Length); close the connection.</summary>
    Malformed,

    /// <summary>
    /// The packet is larger than the agreed maximum; known from the length bytes alone, so nothing more is read (v5: 0x95).
    /// <see cref="MqttFrame.Header"/> says which packet type it was; its Remaining Length is a lower bound when the
    /// length bytes were not all there yet.
    /// </summary>
    TooLarge,
}
