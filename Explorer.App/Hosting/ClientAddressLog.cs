namespace Explorer.App.Hosting;

/// <summary>One debug line per request with the client's address as the app understood it (after a known proxy's
/// X-Forwarded-For), so an operator can see who asked what. On with Logging:LogLevel:Explorer.App.Requests=Debug.</summary>
public static class ClientAddressLog
{
    public const string Category = "Explorer.App.Requests";

    public static WebApplication UseClientAddressLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        if (!logger.IsEnabled(LogLevel.Debug)) return app;
        app.Use((context, next) =>
        {
            logger.LogDebug("{Method} {Scheme}://{Host}{PathBase}{Path} from {ClientAddress}", context.Request.Method,
                context.Request.Scheme, context.Request.Host, context.Request.PathBase, context.Request.Path, context.Connection.RemoteIpAddress);
            return next(context);
        });
        return app;
    }
}
