using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Tests.Grains;

[GrainType("meter")]
public sealed class MeterGrain([PersistentState("meter")] IPersistentState<MeterState> state) : Grain, IMeterGrain
{
    public Task Record(double reading)
    {
        state.State.Reading = reading;
        return state.WriteStateAsync();
    }

    public Task<MeterState> Read() => Task.FromResult(state.State);

    public Task ScheduleHourlyReport() => RegisterOrUpdateReminder("hourly-report", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Reports++;
        return state.WriteStateAsync();
    }
}
