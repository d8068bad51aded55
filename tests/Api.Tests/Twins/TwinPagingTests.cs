using System.Globalization;
using System.Net;
using System.Text.Json;
using SmartCity.Twin.Grains.Geography;

namespace SmartCity.Twin.Api.Tests.Twins;

/// <summary>Keyset paging: following nextCursor visits every twin that exists throughout exactly once, whatever is added meanwhile.</summary>
public sealed class TwinPagingTests(TwinApiFactory factory) : IClassFixture<TwinApiFactory>
{
    [Fact]
    public async Task Paging_through_250_twins_20_at_a_time_while_others_are_provisioned_sees_each_original_exactly_once()
    {
        using var admin = factory.CreateAdminClient();
        var at = factory.Map().Districts[1].InteriorPoint;
        var originals = Enumerable.Range(0, 250).Select(_ => TwinApi.NewId("page")).ToArray();
        await Parallel.ForEachAsync(originals, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            await TwinApi.ProvisionAsync(admin, id, "camera", at));

        // Random ids, so newcomers land both before and after the cursor.
        var added = 0;
        using var stop = new CancellationTokenSource();
        var provisioner = Task.Run(async () =>
        {
            using var other = factory.CreateAdminClient();
            while (!stop.IsCancellationRequested)
            {
                await TwinApi.ProvisionAsync(other, TwinApi.NewId("page"), "camera", at);
                Interlocked.Increment(ref added);
            }
        });

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            // Each page is fetched only after more twins arrived since the previous one.
            var before = Volatile.Read(ref added);
            while (Volatile.Read(ref added) < before + 3)
            {
                await Task.Delay(5);
            }

            using var response = await admin.GetAsync("/api/v1/twins?kind=camera&limit=20" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
            Assert.True(items.Length <= 20);
            Assert.Equal(items.Order(StringComparer.Ordinal), items);
            seen.AddRange(items);
            pages++;
            var next = page.RootElement.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }
        while (cursor is not null);

        await stop.CancelAsync();
        await provisioner;

        Assert.True(pages >= 13, $"250 twins at 20 a page take at least 13 pages; got {pages}");
        Assert.True(added > pages, "twins were added while paging");
        var counts = seen.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(originals, id => Assert.Equal(1, counts.GetValueOrDefault(id)));
        Assert.All(counts, pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor_and_a_full_last_page_does_not_promise_an_empty_one()
    {
        using var admin = factory.CreateAdminClient();
        var at = new GeoPoint(factory.Map().Districts[4].InteriorPoint.Longitude + 0.00123, factory.Map().Districts[4].InteriorPoint.Latitude);
        var ids = Enumerable.Range(0, 6).Select(_ => TwinApi.NewId("exact")).ToArray();
        foreach (var id in ids)
        {
            await TwinApi.ProvisionAsync(admin, id, "intersection", at);
        }

        var near = string.Create(CultureInfo.InvariantCulture, $"near={at.Longitude},{at.Latitude},1&kind=intersection");
        using var first = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/twins?{near}&limit=3"));
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        using var second = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/twins?{near}&limit=3&cursor={Uri.EscapeDataString(cursor)}"));

        Assert.Equal(3, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextCursor").ValueKind);
        var all = first.RootElement.GetProperty("items").EnumerateArray().Concat(second.RootElement.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("id").GetString());
        Assert.Equal(ids.Order(StringComparer.Ordinal), all);
    }
}
