namespace SmartCity.Twin.Grains.Alerts;

/// <summary>
/// Sees every alert change in the alert's own turn (the alert directory, the live hub). Same rules as
/// <see cref="Observation.ITwinObserver"/>: return quickly, never block. Register with
/// <c>services.AddSingleton&lt;IAlertObserver, T&gt;()</c>.
/// </summary>
public interface IAlertObserver
{
    void OnAlertChanged(AlertSnapshot alert);
}
