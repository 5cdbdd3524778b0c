using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Coreference;
using Interpret.Core.Models;
using Interpret.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Trains a <see cref="CorefModel"/> on documents cut into segments (<see cref="CorefSegments"/>) with Adam: the loss
/// of a segment is −(Σ log P(gold antecedents)) + w · mention cross-entropy (<see cref="CorefLoss"/>), averaged over
/// the segments of a batch, gradient norm clipped at 5. After every epoch it scores the dev documents whole by CoNLL F1,
/// keeps the best epoch, and checkpoints (state.json, last/best.safetensors, the vocabulary and characters) into a run
/// folder, so rerunning resumes after the last finished epoch (the optimiser's moments restart).
/// </summary>
public sealed class CorefTrainer(CorefTrainingOptions options, string runDirectory, TrainingLog log)
{
    sealed record RunState(int EpochsDone, double BestDevF1, int BestEpoch, double Seconds);

    public sealed record Result(CorefModel Model, CorefConfig Config, double BestDevF1, int BestEpoch, int Epochs, double Seconds, int Segments);

    sealed record Segment(CorefDocument Document, long[] Ids, bool[] Rare);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string VocabularyPath => Path.Combine(runDirectory, "vocab.txt");
    string CharactersPath => Path.Combine(runDirectory, "characters.txt");
    string LastPath => Path.Combine(runDirectory, "last.safetensors");
    string BestPath => Path.Combine(runDirectory, "best.safetensors");

    public CorefConfig ConfigFor(NerLexicon lexicon) => new(lexicon.Words.Count, options.WordDim, options.CaseDim, lexicon.CharacterCount,
        options.CharDim, options.CharFilters, options.CharKernel, options.MaxCharacters, options.HiddenSize, options.FeatureDim, options.FfnnSize,
        options.MaxSpanWidth, options.SpansPerToken, options.MaxAntecedents, options.Dropout);

