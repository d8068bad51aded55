using SmartCity.Twin.Api.Security;

namespace SmartCity.Twin.Silo.Auth;

/// <summary>Lets a request through only with the admin key in <see cref="AdminKey.HeaderName"/>.</summary>
internal sealed class AdminKeyEndpointFilter(AdminKey adminKey) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(AdminKey.HeaderName, out var supplied) || string.IsNullOrEmpty(supplied))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AdminKey.HeaderName}\"";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: $"Send the admin API key in the {AdminKey.HeaderName} header.");
        }

        if (supplied.Count != 1 || !adminKey.Matches(supplied[0]))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "API key not accepted",
                detail: $"The key in the {AdminKey.HeaderName} header is not the admin key.");
        }

        return await next(context);
    }
}
