using Microsoft.AspNetCore.Http;

namespace SmartCity.Twin.Api.Devices;

/// <summary>
/// Reads a request body whole, up to a limit, without trusting Content-Length: a device payload is parsed in one piece,
/// and a body past the limit is refused (413) before it fills memory.
/// </summary>
internal static class DeviceRequestBody
{
    /// <returns>The body, or <c>null</c> when it is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[(int)Math.Min(request.ContentLength ?? 4096, limit) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
        }
    }
}
