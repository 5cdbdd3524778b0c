using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Tagging;
using Interpret.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Trains a <see cref="BiLstmCrfTagger"/> on BIO-tagged sentences with Adam (CRF negative log-likelihood, mean over
/// the batch, gradient norm clipped at 5), scores the dev sentences by conlleval span F1 after every epoch, keeps the
/// best epoch, and checkpoints every epoch into a run folder so a stopped run resumes where it was (the optimiser's
/// moments restart). The vocabulary (all training tokens, cased) and the character list are fixed at the first epoch
/// and saved in the run folder.
/// </summary>
public sealed class NerTrainer(NerTrainingOptions options, string runDirectory, TrainingLog log)
{
    sealed record RunState(int EpochsDone, double BestDevF1, int BestEpoch, double Seconds);

    public sealed record Result(BiLstmCrfTagger Model, BiLstmCrfConfig Config, double BestDevF1, int BestEpoch, int Epochs, double Seconds);

    sealed record Encoded(long[] Ids, long[] Tags, bool[] Rare)
    {
        public int Length => Tags.Length;
    }

    string StatePath => Path.Combine(runDirectory, "state.json");
    string VocabularyPath => Path.Combine(runDirectory, "vocab.txt");
    string CharactersPath => Path.Combine(runDirectory, "characters.txt");
    string LastPath => Path.Combine(runDirectory, "last.safetensors");
    string BestPath => Path.Combine(runDirectory, "best.safetensors");

    public BiLstmCrfConfig ConfigFor(NerLexicon lexicon, int tags) => new(lexicon.Words.Count, options.WordDim, options.CaseDim,
        lexicon.CharacterCount, options.CharDim, options.CharFilters, options.CharKernel, options.MaxCharacters, options.HiddenSize, tags, options.Dropout);

    /// <param name="train">training sentences with BIO tags from <paramref name="tagSet"/></param>
    /// <param name="dev">dev sentences with the file's own tags (scored by conlleval)</param>
    public Result Train(IReadOnlyList<TaggedSentence> train, IReadOnlyList<TaggedSentence> dev, IReadOnlyList<string> tagSet,
        IReadOnlyDictionary<string, float[]>? glove, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        torch.manual_seed(options.Seed);
        if (options.MaxSentences is { } max) train = train.Take(max).ToList();
        var resumed = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath)) : null;
        Vocabulary vocabulary;
        string characters;
        if (resumed is null)
        {
            vocabulary = Vocabulary.Build(train.Select(s => s.Tokens), minCount: 1);
            characters = NerLexicon.CollectCharacters(train.SelectMany(s => s.Tokens));
            vocabulary.Save(VocabularyPath);
            File.WriteAllText(CharactersPath, characters);
        }
        else
        {
            vocabulary = Vocabulary.Load(VocabularyPath);
            characters = File.ReadAllText(CharactersPath);
        }
        var lexicon = new NerLexicon(vocabulary, characters, options.MaxCharacters);
        var config = ConfigFor(lexicon, tagSet.Count);
        var model = new BiLstmCrfTagger(config, lexicon);
        if (resumed is not null)
        {
            SafetensorsWeights.Load(model, LastPath);
            log.Write($"resumed after epoch {resumed.EpochsDone}, best dev F1 {resumed.BestDevF1:P2} at epoch {resumed.BestEpoch}");
        }
        else if (glove is not null) InitialiseFromGlove(model, lexicon, glove);

        var state = resumed ?? new RunState(0, -1, 0, 0);
        var tagIds = tagSet.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (long)x.i);
        var wordCounts = new Dictionary<long, int>();
        var trainIds = train.Select(s => Encode(lexicon, s, tagIds)).ToList();
        foreach (var row in trainIds)
            for (int t = 0; t < row.Length; t++) wordCounts[row.Ids[t * lexicon.Columns]] = wordCounts.GetValueOrDefault(row.Ids[t * lexicon.Columns]) + 1;
        foreach (var row in trainIds)
            for (int t = 0; t < row.Length; t++) row.Rare[t] = wordCounts[row.Ids[t * lexicon.Columns]] == 1;

        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var random = new Random(options.Seed + state.EpochsDone);
        log.Write($"train {train.Count:N0} sentences, dev {dev.Count:N0}, vocabulary {vocabulary.Count:N0} tokens / {lexicon.Words.Count:N0} words / " +
            $"{lexicon.CharacterCount} characters, {model.parameters().Sum(p => p.numel()):N0} parameters, {options}");

        var total = Stopwatch.StartNew();
        for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            double loss = RunEpoch(model, optimizer, trainIds, lexicon.Columns, random, cancellation);
            double trainSeconds = clock.Elapsed.TotalSeconds;
            var eval = Score(model, lexicon, dev, tagSet);
            double f1 = eval.Overall.F1;
            bool best = f1 > state.BestDevF1;
            state = new RunState(epoch, best ? f1 : state.BestDevF1, best ? epoch : state.BestEpoch, state.Seconds + clock.Elapsed.TotalSeconds);
            SafetensorsWeights.Save(model, LastPath);
            if (best) SafetensorsWeights.Save(model, BestPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"epoch {epoch}/{options.Epochs}: train loss {loss:F4}, dev F1 {f1:P2} (" +
                string.Join(", ", eval.Types.Select(t => $"{t} {eval.For(t).F1:P1}")) + $"){(best ? " (best)" : "")}, " +
                $"{trainSeconds:F0} s train + {clock.Elapsed.TotalSeconds - trainSeconds:F0} s dev");
            if (options.MaxMinutes is { } minutes && total.Elapsed.TotalMinutes >= minutes)
            {
                log.Write($"stopping after epoch {epoch}: {total.Elapsed.TotalMinutes:F1} min ≥ the {minutes} min budget");
                break;
            }
        }

        SafetensorsWeights.Load(model, File.Exists(BestPath) ? BestPath : LastPath);
        model.Freeze();
        model.ForgetEmbeddingMatrix();
        return new Result(model, config, state.BestDevF1, state.BestEpoch, state.EpochsDone, state.Seconds);
    }

    static Encoded Encode(NerLexicon lexicon, TaggedSentence sentence, IReadOnlyDictionary<string, long> tagIds)
    {
        var ids = new long[sentence.Tokens.Count * lexicon.Columns];
        for (int t = 0; t < sentence.Tokens.Count; t++) lexicon.Encode(sentence.Tokens[t], ids.AsSpan(t * lexicon.Columns, lexicon.Columns));
        var tags = sentence.Tags.Select(tag => tagIds.TryGetValue(tag, out var id) ? id
            : throw new InvalidDataException($"Tag '{tag}' is not in the tag set {string.Join(" ", tagIds.Keys)}.")).ToArray();
        return new Encoded(ids, tags, new bool[tags.Length]);
    }

    static void InitialiseFromGlove(BiLstmCrfTagger model, NerLexicon lexicon, IReadOnlyDictionary<string, float[]> glove)
    {
        using var _ = no_grad();
        var weight = model.Embedder.WordWeight;
        int dim = (int)weight.shape[1], found = 0;
        int width = Math.Min(dim, glove.First().Value.Length);
        for (int id = 2; id < lexicon.Words.Count; id++)
            if (glove.TryGetValue(lexicon.Words[id], out var vector))
            {
                weight[id].narrow(0, 0, width).copy_(tensor(vector[..width]));
                found++;
            }
        weight[Vocabulary.PaddingId].zero_();
        Console.WriteLine($"GloVe initialised {found:N0} of {lexicon.Words.Count:N0} word embeddings.");
    }

    /// <summary>A padded batch: ids [batch, time, columns], tags [batch, time], mask [batch, time]. With a random
    /// source, rare words are read as unknown with probability WordDropout.</summary>
    static (Tensor Ids, Tensor Tags, Tensor Mask) Batch(IReadOnlyList<Encoded> rows, int columns, Random? random, double wordDropout)
    {
        int time = rows.Max(r => r.Length);
        var ids = new long[rows.Count * time * columns];
        var tags = new long[rows.Count * time];
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].Ids.CopyTo(ids, r * time * columns);
            rows[r].Tags.CopyTo(tags, r * time);
            if (random is null) continue;
            for (int t = 0; t < rows[r].Length; t++)
                if (rows[r].Rare[t] && random.NextDouble() < wordDropout) ids[(r * time + t) * columns] = Vocabulary.UnknownId;
        }
        return (tensor(ids, [rows.Count, time, columns]), tensor(tags, [rows.Count, time]), NerLexicon.Mask(rows.Select(r => r.Length).ToList()));
    }

    double RunEpoch(BiLstmCrfTagger model, optim.Optimizer optimizer, List<Encoded> rows, int columns, Random random, CancellationToken cancellation)
    {
        model.train();
        model.ForgetEmbeddingMatrix();
        // Shuffle, then sort within windows of 50 batches by length: little padding, still random batches.
        var order = rows.OrderBy(_ => random.Next()).ToList();
        int window = options.BatchSize * 50;
        var batches = new List<List<Encoded>>();
        for (int w = 0; w < order.Count; w += window)
        {
            var sorted = order.Skip(w).Take(window).OrderBy(r => r.Length).ToList();
            for (int b = 0; b < sorted.Count; b += options.BatchSize) batches.Add(sorted.Skip(b).Take(options.BatchSize).ToList());
        }
        batches = batches.OrderBy(_ => random.Next()).ToList();

        double total = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (ids, tags, mask) = Batch(batch, columns, random, options.WordDropout);
            optimizer.zero_grad();
            var loss = -model.Crf.LogLikelihood(model.call(ids, mask), tags, mask).mean();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 5.0);
            optimizer.step();
            total += loss.item<float>() * batch.Count;
        }
        return total / rows.Count;
    }

    /// <summary>conlleval of the model's Viterbi tags against the sentences' own tags, both written as BIO (as <see cref="NerEvaluation"/>).</summary>
    public static ConllEval Score(BiLstmCrfTagger model, NerLexicon lexicon, IReadOnlyList<TaggedSentence> sentences, IReadOnlyList<string> tagSet)
    {
        model.Freeze();
        using var _ = no_grad();
        // Batches of similar length (little padding; padding never changes a row's result), scored in file order.
        var guesses = new IReadOnlyList<string>[sentences.Count];
        var byLength = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Tokens.Count).ToList();
        foreach (var chunk in byLength.Chunk(128))
        {
            using var scope = NewDisposeScope();
            var ids = lexicon.Encode(chunk.Select(i => sentences[i].Tokens).ToList());
            var mask = NerLexicon.Mask(chunk.Select(i => sentences[i].Tokens.Count).ToList());
            var paths = model.Crf.Viterbi(model.call(ids, mask), mask);
            for (int j = 0; j < chunk.Length; j++) guesses[chunk[j]] = paths[j].Select(id => tagSet[(int)id]).ToList();
        }
        var eval = new ConllEval();
        for (int i = 0; i < sentences.Count; i++) eval.Add(BioTags.ToBio(sentences[i].Tags), BioTags.ToBio(guesses[i]));
        return eval;
    }
}
