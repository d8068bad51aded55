using SmartCity.Twin.Simulation.Clock;
using SmartCity.Twin.Simulation.Messages;

namespace SmartCity.Twin.Simulation.Running;

/// <summary>
/// Drives a <see cref="ProvinceSimulation"/> by its <see cref="SimulationClock"/> and hands what the devices send to an
/// <see cref="IDeviceUplink"/>, in order per device and concurrently across devices.
/// </summary>
/// <remarks>
/// Each tick takes the messages due up to the clock's now and sends them over <see cref="Lanes"/> lanes: a device always
/// goes through the same lane, one message after the other, so its messages arrive in order. The next tick waits until
/// the batch has been sent, so an uplink slower than the simulation makes the run fall behind (<see cref="Lag"/>)
/// instead of queueing without bound. One message failing is counted and the run goes on.
/// </remarks>
internal sealed class SimulationRunner(ProvinceSimulation simulation, SimulationClock clock, IDeviceUplink uplink, TimeProvider wall)
{
    public SimulationStatistics Statistics { get; } = new();

    public ProvinceSimulation Simulation => simulation;

    public IDeviceUplink Uplink => uplink;

    public TimeProvider Wall => wall;

    public SimulationClock Clock => clock;

    /// <summary>How long the runner waits between ticks (wall time). Default 200 ms.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many messages are in flight at once at most (different devices). Default 64.</summary>
    public int Lanes { get; init; } = 64;

    /// <summary>How far what has been sent trails the clock (simulated time); zero when the uplink keeps up.</summary>
    public TimeSpan Lag
    {
        get
        {
            var sent = Statistics.SimulatedNow;
            if (sent == default)
            {
                return TimeSpan.Zero;
            }

            var lag = clock.Now - sent;
            return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
        }
    }

    /// <summary>Runs until simulated time reaches <paramref name="until"/> (all its messages sent), or until cancelled when <c>null</c>.</summary>
    /// <remarks>Cancellation ends the run quietly (no exception), leaving the message in flight per lane unfinished.</remarks>
    public async Task RunAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (Lanes < 1)
        {
            throw new InvalidOperationException($"{nameof(Lanes)} is at least 1 (got {Lanes}).");
        }

        var lanes = new List<DeviceMessage>[Lanes];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = [];
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.Now;
            var last = until is { } end && now >= end;
            var to = last ? until!.Value : now;
            var batch = simulation.Advance(to);
            if (batch.Count > 0 && !await SendAsync(batch, lanes, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (to > Statistics.SimulatedNow)
            {
                Statistics.SimulatedNow = to;
            }

            if (last)
            {
                return;
            }

            try
            {
                await Task.Delay(Tick, wall, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <returns><c>false</c> when cancelled.</returns>
    private async Task<bool> SendAsync(IReadOnlyList<DeviceMessage> batch, List<DeviceMessage>[] lanes, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            lanes[LaneOf(message.Device.Id, lanes.Length)].Add(message);
        }

        var sending = new List<Task>(lanes.Length);
        foreach (var lane in lanes)
        {
            if (lane.Count > 0)
            {
                sending.Add(SendLaneAsync(lane, cancellationToken));
            }
        }

        try
        {
            await Task.WhenAll(sending).ConfigureAwait(false);
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Clear();
            }
        }

        return !cancellationToken.IsCancellationRequested;
    }

    private async Task SendLaneAsync(List<DeviceMessage> lane, CancellationToken cancellationToken)
    {
        // Off the caller's thread: lanes run side by side even when the uplink completes synchronously for a while.
        await Task.Yield();
        foreach (var message in lane)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await uplink.SendAsync(message, cancellationToken).ConfigureAwait(false);
                Statistics.CountSent(message.Kind);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DeviceUplinkException e)
            {
                Statistics.CountRefused($"{message.Device.Id} {message.Kind}: {e.Message}");
            }
            catch (Exception e)
            {
                Statistics.CountFailed($"{message.Device.Id} {message.Kind}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static int LaneOf(string deviceId, int lanes)
    {
        var hash = 0u;
        foreach (var c in deviceId)
        {
            hash = (hash * 31) + c;
        }

        return (int)(hash % (uint)lanes);
    }
}
