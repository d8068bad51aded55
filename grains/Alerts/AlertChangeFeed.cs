using Microsoft.Extensions.Logging;

namespace SmartCity.Twin.Grains.Alerts;

/// <summary>Hands every alert change to the registered <see cref="IAlertObserver"/>s, one after the other.</summary>
public sealed class AlertChangeFeed
{
    private readonly IAlertObserver[] observers;
    private readonly ILogger<AlertChangeFeed> logger;

    public AlertChangeFeed(IEnumerable<IAlertObserver> observers, ILogger<AlertChangeFeed> logger)
    {
        this.observers = observers.ToArray();
        this.logger = logger;
    }

    public void Publish(AlertSnapshot alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var observer in observers)
        {
            try
            {
                observer.OnAlertChanged(alert);
            }
            catch (Exception exception)
            {
                // The alert is saved already; an observer's bug must not fail the operator's request nor starve the others.
                AlertLog.ObserverFailed(logger, exception, observer.GetType().Name, alert.Id);
            }
        }
    }
}
