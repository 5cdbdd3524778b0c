using MudBlazor.Services;

namespace Explorer.App.Hosting;

/// <summary>The explorer page: Blazor Server (interactive server render mode) with MudBlazor.</summary>
public static class UiServices
{
    public static IServiceCollection AddExplorerUi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UiOptions.Section);
        services.Configure<UiOptions>(section);
        var ui = section.Get<UiOptions>() ?? new UiOptions();
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            // The default 32 KB would drop the circuit when someone pastes a long text; the page then shows the
            // length-limit message instead.
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = ui.MaxCircuitMessageBytes);
        services.AddMudServices();
        // The page's jobs count against the circuit's address when nobody is signed in (ClientKey).
        services.AddHttpContextAccessor();
        return services;
    }
}
