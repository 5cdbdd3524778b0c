using Explorer.App.Hosting;
using Explorer.App.State;
using Interpret.Components;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Interpret.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Explorer.App.Pages;

/// <summary>
/// The explorer page: pick a model, type an input, pick a method and run it. The prediction and the method run as jobs on
/// the shared torch worker pool; the method's records stream in and repaint the result as each chunk or step
/// finishes. Finished results for the same input are kept so methods can be compared. Cancel, leaving the page or
/// a dropped circuit cancels the job. A tagger's (NER) prediction shows its entities first (Predict, or the first Run
/// on an input); the entity picked there is the labeled instance the runs explain (<c>MethodOptions.Instance</c>).
/// A masked LM's prediction shows its [MASK]s the same way (<see cref="MaskChoice"/>), and a clicked guess becomes the
/// target word. With a comparison model chosen, Run then explains the same text with the same method on that model,
/// shown in a second column.
/// </summary>
public partial class Home : IAsyncDisposable
{
    [Inject] ModelCatalog Catalog { get; set; } = default!;
    [Inject] TorchWorkerPool Pool { get; set; } = default!;
    [Inject] WorkBudget Budget { get; set; } = default!;
    [Inject] ExplorerMetrics Metrics { get; set; } = default!;
    [Inject] IOptions<ExplorerOptions> Options { get; set; } = default!;
    [Inject] IOptions<UiOptions> Ui { get; set; } = default!;
    [Inject] ILogger<Home> Logger { get; set; } = default!;
    [Inject] AuthenticationStateProvider SignIn { get; set; } = default!;
    [Inject] IHttpContextAccessor Http { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;
    [Inject] NavigationManager Nav { get; set; } = default!;

    [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }

    readonly CancellationTokenSource _lifetime = new();
    readonly ResultHistory _history = new();
    readonly OptionsForm _form = new();
    IReadOnlyList<ModelInfo> _models = [];
    /// <summary>Models that failed to load: listed on the picker as disabled entries with their reason.</summary>
    IReadOnlyList<ModelInfo> _unavailable = [];
    string? _modelId;
    Dictionary<string, string> _values = [];
    string _method = MethodNames.IntegratedGradient;

    CancellationTokenSource? _run;
    RunState _state;
    RunProgress _progress;
    long _queuePosition;
    TimeSpan? _queueWait;
    int _runCount;
    Prediction? _prediction;
    /// <summary>The input (<see cref="InputKeys"/>) <see cref="_prediction"/> is for.</summary>
    string? _predictedKey;
    /// <summary>The chosen entity of a tagger's prediction; null: all of them.</summary>
    int? _entity;
    /// <summary>The chosen mask of a masked LM's prediction; null: all masks as one instance.</summary>
    int? _mask;
    /// <summary>The model chosen for the side-by-side comparison, and its part of the last run.</summary>
    string? _compareWith;
    Prediction? _comparePrediction;
    object? _compareResult;
    string? _compareError;
    /// <summary>Pieces or words for BERT saliency maps: one choice for the result, the comparison and the next runs.</summary>
    SaliencyGranularity _granularity;
    bool? _signed; // the heatmap's for/against toggle once the user has used it; null: each result's default
    bool _predicting;
    object? _current;
    /// <summary>The request that made <see cref="_current"/>, as sent (for its curl command).</summary>
    MethodRequest? _currentRequest;
    string? _error;
    /// <summary>The input field <see cref="_error"/> concerns, if any: its box is marked too.</summary>
    string? _errorField;
    string? _notice;
    bool _disposed;
    /// <summary>A run's first record is on screen: bring the result into view once after that render.</summary>
    bool _revealResult;
    /// <summary>Whom this page's jobs count against (the pool's per-user limit and turns): the signed-in user, else
    /// the address the circuit came from, when known.</summary>
    string? _owner;

    ModelInfo? Model => _models.FirstOrDefault(m => m.Id == _modelId);
    bool Busy => _state is RunState.Queued or RunState.Running;
    bool IsTagger => Model is { } model && EntityChoice.IsTagger(model);
    bool IsMaskedLm => Model is { } model && MaskChoice.IsMaskedLm(model);
    bool IsCoreference => Model?.Task == "coreference";
    bool HasAttention => Model is { } model && Catalog.Get(model.Id) is IAttentionPredictor;
    IReadOnlyList<ModelInfo> CompareCandidates => Model is { } model ? CompareChoice.Candidates(model, _models) : [];
    bool IsAttack => MethodGuide.Of(_method).IsAttack;
    string? CurrentKey => Model is { } model ? InputKeys.Of(model.Id, InputOf(model)) : null;
    bool PredictionStale => _prediction is not null && _predictedKey != CurrentKey;
    string ResultMethod => _current is null ? "" : ResultText.Method(_current);

    /// <summary>Why Run is off for an input the page can already judge: a field over the length limit.</summary>
    string? RunBlocked => Model is { } model && model.InputFields.FirstOrDefault(f => _values.GetValueOrDefault(f)?.Length > Options.Value.MaxCharacters) is { } tooLong
        ? $"Run is off: the {tooLong} is over the limit of {Options.Value.MaxCharacters:N0} characters."
        : null;

    /// <summary>The cost of the run as it is set up now, against the server's per-request budget; recomputed on each
    /// render, which only tokenises. With the prediction on screen, a tagger's "all entities" counts them all.</summary>
    RunCost? Cost
    {
        get
        {
            if (Model is not { } model) return null;
            Predictor predictor;
            try { predictor = Catalog.Get(model.Id); }
            catch (Exception) { return null; } // a model that cannot serve says so on Run
            var guide = MethodGuide.Of(_method);
            var options = _form.ToOptions(guide);
            int? instances = null;
            if (_prediction is { } prediction && !PredictionStale)
            {
                options = OptionsFor(prediction, options, guide.IsAttack);
                instances = EntityChoice.Parts(prediction);
            }
            return RunCost.Of(predictor, _method, new MethodRequest(InputOf(model), options), Budget, instances);
        }
    }

    protected override void OnInitialized()
    {
        _models = Catalog.Models;
        _unavailable = Catalog.Unavailable;
        _form.Chunk = Ui.Value.DefaultChunk;
        // Open on the configured model, else the seed's first demo (sentiment) when it is loaded, else the first model.
        SelectModel((_models.FirstOrDefault(m => m.Id == Ui.Value.DefaultModel)
                     ?? _models.FirstOrDefault(m => m.Task == "sentiment") ?? _models.FirstOrDefault())?.Id);
        Apply(ViewLink.Parse(Nav.Uri));
    }

    /// <summary>Reopens the set-up a link carries; a part naming no loaded model or known method is ignored.</summary>
    void Apply(ViewLink link)
    {
        if (link.Model is { } id && _models.Any(m => m.Id == id)) SelectModel(id);
        if (Model is { } model)
            foreach (var field in model.InputFields)
                if (link.Input.TryGetValue(field, out var text)) _values[field] = text;
        if (link.Method is { } method && MethodGuide.All.Any(m => m.Name == method)) SelectMethod(method);
        if (link.Options is { } options) _form.Load(options);
    }

    /// <summary>Writes the set-up into the address bar (replacing the entry: no history entry per click).</summary>
    void UpdateLink()
    {
        if (Model is not { } model) return;
        var link = ViewLink.Of(model.Id, _method, _form.ToOptions(MethodGuide.Of(_method)), InputOf(model));
        Nav.NavigateTo(Nav.BaseUri + link.ToQuery(), replace: true);
    }

    void ChooseModel(string? id)
    {
        SelectModel(id);
        UpdateLink();
    }

    void ChooseMethod(string method)
    {
        SelectMethod(method);
        UpdateLink();
    }

    protected override async Task OnInitializedAsync() =>
        _owner = ClientKey.Of((await SignIn.GetAuthenticationStateAsync()).User, Http.HttpContext?.Connection.RemoteIpAddress);

    void SelectModel(string? id)
    {
        _modelId = id;
        var model = Model;
        // A new model starts with its first example, so Run works straight away.
        var example = model is null ? null : ExampleInputs.For(model).FirstOrDefault();
        _values = model?.InputFields.ToDictionary(f => f, f => example?.GetValueOrDefault(f) ?? "") ?? [];
        (_form.Target, _form.Field) = (null, null);
        _history.Clear();
        (_prediction, _predictedKey, _entity, _mask) = (null, null, null, null);
        _compareWith = model is null ? null : CompareChoice.Valid(_compareWith, model, _models);
        ClearComparison();
        (_current, _error, _notice, _state, _progress) = (null, null, null, RunState.Idle, default);
    }

    void SelectMethod(string method)
    {
        _method = method;
        // An attack works on one entity: "all entities" becomes the first. The mask chips likewise show no "all masks"
        // for attacks, so a chip stays pressed for the mask the attack starts from.
        if (IsAttack && _entity is null && _prediction is { } prediction) _entity = EntityChoice.Default(prediction);
        if (IsAttack && _mask is null && _prediction is { } masked) _mask = MaskChoice.Default(masked);
    }

    void SelectEntity(int? entity) => _entity = entity;

    void ChooseSigned(bool signed) => _signed = signed;

    void SelectMask(int? mask) => _mask = mask;

    /// <summary>A guessed word clicked on the prediction (its mask is chosen just before): the target of the next run.</summary>
    void ChooseWord(string word) => _form.Target = word;

    void SelectComparison(string? model)
    {
        _compareWith = model;
        ClearComparison();
    }

    void ClearComparison() => (_comparePrediction, _compareResult, _compareError) = (null, null, null);

    /// <summary>The options a run sends to the model that made <paramref name="prediction"/>: a tagger's chosen entity,
    /// a masked LM's chosen mask and target word at that mask; a classifier's as they are.</summary>
    MethodOptions OptionsFor(Prediction prediction, MethodOptions options, bool isAttack)
    {
        if (prediction.Masks is not null) return MaskChoice.Apply(options, prediction, _mask, options.Target, isAttack);
        return EntityChoice.InstanceFor(prediction, _entity, isAttack) is int entity ? options with { Instance = entity } : options;
    }

    /// <summary>One prediction on the pool (for a model other than the one on screen).</summary>
    async Task<Prediction> PredictOnPoolAsync(Predictor predictor, TextInstance instance, CancellationToken token)
    {
        Prediction? prediction = null;
        var job = Pool.Submit(_ => new[] { predictor.Predict(instance) }, token, _owner);
        await foreach (var p in job.Results(token)) prediction = p;
        return prediction ?? throw new InvalidOperationException("The prediction job returned nothing.");
    }

    Dictionary<string, string> InputOf(ModelInfo model) =>
        model.InputFields.ToDictionary(f => f, f => _values.GetValueOrDefault(f) ?? "");

    /// <summary>The prediction of the input <paramref name="key"/> names: the one shown when it is for that input,
    /// else a new one from the pool. A new input's entity choice starts at its first entity.</summary>
    async Task<Prediction> PredictionOfAsync(string key, Predictor predictor, TextInstance instance, CancellationToken token)
    {
        if (_prediction is { } shown && _predictedKey == key) return shown;
        var prediction = await PredictOnPoolAsync(predictor, instance, token);
        (_prediction, _predictedKey) = (prediction, key);
        _entity = EntityChoice.Default(prediction);
        _mask = MaskChoice.Default(prediction);
        return prediction;
    }

    /// <summary>Predict alone: shows the prediction (for a tagger, the entities to pick from) without running a method.</summary>
    async Task PredictAsync()
    {
        if (Model is not { } model || Busy || _predicting) return;
        ClearMessages();
        UpdateLink();
        var input = InputOf(model);
        Predictor predictor;
        TextInstance instance;
        try
        {
            predictor = Catalog.Get(model.Id);
            instance = predictor.Tokenize(input);
        }
        catch (Exception e) when (e is InputException or UnknownNameException)
        {
            ShowError(e);
            return;
        }
        _predicting = true;
        try
        {
            await PredictionOfAsync(InputKeys.Of(model.Id, input), predictor, instance, _lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (QueueFullException e)
        {
            _error = e.Message;
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Predict on {Model} failed", model.Id);
            _error = $"The prediction failed: {e.Message}";
        }
        finally
        {
            _predicting = false;
        }
    }

    void ClearMessages() => (_error, _errorField, _notice) = (null, null, null);

    /// <summary>An error for the user, beside Run, and on the input box it concerns when it names one.</summary>
    void ShowError(Exception e) => (_error, _errorField) = (e.Message, (e as InputException)?.Field);

    /// <summary>An attack's adversarial or reduced text goes into the input boxes, ready to predict or explain.</summary>
    void UseAsInput(IReadOnlyDictionary<string, string> values)
    {
        if (Model is not { } model) return;
        foreach (var field in model.InputFields)
            if (values.TryGetValue(field, out var text)) _values[field] = text;
        (_error, _notice) = (null, "The attacked text is now the input: press Predict or Run to explain it.");
    }

    void Remove(object result) => _history.Remove(result);

    void Cancel() => _run?.Cancel();

    async Task RunAsync()
    {
        if (Model is not { } model || Busy || _predicting) return;
        ClearMessages();
        UpdateLink();
        var method = _method;
        var guide = MethodGuide.Of(method);
        var input = InputOf(model);
        var key = InputKeys.Of(model.Id, input);
        var options = _form.ToOptions(guide);
        var request = new MethodRequest(input, options);
        Predictor predictor;
        TextInstance instance;
        try
        {
            // Bad input is reported here and never queues.
            predictor = Catalog.Get(model.Id);
            MethodRunner.Validate(predictor, method, request, Budget);
            instance = predictor.Tokenize(input);
        }
        catch (Exception e) when (e is InputException or UnknownNameException)
        {
            ShowError(e);
            return;
        }

        _run = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var token = _run.Token;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _history.StartInput(model.Id, input);
        (_current, _progress, _state, _queuePosition) = (null, default, RunState.Queued, 0);
        ClearComparison();
        _runCount++;
        try
        {
            // The prediction comes first (one pass, and none when it is on screen already): a tagger's run explains
            // the entity chosen on it.
            var prediction = await PredictionOfAsync(key, predictor, instance, token);
            Refresh();
            if (prediction.Entities is { Count: 0 })
                throw new InputException("The tagger found no entities in this text, so there is nothing to interpret.");
            if (prediction.Clusters is { Count: 0 })
                throw new InputException("The model linked no two mentions in this text, so there is no cluster to interpret.");
            request = request with { Options = OptionsFor(prediction, options, guide.IsAttack) };
            _currentRequest = request;
            var job = Pool.Submit(ct => MethodRunner.Run(predictor, method, request, ct, Budget), token, _owner);
            (_queuePosition, _queueWait) = (job.QueuePosition, job.EstimatedWait);
            _ = WatchQueueAsync(job, token);
            await foreach (var record in job.Results(token))
            {
                _revealResult |= _current is null;
                (_current, _progress, _state) = (record, RunProgress.Of(record), RunState.Running);
                Refresh();
            }
            if (_current is not null) _history.Add(_current);
            if (_compareWith is { } other) await CompareAsync(other, method, input, options, guide.IsAttack, token);
            _state = RunState.Done;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _state = RunState.Cancelled;
            _notice = "Cancelled: the partial result stops where the job stopped.";
        }
        catch (Exception e) when (e is InputException or QueueFullException or JobTimeoutException)
        {
            _state = RunState.Failed;
            ShowError(e);
            if (e is QueueFullException) Metrics.Refused("queue-full");
            if (e is JobTimeoutException) Metrics.Refused("timeout");
            if (e is OverBudgetException) Metrics.Refused("over-budget");
        }
        catch (Exception e)
        {
            Logger.LogError(e, "{Method} on {Model} failed", method, model.Id);
            (_state, _error) = (RunState.Failed, $"The run failed: {e.Message}");
        }
        finally
        {
            Metrics.JobFinished(method, clock.Elapsed, _state switch
            {
                RunState.Done => "done",
                RunState.Cancelled => "cancelled",
                _ => "failed",
            });
            _run.Dispose();
            _run = null;
        }
    }

    /// <summary>The comparison half of a run: the same method and options on the second model, after the first
    /// (same pool, same cancellation). Its own prediction comes first, so a masked LM's mask choice and target land on
    /// its own token positions. A failure here is shown in its column and leaves the main result alone.</summary>
    async Task CompareAsync(string modelId, string method, Dictionary<string, string> input, MethodOptions options, bool isAttack,
        CancellationToken token)
    {
        try
        {
            var predictor = Catalog.Get(modelId);
            var instance = predictor.Tokenize(input);
            _comparePrediction = await PredictOnPoolAsync(predictor, instance, token);
            Refresh();
            var request = new MethodRequest(input, OptionsFor(_comparePrediction, options, isAttack));
            MethodRunner.Validate(predictor, method, request, Budget);
            var job = Pool.Submit(ct => MethodRunner.Run(predictor, method, request, ct, Budget), token, _owner);
            await foreach (var record in job.Results(token))
            {
                (_compareResult, _progress) = (record, RunProgress.Of(record));
                Refresh();
            }
        }
        catch (Exception e) when (e is InputException or UnknownNameException or QueueFullException or JobTimeoutException)
        {
            _compareError = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "{Method} on {Model} (comparison) failed", method, modelId);
            _compareError = $"The comparison run failed: {e.Message}";
        }
    }

    /// <summary>Repaints the queue position and the estimated wait while the job waits for a worker.</summary>
    async Task WatchQueueAsync<T>(TorchJob<T> job, CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (_state == RunState.Queued && await timer.WaitForNextTickAsync(token))
            {
                var (position, wait) = (job.QueuePosition, job.EstimatedWait);
                if (position == _queuePosition && wait == _queueWait) continue;
                (_queuePosition, _queueWait) = (position, wait);
                Refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended or was cancelled.
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_revealResult) return;
        _revealResult = false;
        // The user may have scrolled down to earlier results; the new one paints at the top of the column.
        try { await JS.InvokeVoidAsync("explorer.reveal", "result"); }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException) { }
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
