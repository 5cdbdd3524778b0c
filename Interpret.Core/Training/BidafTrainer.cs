using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Text;
using Interpret.Results;
using Interpret.Core.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Trains a <see cref="BidafModel"/> on SQuAD questions: loss = CE(start) + CE(end) on the first reference answer mapped
/// to the passage's PTB tokens (answers no token covers are dropped and counted), Adam, gradient norm clipped at 5,
/// batches of similar passage length. After every epoch the validation questions are answered (best span of at most
/// 30 tokens) and scored with the official EM/F1; the best epoch by F1 is kept. The run folder holds state.json,
/// last.safetensors and best.safetensors (float32) and the vocabulary, so rerunning the same command resumes after the
/// last finished epoch (shuffling and dropout are seeded per epoch; the optimiser's moments restart).
/// </summary>
public sealed class BidafTrainer(BidafTrainingOptions options, string runDirectory, TrainingLog log)
{
    public static readonly PtbTokenizer Tokenizer = new(lowerCase: false);

    sealed record RunState(int EpochsDone, double BestF1, double BestExactMatch, int BestEpoch, double Seconds);

    public sealed record Result(BidafModel Model, double BestF1, double BestExactMatch, int BestEpoch, int Epochs, double Seconds, int Examples, int Unmapped);

    /// <summary>One training question: token texts of question and passage and the answer's inclusive token span.</summary>
    public sealed record Example(IReadOnlyList<string> Question, IReadOnlyList<string> Passage, long Start, long End);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string VocabularyPath => Path.Combine(runDirectory, "vocab.txt");
    string CharactersPath => Path.Combine(runDirectory, "characters.txt");
    string LastPath => Path.Combine(runDirectory, "last.safetensors");
    string BestPath => Path.Combine(runDirectory, "best.safetensors");

    /// <summary>Training examples of the questions (first reference answer), and how many answers covered no token.</summary>
    public static (List<Example> Examples, int Unmapped) Examples(IEnumerable<(SquadParagraph Paragraph, SquadQuestion Question)> questions)
    {
        var examples = new List<Example>();
        var passages = new Dictionary<SquadParagraph, (IReadOnlyList<Token> Tokens, string[] Texts)>(ReferenceEqualityComparer.Instance);
        int unmapped = 0;
        foreach (var (paragraph, question) in questions)
        {
            if (!passages.TryGetValue(paragraph, out var passage))
            {
                var tokens = Tokenizer.Tokenize(paragraph.Context);
                passages[paragraph] = passage = (tokens, tokens.Select(t => t.Text).ToArray());
            }
            var answer = question.Answers[0];
            if (AnswerTokens.Of(passage.Tokens, answer.Start, answer.Start + answer.Text.Length) is not { } span)
            {
                unmapped++;
                continue;
            }
            var questionTokens = Tokenizer.Tokenize(question.Question).Select(t => t.Text).ToArray();
            if (questionTokens.Length == 0) { unmapped++; continue; }
            examples.Add(new Example(questionTokens, passage.Texts, span.Start, span.End));
        }
        return (examples, unmapped);
    }

