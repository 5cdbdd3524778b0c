using System.Net;
using System.Security.Claims;

namespace Explorer.App.Hosting;

/// <summary>Whom a request or circuit counts against for rate limits and queue places: the signed-in user, else the
/// remote address. Null when neither is known (in-process tests, Unix sockets): such requests are not limited per
/// client; the queue's overall bound still applies. The address is the connection's, or the one a known proxy forwarded
/// (ReverseProxy); an X-Forwarded-For from anyone else is ignored, so a client cannot pick its own bucket.</summary>
public static class ClientKey
{
    public static string? Of(ClaimsPrincipal? user, IPAddress? address)
    {
        if (user?.Identity?.IsAuthenticated == true
            && (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity.Name) is { Length: > 0 } id)
            return $"user:{id}";
        return address is null ? null : $"ip:{address}";
    }

    public static string? Of(HttpContext context) => Of(context.User, context.Connection.RemoteIpAddress);
}
