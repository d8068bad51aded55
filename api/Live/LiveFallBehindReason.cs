namespace SmartCity.Twin.Api.Live;

/// <summary>Why a connection's pending deltas were dropped in favour of a fresh snapshot.</summary>
internal enum LiveFallBehindReason
{
    /// <summary>More twins pending than <see cref="LiveOptions.MaxPendingPerConnection"/>.</summary>
    Backlog,

    /// <summary>A send had not completed within <see cref="LiveOptions.StallTimeout"/>.</summary>
    Stalled,
}
