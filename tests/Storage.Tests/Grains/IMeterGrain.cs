using SmartCity.Twin.Runtime.Reminders;

namespace SmartCity.Twin.Runtime.Storage.Tests.Grains;

/// <summary>A utility meter twin: a persisted reading, and an hourly reminder that counts its ticks into the state.</summary>
public interface IMeterGrain : IGrainWithStringKey, IRemindable
{
    Task Record(double reading);

    Task<MeterState> Read();

    Task ScheduleHourlyReport();
}
