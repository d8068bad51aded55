namespace SmartCity.Twin.Runtime;

public enum DeactivationReason
{
    /// <summary>Idle longer than its collection age.</summary>
    IdleCollection,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,

    /// <summary>Activation failed.</summary>
    ActivationFailed,
}
