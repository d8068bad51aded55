using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulation.Messages;
using SmartCity.Twin.Simulation.Running;
using SmartCity.Twin.Simulators.Transports;

namespace SmartCity.Twin.Simulators.Running;

/// <summary>
/// The live statistics of a run: a table refreshed every second on a terminal, a plain line every few seconds
/// elsewhere (CI, tests, a redirected output), and the summary at the end.
/// </summary>
internal sealed class RunDashboard(SimulationStatistics statistics, SimulationClock clock, IFleetUplink uplink, int devices, DateTimeOffset? until)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);
    private static readonly DeviceMessageKind[] Kinds = Enum.GetValues<DeviceMessageKind>();

    private readonly Stopwatch wall = Stopwatch.StartNew();
    private long lastSent;
    private TimeSpan lastAt;
    private double rate;

    /// <summary>Shows the statistics until <paramref name="run"/> completes.</summary>
    public async Task ShowUntilAsync(Task run, IAnsiConsole console)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
            await console.Live(table).AutoClear(false).StartAsync(async context =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(Refresh)).ConfigureAwait(false);
                    Fill(table);
                    context.Refresh();
                }
            }).ConfigureAwait(false);
            return;
        }

        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(PlainInterval)).ConfigureAwait(false);
            if (!run.IsCompleted)
            {
                Sample();

                // Unwrapped: one line per sample, whatever width the console guesses for a pipe.
                console.Profile.Out.Writer.WriteLine(Line());
            }
        }
    }

    /// <summary>What the run did, once it is over.</summary>
    public void Summarize(IAnsiConsole console, DateTimeOffset start, string outcome)
    {
        Sample();
        var elapsed = wall.Elapsed;
        var table = new Table().Border(TableBorder.Rounded).Title(outcome).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("Simulated", Markup.Escape($"{start:yyyy-MM-dd HH:mm} → {statistics.SimulatedNow:yyyy-MM-dd HH:mm} ({Span(statistics.SimulatedNow - start)})"));
        table.AddRow("Wall time", Span(elapsed));
        table.AddRow("Devices", Number(devices));
        foreach (var kind in Kinds)
        {
            table.AddRow($"Sent: {Name(kind)}", Number(statistics.SentOf(kind)));
        }

        table.AddRow("Sent", Number(statistics.Sent));
        table.AddRow("Average msgs/s", (statistics.Sent / Math.Max(elapsed.TotalSeconds, 0.001)).ToString("N1", CultureInfo.InvariantCulture));
        table.AddRow("Refused by the twin", Number(statistics.Refused));
        table.AddRow("Failed to deliver", Number(statistics.Failed));
        if (statistics.LastError is { } error)
        {
            table.AddRow("Last error", Markup.Escape(error));
        }

        console.Write(table);
    }

    private void Sample()
    {
        var now = wall.Elapsed;
        var sent = statistics.Sent;
        var seconds = (now - lastAt).TotalSeconds;
        if (seconds > 0)
        {
            rate = (sent - lastSent) / seconds;
        }

        lastSent = sent;
        lastAt = now;
    }

    private void Fill(Table table)
    {
        Sample();
        table.Rows.Clear();
        table.AddRow("Simulated time", Markup.Escape(Reached()));
        table.AddRow("Speed", clock.Speed.ToString("0.##×", CultureInfo.InvariantCulture));
        table.AddRow("Lag", Span(Lag()));
        table.AddRow("Devices connected", $"{Number(uplink.ConnectedDevices)} / {Number(devices)}");
        foreach (var kind in Kinds)
        {
            table.AddRow($"Sent: {Name(kind)}", Number(statistics.SentOf(kind)));
        }

        table.AddRow("Msgs/s", rate.ToString("N1", CultureInfo.InvariantCulture));
        table.AddRow("Refused", Number(statistics.Refused));
        table.AddRow("Failed", Number(statistics.Failed));
        table.AddRow("Last error", Markup.Escape(statistics.LastError ?? "–"));
    }

    private string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Reached()} simulated | lag {Span(Lag())} | connected {uplink.ConnectedDevices}/{devices} | sent {statistics.Sent} ({rate:0.#}/s) | refused {statistics.Refused} | failed {statistics.Failed}");

    private string Reached() => statistics.SimulatedNow == default
        ? "starting"
        : statistics.SimulatedNow.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    // How far the simulation is behind its clock: messages due but not yet handed to the twin.
    private TimeSpan Lag()
    {
        var reached = statistics.SimulatedNow;
        var due = clock.Now;
        if (until is { } end && end < due)
        {
            due = end;
        }

        var lag = reached == default ? TimeSpan.Zero : due - reached;
        return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
    }

    private static string Name(DeviceMessageKind kind) => kind switch
    {
        DeviceMessageKind.ConnectionLost => "connection lost",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes}m {span.Seconds}s"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m {span.Seconds}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s"),
    };
}
