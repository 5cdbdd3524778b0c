using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Microsoft.Extensions.Options;

namespace Explorer.App.Hosting;

/// <summary>The model catalog and the torch worker pool, both singletons shared by the API and every circuit.</summary>
public static class ModelServices
{
    public static IServiceCollection AddExplorerModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExplorerOptions>(configuration.GetSection(ExplorerOptions.Section));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ExplorerOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var limits = new InputLimits(options.MaxCharacters, options.MaxTokens);
            var checkpoints = options.Checkpoints.Select(c => new ModelCatalog.Checkpoint(c.Id, Path.GetFullPath(c.Path, environment.ContentRootPath), c.Task));
            return ModelCatalog.Load(ModelsFolder(options, environment), limits, checkpoints, options.StrictModels);
        });
        services.AddSingleton(provider => new WorkBudget(provider.GetRequiredService<IOptions<ExplorerOptions>>().Value.MaxWorkPerRequest));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ExplorerOptions>>().Value;
            return new TorchWorkerPool(options.Workers, options.ThreadsPerWorker, options.QueueCapacity, options.JobTimeout, options.MaxQueuedPerUser);
        });
        return services;
    }

    /// <summary>Loads the models and starts the workers before the first request, so a broken model folder is reported
    /// at start, not to the first user. Each model that failed to load gets one warning (folder: file: reason). False
    /// when the start must stop (strict mode, or no models folder): the reason is logged as one line and the caller
    /// exits with a non-zero code, instead of an unhandled exception (which the runtime turns into SIGABRT, exit 134).</summary>
    public static bool TryLoadModels(this WebApplication app)
    {
        ModelCatalog catalog;
        try { catalog = app.Services.GetRequiredService<ModelCatalog>(); }
        catch (ModelLoadException e)
        {
            app.Logger.LogCritical("Not starting: a model failed to load: {Failure}", e.Message);
            return false;
        }
        foreach (var model in catalog.Unavailable)
            app.Logger.LogWarning("Model {Id} is unavailable: {Failure}", model.Id, model.Unavailable!.Message);
        var pool = app.Services.GetRequiredService<TorchWorkerPool>();
        app.Logger.LogInformation("Models: {Models}; {Workers} torch worker(s) × {Threads} thread(s), queue {Queue} ({PerUser} per user), job timeout {Timeout}",
            string.Join(", ", catalog.Models.Select(m => m.Id)), pool.Workers, pool.ThreadsPerWorker, pool.QueueCapacity, pool.MaxWaitingPerOwner,
            pool.JobTimeout?.ToString() ?? "none");
        return true;
    }

    static string ModelsFolder(ExplorerOptions options, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(options.ModelsPath) ? AppPaths.Models : Path.GetFullPath(options.ModelsPath, environment.ContentRootPath);
}