    public Result Train(IReadOnlyList<CorefDocument> train, IReadOnlyList<CorefDocument> dev, IReadOnlyDictionary<string, float[]>? glove,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        torch.manual_seed(options.Seed);
        if (options.MaxDocuments is { } max) train = train.Take(max).ToList();
        var resumed = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath)) : null;
        Vocabulary vocabulary;
        string characters;
        if (resumed is null)
        {
            vocabulary = Vocabulary.Build(train.Select(d => d.Tokens), minCount: 1);
            characters = NerLexicon.CollectCharacters(train.SelectMany(d => d.Tokens));
            vocabulary.Save(VocabularyPath);
            File.WriteAllText(CharactersPath, characters);
        }
        else
        {
            vocabulary = Vocabulary.Load(VocabularyPath);
            characters = File.ReadAllText(CharactersPath);
        }
        var lexicon = new NerLexicon(vocabulary, characters, options.MaxCharacters);
        var config = ConfigFor(lexicon);
        var model = new CorefModel(config, lexicon);
        if (resumed is not null)
        {
            SafetensorsWeights.Load(model, LastPath);
            log.Write($"resumed after epoch {resumed.EpochsDone}, best dev CoNLL F1 {resumed.BestDevF1:P2} at epoch {resumed.BestEpoch}");
        }
        else if (glove is not null) GloveInitialisation.Apply(model.Embedder.WordWeight, lexicon, glove);

        var segments = train.SelectMany(d => CorefSegments.Split(d, options.SegmentTokens)).Select(d => Encode(lexicon, d)).ToList();
        var counts = new Dictionary<long, int>();
        foreach (var s in segments)
            for (int t = 0; t < s.Rare.Length; t++) counts[s.Ids[t * lexicon.Columns]] = counts.GetValueOrDefault(s.Ids[t * lexicon.Columns]) + 1;
        foreach (var s in segments)
            for (int t = 0; t < s.Rare.Length; t++) s.Rare[t] = counts[s.Ids[t * lexicon.Columns]] == 1;

        var state = resumed ?? new RunState(0, -1, 0, 0);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var random = new Random(options.Seed + state.EpochsDone);
        log.Write($"train {train.Count} documents ({segments.Count} segments of ≤ {options.SegmentTokens} tokens, {segments.Sum(s => s.Rare.Length):N0} tokens), " +
            $"dev {dev.Count}, vocabulary {vocabulary.Count:N0} tokens / {lexicon.Words.Count:N0} words / {lexicon.CharacterCount} characters, " +
            $"{model.parameters().Sum(p => p.numel()):N0} parameters, {options}");

        var total = Stopwatch.StartNew();
        for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            double loss = RunEpoch(model, optimizer, segments, lexicon.Columns, random, cancellation);
            double trainSeconds = clock.Elapsed.TotalSeconds;
            var eval = CorefEvaluation.Score(model, dev);
            double f1 = eval.ConllF1;
            bool best = f1 > state.BestDevF1;
            state = new RunState(epoch, best ? f1 : state.BestDevF1, best ? epoch : state.BestEpoch, state.Seconds + clock.Elapsed.TotalSeconds);
            SafetensorsWeights.Save(model, LastPath);
            if (best) SafetensorsWeights.Save(model, BestPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"epoch {epoch}/{options.Epochs}: train loss {loss:F3}, dev CoNLL F1 {f1:P2} (MUC {eval.Muc.F1:P1}, B³ {eval.BCubed.F1:P1}, " +
                $"CEAFφ4 {eval.Ceafe.F1:P1}){(best ? " (best)" : "")}, {trainSeconds:F0} s train + {clock.Elapsed.TotalSeconds - trainSeconds:F0} s dev");
            if (options.MaxMinutes is { } minutes && total.Elapsed.TotalMinutes >= minutes)
            {
                log.Write($"stopping after epoch {epoch}: {total.Elapsed.TotalMinutes:F1} min ≥ the {minutes} min budget");
                break;
            }
        }

        SafetensorsWeights.Load(model, File.Exists(BestPath) ? BestPath : LastPath);
        model.Freeze();
        model.ForgetEmbeddingMatrix();
        return new Result(model, config, state.BestDevF1, state.BestEpoch, state.EpochsDone, state.Seconds, segments.Count);
    }

    static Segment Encode(NerLexicon lexicon, CorefDocument document)
    {
        var tokens = document.Tokens;
        var ids = new long[tokens.Count * lexicon.Columns];
        for (int t = 0; t < tokens.Count; t++) lexicon.Encode(tokens[t], ids.AsSpan(t * lexicon.Columns, lexicon.Columns));
        return new Segment(document, ids, new bool[tokens.Count]);
    }

    double RunEpoch(CorefModel model, optim.Optimizer optimizer, List<Segment> segments, int columns, Random random, CancellationToken cancellation)
    {
        model.train();
        model.ForgetEmbeddingMatrix();
        // Batches of similar length (little padding), in random order.
        var shuffled = segments.OrderBy(_ => random.Next()).ToList();
        var batches = shuffled.Chunk(options.BatchSize * 8)
            .SelectMany(window => window.OrderBy(s => s.Rare.Length).Chunk(options.BatchSize)).OrderBy(_ => random.Next()).ToList();
        double total = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            int time = batch.Max(s => s.Rare.Length);
            var ids = new long[batch.Length * time * columns];
            for (int r = 0; r < batch.Length; r++)
            {
                batch[r].Ids.CopyTo(ids, r * time * columns);
                for (int t = 0; t < batch[r].Rare.Length; t++)
                    if (batch[r].Rare[t] && random.NextDouble() < options.WordDropout) ids[(r * time + t) * columns] = Vocabulary.UnknownId;
            }
            optimizer.zero_grad();
            var encoded = model.call(tensor(ids, [batch.Length, time, columns]), NerLexicon.Mask(batch.Select(s => s.Rare.Length).ToList()));
            var losses = new List<Tensor>();
            for (int r = 0; r < batch.Length; r++)
            {
                var document = batch[r].Document;
                var scores = model.Score(encoded[r], document.Tokens.Count);
                losses.Add(CorefLoss.MentionLoss(scores, document.Clusters) * options.MentionLossWeight - CorefLoss.LogLikelihood(scores, document.Clusters));
            }
            var loss = stack(losses).mean();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 5.0);
            optimizer.step();
            total += loss.item<float>() * batch.Length;
        }
        return total / segments.Count;
    }
}
