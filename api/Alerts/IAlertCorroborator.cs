namespace SmartCity.Twin.Api.Alerts;

/// <summary>Tells an alert that others nearby confirm it (<see cref="Grains.Alerts.IAlert.Corroborate"/>), without waiting for the answer.</summary>
internal interface IAlertCorroborator
{
    void Corroborate(string alertId, IReadOnlyList<string> confirmedBy);
}
