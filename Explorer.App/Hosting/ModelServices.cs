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
            return ModelCatalog.Load(ModelsFolder(options, environment), limits, checkpoints);
        });
        services.AddSingleton(provider => new WorkBudget(provider.GetRequiredService<IOptions<ExplorerOptions>>().Value.MaxWorkPerRequest));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ExplorerOptions>>().Value;
            return new TorchWorkerPool(options.Workers, options.ThreadsPerWorker, options.QueueCapacity, options.JobTimeout);
        });
        return services;
    }

    /// <summary>Loads the models and starts the workers before the first request, so a broken model folder stops the
    /// start with its own message instead of failing the first user.</summary>
    public static WebApplication LoadModels(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModelCatalog>();
        var pool = app.Services.GetRequiredService<TorchWorkerPool>();
        app.Logger.LogInformation("Models: {Models}; {Workers} torch worker(s) × {Threads} thread(s), queue {Queue}, job timeout {Timeout}",
            string.Join(", ", catalog.Models.Select(m => m.Id)), pool.Workers, pool.ThreadsPerWorker, pool.QueueCapacity,
            pool.JobTimeout?.ToString() ?? "none");
        return app;
    }

    static string ModelsFolder(ExplorerOptions options, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(options.ModelsPath) ? AppPaths.Models : Path.GetFullPath(options.ModelsPath, environment.ContentRootPath);
}
