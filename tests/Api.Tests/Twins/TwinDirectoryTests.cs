using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Geography;
using SmartCity.Twin.Grains.Observation;
using SmartCity.Twin.Grains.Telemetry;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>
/// The directory on its own: the change feed wins over the (older) states read from storage at startup, and paging
/// by id keeps its promise while twins come and go.
/// </summary>
public sealed class TwinDirectoryTests
{
    [Fact]
    public void A_change_that_arrived_during_the_load_wins_over_the_stored_state()
    {
        var directory = new TwinDirectory();
        directory.OnDeviceChanged(Change(Twin("a", name: "renamed while loading")));

        directory.AddLoaded(Twin("a", name: "as stored"));
        directory.CompleteLoad(readEverything: true);

        Assert.Equal("renamed while loading", directory.Find("a")?.Name);
    }

    [Fact]
    public void A_change_after_the_load_replaces_the_loaded_state()
    {
        var directory = new TwinDirectory();
        directory.AddLoaded(Twin("a", name: "as stored"));

        directory.OnDeviceChanged(Change(Twin("a", name: "reported since")));

        Assert.Equal("reported since", directory.Find("a")?.Name);
    }

    [Fact]
    public void A_twin_removed_during_the_load_does_not_come_back_from_storage()
    {
        var directory = new TwinDirectory();
        directory.OnDeviceChanged(Change(Twin("gone"), DeviceTwinChangeKind.Removed));

        directory.AddLoaded(Twin("gone"));
        directory.CompleteLoad(readEverything: true);

        Assert.Null(directory.Find("gone"));
        Assert.Empty(directory.Query(TwinFilter.All, null, 10));
    }

    [Fact]
    public async Task Loaded_completes_when_the_load_is_over_and_only_a_full_load_makes_the_directory_complete()
    {
        var full = new TwinDirectory();
        var failed = new TwinDirectory();
        Assert.False(full.Loaded.IsCompleted);
        Assert.False(full.IsComplete);

        full.CompleteLoad(readEverything: true);
        failed.CompleteLoad(readEverything: false);

        await full.Loaded.WaitAsync(TimeSpan.FromSeconds(1));
        await failed.Loaded.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.True(full.IsComplete);
        Assert.False(failed.IsComplete);
    }

    [Fact]
    public void A_twin_neither_provisioned_nor_ever_heard_from_is_not_listed()
    {
        var directory = new TwinDirectory();
        directory.OnDeviceChanged(Change(Twin("ghost")));

        directory.OnDeviceChanged(Change(Twin("ghost", provisioned: false)));

        Assert.Null(directory.Find("ghost"));
    }

    [Fact]
    public void Pages_come_in_ordinal_id_order_after_the_given_id_and_skip_removed_twins()
    {
        var directory = new TwinDirectory();
        foreach (var id in new[] { "b", "a", "D", "c", "e" })
        {
            directory.OnDeviceChanged(Change(Twin(id)));
        }

        Assert.Equal(["D", "a", "b"], directory.Query(TwinFilter.All, null, 3).Select(t => t.Id));
        directory.OnDeviceChanged(Change(Twin("c"), DeviceTwinChangeKind.Removed));
        directory.OnDeviceChanged(Change(Twin("bb")));
        Assert.Equal(["bb", "d-late", "e"], Page(directory, "b", 5, "d-late"));
        Assert.Equal(6, directory.Count);
    }

    [Fact]
    public async Task Paging_while_twins_are_added_and_removed_concurrently_sees_every_lasting_twin_exactly_once()
    {
        var directory = new TwinDirectory();
        var lasting = Enumerable.Range(0, 5_000).Select(i => $"lasting-{i:D5}").ToArray();
        foreach (var id in lasting)
        {
            directory.AddLoaded(Twin(id));
        }

        using var stop = new CancellationTokenSource();
        var churn = Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = $"{(char)('a' + (n % 26))}-churn-{n}";
                directory.OnDeviceChanged(Change(Twin(id)));
                if (n % 2 == 0)
                {
                    directory.OnDeviceChanged(Change(Twin(id), DeviceTwinChangeKind.Removed));
                }

                directory.OnDeviceChanged(Change(Twin(lasting[n % lasting.Length], name: "telemetry " + n)));
                n++;
            }
        });

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = directory.Query(TwinFilter.All, after, 37);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(t => t.Id));
            after = page[^1].Id;
        }

        await stop.CancelAsync();
        await churn;

        var lastingSeen = seen.Where(id => id.StartsWith("lasting-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(lasting, lastingSeen);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<string> Page(TwinDirectory directory, string after, int limit, string addBeforeQuery)
    {
        directory.OnDeviceChanged(Change(Twin(addBeforeQuery)));
        return directory.Query(TwinFilter.All, after, limit).Select(t => t.Id);
    }

    private static DeviceTwinSummary Twin(string id, string? name = null, bool provisioned = true) => new()
    {
        Id = id,
        Kind = DeviceKind.Camera,
        IsProvisioned = provisioned,
        Name = name ?? id,
        Location = provisioned ? new GeoPoint(106.34, 20.45) : null,
        Liveness = DeviceLiveness.Unknown,
        Metrics = [],
        ActiveWarnings = [],
    };

    private static DeviceTwinChange Change(DeviceTwinSummary twin, DeviceTwinChangeKind what = DeviceTwinChangeKind.Provisioned) =>
        new(twin, what, Array.Empty<TelemetryPoint>(), null, DateTimeOffset.UtcNow);
}
