using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Gateways.Devices.Payloads;
using SmartCity.Twin.Gateways.Mqtt.Broker;
using SmartCity.Twin.Gateways.Mqtt.Protocol;
using SmartCity.Twin.Grains.Devices;
using SmartCity.Twin.Grains.Hosting;
using SmartCity.Twin.Runtime;

namespace SmartCity.Twin.Gateways.Devices.Topics;

/// <summary>Applies device messages to twins: validates the payload, then calls the twin of the device the topic names.</summary>
internal sealed class TwinMessageSink(IGrainFactory grains, IOptions<TwinOptions> twinOptions, ILogger<TwinMessageSink> logger) : IDeviceMessageSink
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    private readonly TimeSpan _maxClockSkew = twinOptions.Value.MaxClockSkew;

    public ValueTask<MqttPublishDecision> ApplyAsync(
        string topic,
        ReadOnlySequence<byte> payload,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken,
        MqttQualityOfService qualityOfService = MqttQualityOfService.AtLeastOnce)
    {
        if (!DeviceTopic.TryParse(topic, out var parsed))
        {
            return ValueTask.FromResult(MqttPublishDecision.Refuse(
                MqttReasonCode.TopicNameInvalid,
                $"'{topic}' is not a device topic: city/v1/{{kind}}/{{deviceId}}/telemetry|events|state|status|reply/{{name}}."));
        }

        return ApplyAsync(parsed, topic, payload, receivedAt, qualityOfService, unacknowledged: null);
    }

    /// <summary>
    /// Applies a message whose topic is already parsed (and, for a connected device, checked to be its own). A QoS 0
    /// message completes before the twin has it only while <paramref name="unacknowledged"/> has room.
    /// </summary>
    public ValueTask<MqttPublishDecision> ApplyAsync(
        DeviceTopic topic,
        string routeTopic,
        ReadOnlySequence<byte> payload,
        DateTimeOffset receivedAt,
        MqttQualityOfService qualityOfService,
        UnacknowledgedTwinCalls? unacknowledged)
    {
        var twin = grains.GetDeviceTwin(topic.Kind, topic.DeviceId);
        Task? call;
        string? error;
        switch (topic.Channel)
        {
            case DeviceChannel.Status:
                call = ParseStatus(payload) is { } status ? twin.ReportStatus(status, receivedAt) : null;
                error = call is null ? "The status is \"online\" or \"offline\"." : null;
                break;
            case DeviceChannel.Telemetry:
                call = TelemetryPayload.Parse(payload, receivedAt, _maxClockSkew, out error) is { } batch ? twin.ReportTelemetry(batch) : null;
                break;
            case DeviceChannel.Events or DeviceChannel.State:
                if (!TryParseJson(payload, out var document, out error))
                {
                    call = null;
                    break;
                }

                using (document)
                {
                    var body = document!.RootElement;
                    call = topic.Channel switch
                    {
                        DeviceChannel.Events => DeviceEventPayload.Dispatch(grains, topic.Kind, topic.DeviceId, body, receivedAt, _maxClockSkew, out error),
                        _ => PropertiesPayload.Parse(body, out error) is { } properties ? twin.ReportProperties(properties) : null,
                    };
                }

                break;
            default:
                return ValueTask.FromResult(MqttPublishDecision.Refuse(MqttReasonCode.NotAuthorized, $"Devices do not publish to '{routeTopic}'."));
        }

        if (call is null)
        {
            DeviceEndpointLog.MessageRefused(logger, topic.DeviceId, routeTopic, error!);
            return ValueTask.FromResult(MqttPublishDecision.Refuse(MqttReasonCode.PayloadFormatInvalid, error!));
        }

        if (call.IsCompletedSuccessfully)
        {
            return ValueTask.FromResult(MqttPublishDecision.Route(routeTopic));
        }

        if (qualityOfService == MqttQualityOfService.AtMostOnce && unacknowledged?.TryStart() == true)
        {
            Observe(call, topic.DeviceId, unacknowledged);
            return ValueTask.FromResult(MqttPublishDecision.Route(routeTopic));
        }

        return AwaitAcceptedAsync(call, topic.DeviceId, routeTopic);
    }

    private async ValueTask<MqttPublishDecision> AwaitAcceptedAsync(Task call, string deviceId, string routeTopic)
    {
        try
        {
            await call.ConfigureAwait(false);
            return MqttPublishDecision.Route(routeTopic);
        }
        catch (ArgumentException e)
        {
            return MqttPublishDecision.Refuse(MqttReasonCode.PayloadFormatInvalid, e.Message);
        }
        catch (Exception e)
        {
            DeviceEndpointLog.TwinCallFailed(logger, e, deviceId);
            return MqttPublishDecision.Refuse(MqttReasonCode.ImplementationSpecificError, "The twin did not accept the message; send it again.");
        }
    }

    private void Observe(Task call, string deviceId, UnacknowledgedTwinCalls unacknowledged)
    {
        call.ContinueWith(
            static (t, state) =>
            {
                var (sinkLogger, id, calls) = ((ILogger, string, UnacknowledgedTwinCalls))state!;
                calls.Finish();
                if (t.IsFaulted)
                {
                    DeviceEndpointLog.TwinCallFailed(sinkLogger, t.Exception, id);
                }
            },
            (logger, deviceId, unacknowledged),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static bool TryParseJson(ReadOnlySequence<byte> payload, out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(payload, JsonOptions);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            document = null;
            error = $"The payload is not valid JSON: {e.Message}";
            return false;
        }
    }

    private static DeviceStatus? ParseStatus(ReadOnlySequence<byte> payload)
    {
        if (payload.Length is 0 or > 32)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(payload).Trim().Trim('"');
        return text.Equals("online", StringComparison.OrdinalIgnoreCase) ? DeviceStatus.Online
            : text.Equals("offline", StringComparison.OrdinalIgnoreCase) ? DeviceStatus.Offline
            : null;
    }
}
