namespace SmartCity.Twin.Grains.Observation;

/// <summary>
/// Sees every change of every device twin, in the twin's own turn: the twin directory, the history recorder and the
/// live hub are observers. Register with <c>services.AddSingleton&lt;ITwinObserver, T&gt;()</c>.
/// </summary>
/// <remarks>
/// Called at telemetry rate (over 100,000 times a second) on grain threads, so an observer must return quickly and
/// never block or await: swap a reference, update a counter, queue work for its own loop. Changes of one twin arrive
/// in order; changes of different twins arrive concurrently. An exception is logged and does not fail the twin.
/// </remarks>
public interface ITwinObserver
{
    void OnDeviceChanged(DeviceTwinChange change);
}