    /// <summary>The cased token vocabulary of the training questions and passages, most frequent first, cut where the
    /// lower-cased word table would pass <paramref name="maxWords"/> rows.</summary>
    public static Vocabulary BuildVocabulary(IEnumerable<Example> examples, int maxWords)
    {
        var seen = new HashSet<SquadPassageKey>();
        var texts = new List<IEnumerable<string>>();
        foreach (var e in examples)
        {
            texts.Add(e.Question);
            if (seen.Add(new SquadPassageKey(e.Passage))) texts.Add(e.Passage);
        }
        var all = Vocabulary.Build(texts, minCount: 1);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var token in all.Tokens.Skip(2))
        {
            if (!words.Contains(NerLexicon.WordKey(token)) && words.Count + 2 >= maxWords) continue;
            words.Add(NerLexicon.WordKey(token));
            kept.Add(token);
        }
        return new Vocabulary(kept);
    }

    /// <summary>Passages are shared by their questions' examples: one key per token list object.</summary>
    readonly record struct SquadPassageKey(IReadOnlyList<string> Tokens)
    {
        public bool Equals(SquadPassageKey other) => ReferenceEquals(Tokens, other.Tokens);
        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Tokens);
    }

    public BidafConfig ConfigFor(NerLexicon lexicon) => new(lexicon.Words.Count, options.WordDim, options.CaseDim, lexicon.CharacterCount,
        options.CharDim, options.CharFilters, options.CharKernel, options.MaxCharacters, options.HighwayLayers, options.HiddenSize,
        options.ModellingLayers, options.Dropout);

    public Result Train(IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> trainQuestions,
        IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> validation, IReadOnlyDictionary<string, float[]>? glove,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        manual_seed(options.Seed);
        if (options.MaxTrainRows is { } max) trainQuestions = trainQuestions.Take(max).ToList();
        var (train, unmapped) = Examples(trainQuestions);
        var resumed = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath)) : null;
        Vocabulary vocabulary;
        string characters;
        if (resumed is null)
        {
            vocabulary = BuildVocabulary(train, options.MaxWords);
            characters = NerLexicon.CollectCharacters(vocabulary.Tokens.Skip(2));
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
        var model = new BidafModel(config, lexicon);
        if (resumed is not null)
        {
            CheckpointFiles.Load(model, LastPath);
            log.Write($"resumed after epoch {resumed.EpochsDone}, best validation F1 {resumed.BestF1:F2} at epoch {resumed.BestEpoch}");
        }
        else InitialiseWords(model, lexicon, glove, options.Seed);
        if (options.FreezeWords) model.Embedder.WordWeight.requires_grad_(false);

        var state = resumed ?? new RunState(0, -1, 0, 0, 0);
        using var optimizer = optim.Adam(model.parameters().Where(p => p.requires_grad), options.LearningRate);
        log.Write($"train {train.Count:N0} questions ({unmapped} answers covered no token, dropped), validation {validation.Count:N0}, " +
            $"vocabulary {vocabulary.Count:N0} tokens / {lexicon.Words.Count:N0} words / {lexicon.CharacterCount} characters, " +
            $"{model.parameters().Where(p => p.requires_grad).Sum(p => p.numel()):N0} trained parameters, {options}");

        var total = Stopwatch.StartNew();
        for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            manual_seed(RunSeeds.For(options.Seed, 1, epoch));
            double loss = RunEpoch(model, optimizer, train, new Random(RunSeeds.For(options.Seed, 0, epoch)), epoch, cancellation);
            double trainSeconds = clock.Elapsed.TotalSeconds;
            var score = Score(model, validation);
            bool best = score.F1 > state.BestF1;
            state = new RunState(epoch, best ? score.F1 : state.BestF1, best ? score.ExactMatch : state.BestExactMatch, best ? epoch : state.BestEpoch,
                state.Seconds + clock.Elapsed.TotalSeconds);
            CheckpointFiles.Save(model, LastPath);
            if (best) CheckpointFiles.Save(model, BestPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"epoch {epoch}/{options.Epochs}: train loss {loss:F4}, validation {score}{(best ? " (best)" : "")}, " +
                $"{trainSeconds:F0} s train + {clock.Elapsed.TotalSeconds - trainSeconds:F0} s validation");
            if (options.MaxMinutes is { } minutes && total.Elapsed.TotalMinutes >= minutes)
            {
                log.Write($"stopping after epoch {epoch}: {total.Elapsed.TotalMinutes:F1} min ≥ the {minutes} min budget");
                break;
            }
        }

        CheckpointFiles.Load(model, File.Exists(BestPath) ? BestPath : LastPath);
        model.Freeze();
        model.ForgetEmbeddingMatrix();
        return new Result(model, state.BestF1, state.BestExactMatch, state.BestEpoch, state.EpochsDone, state.Seconds, train.Count, unmapped);
    }

    /// <summary>GloVe rows for the words it has; the other words get fixed random vectors of GloVe's scale (distinct
    /// identities the attention can still match between question and passage).</summary>
    static void InitialiseWords(BidafModel model, NerLexicon lexicon, IReadOnlyDictionary<string, float[]>? glove, int seed)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var weight = model.Embedder.WordWeight;
        int dim = (int)weight.shape[1], found = 0;
        double scale = glove is { Count: > 0 } ? Math.Sqrt(glove.Values.SelectMany(v => v).Average(x => (double)x * x)) : 0.5;
        var generator = new Random(seed);
        var values = new float[lexicon.Words.Count * dim];
        for (int id = 2; id < lexicon.Words.Count; id++)
        {
            if (glove is not null && glove.TryGetValue(lexicon.Words[id], out var vector) && vector.Length >= dim)
            {
                Array.Copy(vector, 0, values, id * dim, dim);
                found++;
                continue;
            }
            for (int d = 0; d < dim; d++) values[id * dim + d] = (float)(scale * Normal(generator));
        }
        weight.copy_(tensor(values, [lexicon.Words.Count, dim]).to_type(weight.dtype));
        Console.WriteLine($"GloVe initialised {found:N0} of {lexicon.Words.Count:N0} word embeddings; the rest are random with scale {scale:F3}.");
    }

    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    double RunEpoch(BidafModel model, optim.Optimizer optimizer, List<Example> rows, Random random, int epoch, CancellationToken cancellation)
    {
        model.train();
        model.ForgetEmbeddingMatrix();
        // Shuffle, then sort within windows of 50 batches by passage length: little padding, still random batches.
        var order = rows.OrderBy(_ => random.Next()).ToList();
        int window = options.BatchSize * 50;
        var batches = new List<List<Example>>();
        for (int w = 0; w < order.Count; w += window)
        {
            var sorted = order.Skip(w).Take(window).OrderBy(r => r.Passage.Count).ToList();
            for (int b = 0; b < sorted.Count; b += options.BatchSize) batches.Add(sorted.Skip(b).Take(options.BatchSize).ToList());
        }
        batches = batches.OrderBy(_ => random.Next()).ToList();

        double total = 0;
        int done = 0;
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = Loss(model, batch);
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), 5.0);
            optimizer.step();
            total += loss.item<float>() * batch.Count;
            done += batch.Count;
            if (++_steps % 50 == 0)
                log.Write($"epoch {epoch}: {done:N0}/{rows.Count:N0} questions, loss {total / done:F4}, {clock.Elapsed.TotalSeconds:F0} s");
        }
        return total / rows.Count;
    }

    int _steps;

    /// <summary>Mean over the batch of CE(start) + CE(end).</summary>
    public static Tensor Loss(BidafModel model, IReadOnlyList<Example> batch)
    {
        var scores = model.SpanScores(batch.Select(b => b.Question).ToList(), batch.Select(b => b.Passage).ToList());
        var start = nn.functional.cross_entropy(scores.select(1, 0), tensor(batch.Select(b => b.Start).ToArray()));
        var end = nn.functional.cross_entropy(scores.select(1, 1), tensor(batch.Select(b => b.End).ToArray()));
        return start.Plus(end);
    }

    /// <summary>The official EM/F1 of the model's best spans (≤ 30 tokens) on the questions.</summary>
    public static SquadScore.Totals Score(BidafModel model, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> questions)
    {
        var answers = Answer(model, questions.Select(q => (q.Question.Question, q.Paragraph.Context)).ToList());
        var totals = new SquadScore.Totals();
        for (int i = 0; i < questions.Count; i++) totals.Add(answers[i], questions[i].Question.Answers.Select(a => a.Text).ToList());
        return totals;
    }

    /// <summary>Each question's best span as passage characters, in batches of similar passage length (eval mode).</summary>
    public static IReadOnlyList<string> Answer(BidafModel model, IReadOnlyList<(string Question, string Passage)> inputs)
    {
        model.Freeze();
        using var _ = no_grad();
        var answers = new string[inputs.Count];
        var passages = inputs.Select(i => Tokenizer.Tokenize(i.Passage)).ToList();
        var order = Enumerable.Range(0, inputs.Count).OrderBy(i => passages[i].Count).ToList();
        foreach (var chunk in order.Chunk(32))
        {
            using var scope = NewDisposeScope();
            var questionTexts = chunk.Select(i => (IReadOnlyList<string>)Tokenizer.Tokenize(inputs[i].Question).Select(t => t.Text).ToList()).ToList();
            var passageTexts = chunk.Select(i => (IReadOnlyList<string>)passages[i].Select(t => t.Text).ToList()).ToList();
            var logs = model.SpanScores(questionTexts, passageTexts).to_type(ScalarType.Float64).log_softmax(2);
            long time = logs.shape[2];
            var values = logs.contiguous().data<double>().ToArray();
            for (int k = 0; k < chunk.Length; k++)
            {
                var tokens = passages[chunk[k]];
                int n = tokens.Count;
                var best = SpanDecoder.Best(values.AsSpan((int)(k * 2 * time), n), values.AsSpan((int)(k * 2 * time + time), n), Enumerable.Repeat(true, n).ToArray())[0];
                answers[chunk[k]] = inputs[chunk[k]].Passage[tokens[best.Start].Start..tokens[best.End].End];
            }
        }
        return answers;
    }
}
