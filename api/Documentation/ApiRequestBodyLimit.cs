using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SmartCity.Twin.Api.Security;

namespace SmartCity.Twin.Api.Documentation;

/// <summary>
/// Refuses request bodies over <see cref="ApiRequestLimits.MaxRequestBodyBytes"/> under <c>/api</c> with a 413
/// problem before any endpoint reads them. A declared length is checked up front; a chunked body of unknown length
/// is read into memory up to the limit, so the refusal is the same whichever server hosts the API (Kestrel's own
/// limit would surface inside JSON binding as an I/O error, not a 413). An endpoint with its own
/// <see cref="IRequestSizeLimitMetadata"/> is left to routing, which applies that limit instead.
/// </summary>
internal sealed class ApiRequestBodyLimit(RequestDelegate next, IOptions<ApiRequestLimits> options)
{
    private const int ReadChunkBytes = 16 * 1024;

    private const long DrainBytes = 64 * 1024;

    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
        {
            await next(context);
            return;
        }

        if (request.ContentLength is { } length)
        {
            if (length > _limit)
            {
                await RefuseAsync(context, $"The request body is {length} bytes; this API accepts at most {_limit} bytes.");
                return;
            }
        }
        else if (HasBodyOfUnknownLength(context))
        {
            var buffered = new MemoryStream();
            context.Response.RegisterForDispose(buffered);
            var chunk = new byte[ReadChunkBytes];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > _limit)
                {
                    await DrainAsync(request.Body, chunk, context.RequestAborted);
                    await RefuseAsync(context, $"The request body is more than {_limit} bytes, the most this API accepts.");
                    return;
                }

                buffered.Write(chunk, 0, read);
            }

            buffered.Position = 0;
            request.Body = buffered;
        }

        await next(context);
    }

    /// <summary>
    /// Reads on a little past the limit, so that a client still sending a body that is only somewhat too large reads
    /// the 413 instead of a reset connection; a much larger one is cut off.
    /// </summary>
    private static async Task DrainAsync(Stream body, byte[] chunk, CancellationToken cancellationToken)
    {
        long drained = 0;
        int read;
        while (drained < DrainBytes && (read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            drained += read;
        }
    }

    private static bool HasBodyOfUnknownLength(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? context.Request.Headers.TransferEncoding.Count > 0;

    private static Task RefuseAsync(HttpContext context, string detail)
    {
        // The unread body makes an HTTP/1.x connection unusable for another request; let the server close it
        // (HTTP/2 and 3 reset only the stream, and forbid the header).
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        return ApiProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);
    }
}
