using Explorer.App.Hosting;
using Explorer.App.State;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Interpret.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Explorer.App.Pages;

/// <summary>
/// The explorer page: pick a model, type an input, pick a method and run it. The prediction and the method run as jobs on
/// the shared torch worker pool; the method's records stream in and repaint the result as each chunk or step
/// finishes. Finished results for the same input are kept so methods can be compared. Cancel, leaving the page or
/// a dropped circuit cancels the job.
/// </summary>
public partial class Home : IAsyncDisposable
{
    [Inject] ModelCatalog Catalog { get; set; } = default!;
    [Inject] TorchWorkerPool Pool { get; set; } = default!;
    [Inject] IOptions<ExplorerOptions> Options { get; set; } = default!;
    [Inject] IOptions<UiOptions> Ui { get; set; } = default!;
    [Inject] ILogger<Home> Logger { get; set; } = default!;

    [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }

    readonly CancellationTokenSource _lifetime = new();
    readonly ResultHistory _history = new();
    readonly OptionsForm _form = new();
    IReadOnlyList<ModelInfo> _models = [];
    string? _modelId;
    Dictionary<string, string> _values = [];
    string _method = MethodNames.IntegratedGradient;

    CancellationTokenSource? _run;
    RunState _state;
    RunProgress _progress;
    long _queuePosition;
    int _runCount;
    Prediction? _prediction;
    object? _current;
    string? _error;
    string? _notice;
    bool _disposed;

    ModelInfo? Model => _models.FirstOrDefault(m => m.Id == _modelId);
    bool Busy => _state is RunState.Queued or RunState.Running;
    string ResultMethod => _current is null ? "" : ResultText.Method(_current);

    protected override void OnInitialized()
    {
        _models = Catalog.Models;
        _form.Chunk = Ui.Value.DefaultChunk;
        // Open on the seed's first demo (sentiment) when it is loaded, else on the first model.
        SelectModel((_models.FirstOrDefault(m => m.Task == "sentiment") ?? _models.FirstOrDefault())?.Id);
    }

    void SelectModel(string? id)
    {
        _modelId = id;
        var model = Model;
        // A new model starts with its first example, so Run works straight away.
        var example = model is null ? null : ExampleInputs.For(model).FirstOrDefault();
        _values = model?.InputFields.ToDictionary(f => f, f => example?.GetValueOrDefault(f) ?? "") ?? [];
        (_form.Target, _form.Field) = (null, null);
        _history.Clear();
        (_prediction, _current, _error, _notice, _state, _progress) = (null, null, null, null, RunState.Idle, default);
    }

    void ClearMessages() => (_error, _notice) = (null, null);

    void Remove(object result) => _history.Remove(result);

    void Cancel() => _run?.Cancel();

    async Task RunAsync()
    {
        if (Model is not { } model || Busy) return;
        ClearMessages();
        var method = _method;
        var input = model.InputFields.ToDictionary(f => f, f => _values.GetValueOrDefault(f) ?? "");
        var request = new MethodRequest(input, _form.ToOptions(MethodGuide.Of(method)));
        Predictor predictor;
        TextInstance instance;
        try
        {
            // Bad input is reported here and never queues.
            predictor = Catalog.Get(model.Id);
            MethodRunner.Validate(predictor, method, request);
            instance = predictor.Tokenize(input);
        }
        catch (Exception e) when (e is InputException or UnknownNameException)
        {
            _error = e.Message;
            return;
        }

        _run = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var token = _run.Token;
        _history.StartInput(model.Id, input);
        (_current, _progress, _state, _queuePosition) = (null, default, RunState.Queued, 0);
        _runCount++;
        try
        {
            // Both jobs queue now; the method's records stream after the (one-pass) prediction.
            var prediction = Pool.Submit(_ => new[] { predictor.Predict(instance) }, token);
            var job = Pool.Submit(ct => MethodRunner.Run(predictor, method, request, ct), token);
            _queuePosition = job.QueuePosition;
            _ = WatchQueueAsync(() => job.QueuePosition, token);
            await foreach (var p in prediction.Results(token)) _prediction = p;
            Refresh();
            await foreach (var record in job.Results(token))
            {
                (_current, _progress, _state) = (record, RunProgress.Of(record), RunState.Running);
                Refresh();
            }
            _state = RunState.Done;
            if (_current is not null) _history.Add(_current);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _state = RunState.Cancelled;
            _notice = "Cancelled. The partial result above stops where the job stopped.";
        }
        catch (Exception e) when (e is InputException or QueueFullException)
        {
            (_state, _error) = (RunState.Failed, e.Message);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "{Method} on {Model} failed", method, model.Id);
            (_state, _error) = (RunState.Failed, $"The run failed: {e.Message}");
        }
        finally
        {
            _run.Dispose();
            _run = null;
        }
    }

    /// <summary>Repaints the queue position while the job waits for a worker.</summary>
    async Task WatchQueueAsync(Func<long> position, CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (_state == RunState.Queued && await timer.WaitForNextTickAsync(token))
            {
                var now = position();
                if (now == _queuePosition) continue;
                _queuePosition = now;
                Refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended or was cancelled.
        }
    }

    void Refresh()
    {
        if (!_disposed) StateHasChanged();
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _lifetime.Cancel();
        _lifetime.Dispose();
        return ValueTask.CompletedTask;
    }
}
