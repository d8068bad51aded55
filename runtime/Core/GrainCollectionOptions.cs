namespace SmartCity.Twin.Runtime;

public sealed class GrainCollectionOptions
{
    /// <summary>How long an activation may stay idle before it is deactivated. Default: 15 minutes. A grain class overrides it with <see cref="CollectionAgeLimitAttribute"/>.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; idle time is measured in these steps. Default: 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);
}
