namespace SmartCity.Twin.Runtime;

public sealed class GrainRuntimeOptions
{
    /// <summary>How long a caller waits for a grain's response before <see cref="GrainRequestTimeoutException"/>. Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many turns an activation runs before it yields its thread to other activations. Default: 64.</summary>
    public int TurnsPerSchedule { get; set; } = 64;
}
