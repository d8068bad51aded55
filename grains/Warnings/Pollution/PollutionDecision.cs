namespace SmartCity.Twin.Grains.Warnings.Pollution;

/// <summary>What the pollution rules ask of the twin after a batch of readings.</summary>
public enum PollutionDecision
{
    None,

    /// <summary>Raise <c>pollution</c>: it began, or its band got worse (a meaningful repeat).</summary>
    Raise,

    Clear,
}
