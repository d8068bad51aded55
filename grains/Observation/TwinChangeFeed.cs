using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Observation;

/// <summary>Hands every device twin change to the registered <see cref="ITwinObserver"/>s, one after the other.</summary>
public sealed class TwinChangeFeed
{
    private readonly ITwinObserver[] observers;
    private readonly ILogger<TwinChangeFeed> logger;

    public TwinChangeFeed(IEnumerable<ITwinObserver> observers, ILogger<TwinChangeFeed> logger)
    {
        this.observers = observers.ToArray();
        this.logger = logger;
    }

    /// <summary><c>false</c> when nobody observes, so a twin can skip building the change.</summary>
    public bool HasObservers => observers.Length > 0;

    public void Publish(DeviceTwinChange change)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnDeviceChanged(change);
            }
            catch (Exception exception)
            {
                // An observer's bug must not fail the device's report, nor starve the observers after it.
                TwinChangeFeedLog.ObserverFailed(logger, exception, observer.GetType().Name, change.Twin.Id);
            }
        }
    }
}
