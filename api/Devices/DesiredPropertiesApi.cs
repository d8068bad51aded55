using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartCity.Twin.Api.Security;
using SmartCity.Twin.Api.Twins;
using SmartCity.Twin.Gateways.Devices.Desired;
using SmartCity.Twin.Gateways.Devices.Topics;
using SmartCity.Twin.Grains.Devices;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// Desired properties: set through the API, delivered retained over MQTT, and in sync once the device reports the same
/// values back as its properties (<c>city/v1/{kind}/{id}/state</c> or ThingsBoard's attributes).
/// </summary>
internal static class DesiredPropertiesApi
{
    private const int MaxBody = 64 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8 };

    public static RouteGroupBuilder MapDesiredProperties(this RouteGroupBuilder api)
    {
        api.MapGet("/twins/{id}/desired", GetAsync)
            .RequireAuthorization(ApiPolicies.ReadTwins)
            .WithName("GetDesiredProperties")
            .WithSummary("Desired and reported properties of a device, and which desired keys it has not applied yet")
            .WithTags("Devices")
            .Produces<DesiredPropertiesState>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/twins/{id}/desired", PutAsync)
            .RequireAuthorization(ApiPolicies.WriteCommands)
            .WithName("SetDesiredProperties")
            .WithSummary("Merge desired properties (string values, null removes) and deliver them to the device over MQTT, retained")
            .WithTags("Devices")
            .Accepts<Dictionary<string, string?>>("application/json")
            .Produces<DesiredPropertiesUpdated>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> GetAsync(string id, DeviceTwinLocator locator)
    {
        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinProblems.TwinNotFound(id);
        }

        var snapshot = located.Snapshot;
        var pending = Pending(snapshot.Desired.Properties, snapshot.Reported);
        return TypedResults.Ok(new DesiredPropertiesState(
            id,
            snapshot.Desired.Version,
            snapshot.Desired.Properties,
            snapshot.Desired.UpdatedAt,
            snapshot.Reported,
            snapshot.ReportedAt,
            pending,
            pending.Count == 0));
    }

    private static async Task<IResult> PutAsync(string id, HttpRequest request, DeviceTwinLocator locator, DesiredPropertiesPublisher publisher)
    {
        if (await DeviceRequestBody.ReadAsync(request, MaxBody) is not { } body)
        {
            return DeviceProblems.BodyTooLarge(MaxBody);
        }

        Dictionary<string, string?>? changes;
        string? error;
        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            changes = DesiredPropertiesUpdate.Parse(document.RootElement, out error);
        }
        catch (JsonException e)
        {
            return DeviceProblems.InvalidJson("Invalid desired properties", $"The body is not valid JSON: {e.Message}");
        }

        if (changes is null)
        {
            return TwinProblems.BadRequest("Invalid desired properties", error!);
        }

        if (await locator.FindAsync(id) is not { } located)
        {
            return TwinProblems.TwinNotFound(id);
        }

        var current = located.Snapshot.Desired.Properties;
        var total = current.Count + changes.Count(c => c.Value is not null && !current.ContainsKey(c.Key)) - changes.Count(c => c.Value is null && current.ContainsKey(c.Key));
        if (total > DesiredPropertiesUpdate.MaxProperties)
        {
            return TwinProblems.BadRequest(
                "Too many desired properties",
                $"A twin holds at most {DesiredPropertiesUpdate.MaxProperties} desired properties; this update would make {total}. Remove some with null.");
        }

        var desired = await located.Twin.SetDesired(changes);
        var removed = changes.Where(c => c.Value is null && current.ContainsKey(c.Key)).Select(c => c.Key).ToArray();

        // The update is saved; a client going away now must not leave the device without it.
        var delivery = await publisher.PublishAsync(located.Snapshot.Kind, id, removed, CancellationToken.None);
        return TypedResults.Ok(new DesiredPropertiesUpdated(
            id,
            desired.Version,
            desired.Properties,
            new DesiredDeliveryResult(true, delivery.Subscribers, DeviceTopic.Format(located.Snapshot.Kind, id, DeviceChannel.Command, DesiredPropertiesPublisher.CommandName)),
            Pending(desired.Properties, located.Snapshot.Reported)));
    }

    /// <summary>Desired keys the device has not reported with the same value, ordinal order.</summary>
    private static List<string> Pending(IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> reported)
    {
        var pending = new List<string>();
        foreach (var (key, value) in desired)
        {
            if (!reported.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                pending.Add(key);
            }
        }

        pending.Sort(StringComparer.Ordinal);
        return pending;
    }
}
