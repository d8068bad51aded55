using System.Text.Json.Nodes;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Province;
using SmartCity.Twin.Grains.Devices.ServiceCounters;

namespace SmartCity.Twin.Simulation.Signals;

/// <summary>
/// A counter of a public-service centre (<see cref="PublicServiceHours"/>): the officer arrives around opening (a few
/// minutes either way), steps away now and then, leaves around closing, and each change is an
/// <c>officer-present</c>/<c>officer-absent</c> event. Every minute it reports the people waiting (arrivals peak
/// mid-morning and, less, mid-afternoon; a queue builds while the officer is away), tickets served and overdue
/// applications.
/// </summary>
internal sealed class ServiceCounterSignal : DeviceSignal
{
    // An officer at work steps away about every two hours, for 3 to 12 minutes: within the 15 minutes the IOC tolerates
    // (Warnings:ServiceCounter:OfficerAbsentAfter). A longer absence is the officer-absent drill's business.
    private const double AbsenceChancePerMinute = 1.0 / 120;

    private readonly double busyness;
    private readonly List<(DateTimeOffset Arrival, DateTimeOffset Departure)> shifts = [];
    private int shiftsOfDay = -1;
    private DateTimeOffset next;
    private bool present;
    private DateTimeOffset backAt;
    private double backlog;
    private double overdue;

    public ServiceCounterSignal(SimulatedDevice device, SignalContext context, DeviceFault? fault)
        : base(device, context, fault)
    {
        busyness = (InCity ? 1.0 : 0.6) * Random.Between(0.7, 1.3);
        overdue = Random.Next(0, 6);
    }

    protected override string Model => "QMS-Kiosk-5";

    protected override TimeSpan ReportingInterval => TimeSpan.FromSeconds(60);

    /// <summary>People expected in the queue of an average city counter, officer present, at <paramref name="at"/>; 0 when closed.</summary>
    public static double ExpectedQueue(DateTimeOffset at)
    {
        if (!PublicServiceHours.IsOpen(at))
        {
            return 0;
        }

        var hour = ProvinceTime.HourOfDay(at);
        var saturday = ProvinceTime.DayOfWeek(at) == DayOfWeek.Saturday ? 0.7 : 1;
        return saturday * (2 + (9 * DailyShape.Bump(hour, 9.5, 1.2)) + (5 * DailyShape.Bump(hour, 14.8, 1.0)));
    }

    protected override DateTimeOffset Begin(DateTimeOffset at, List<DeviceMessage> output)
    {
        present = OnDuty(at);
        Send(at, Presence(), output);
        Report(at, Readings(at), output);
        next = FirstReportAfter(at);
        return next;
    }

    protected override DateTimeOffset Continue(DateTimeOffset at, List<DeviceMessage> output)
    {
        var nowPresent = OnDuty(at) && at >= backAt;
        // Only an officer seen at the counter steps away: back from a break (or just arrived) is back for a while, so
        // two breaks never run together into one long absence.
        if (nowPresent && present && Random.NextDouble() < AbsenceChancePerMinute)
        {
            backAt = at + Random.Between(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(12));
            nowPresent = false;
        }

        if (nowPresent != present)
        {
            present = nowPresent;
            Send(at, Presence(), output);
        }

        Report(at, Readings(at), output);
        next += ReportingInterval;
        return next;
    }

    /// <summary>
    /// Whether the officer's working session covers <paramref name="at"/>: arrival and departure within minutes of the
    /// opening hours, drawn per counter and per day (the same day gives the same times however the run is sliced).
    /// </summary>
    private bool OnDuty(DateTimeOffset at)
    {
        var dayNumber = ProvinceTime.DayNumber(at);
        if (dayNumber != shiftsOfDay)
        {
            shiftsOfDay = dayNumber;
            shifts.Clear();
            var midnight = ProvinceTime.Midnight(at);
            var sessions = PublicServiceHours.Sessions(ProvinceTime.DayOfWeek(at));
            for (var i = 0; i < sessions.Count; i++)
            {
                var day = new Random(StableHash.Of(Context.Seed, Device.Id, (dayNumber * 4) + i));
                shifts.Add((
                    midnight + sessions[i].Open + TimeSpan.FromMinutes(Math.Clamp(day.Gaussian(1, 4), -8, 12)),
                    midnight + sessions[i].Close + TimeSpan.FromMinutes(Math.Clamp(day.Gaussian(0, 3), -8, 8))));
            }
        }

        foreach (var (arrival, departure) in shifts)
        {
            if (at >= arrival && at < departure)
            {
                return true;
            }
        }

        return false;
    }

    private JsonObject Presence() => new() { ["type"] = present ? "officer-present" : "officer-absent" };

    private Dictionary<string, double> Readings(DateTimeOffset at)
    {
        var open = PublicServiceHours.IsOpen(at);
        backlog = !open ? 0 : present ? Math.Max(0, backlog - 0.5) : backlog + (0.4 * busyness);
        var queue = open ? Random.Poisson((busyness * ExpectedQueue(at)) + backlog) : 0;
        var served = present && queue > 0 ? Random.Poisson(0.45) : 0;

        // Overdue files pile up and get cleared over days, not minutes.
        if (Random.NextDouble() < 1.0 / 240)
        {
            overdue = Math.Max(0, overdue + (Random.NextDouble() < 0.5 ? -1 : 1));
        }

        return new Dictionary<string, double>(3, StringComparer.Ordinal)
        {
            ["queue_length"] = queue,
            ["tickets_served"] = served,
            ["applications_overdue"] = overdue,
        };
    }
}
