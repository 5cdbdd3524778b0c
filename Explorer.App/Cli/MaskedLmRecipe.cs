using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// How the masked-LM demo model is made: `train --model mlm-gutenberg-bert` builds a WordPiece vocabulary from the
/// Gutenberg training books, pre-trains a small BERT from scratch on them (three books held out for selection and
/// evaluation), checkpoints into runs/ (rerun the same command to resume), and writes models/&lt;id&gt;/ as a HuggingFace
/// checkpoint folder (config.json, model.safetensors, vocab.txt) plus manifest.json. `evaluate` scores masked-token
/// top-1 / top-5 accuracy on any plain-text book, WikiText <c>.tokens</c> file, or a comma-separated list of them.
/// </summary>
static class MaskedLmRecipe
{
    public const string Id = "mlm-gutenberg-bert";
    public const string Task = "masked-lm";
    public const string Field = "text";
    const string BooksFolder = "lm/litbank_gutenberg/books";
    public static readonly string[] HeldOutBooks = ["105_persuasion.txt", "215_the_call_of_the_wild.txt", "2852_the_hound_of_the_baskervilles.txt"];

    public sealed record OwnOptions(Option<int?> Layers, Option<int?> VocabularySize, Option<int?> SequenceLength, Option<int?> Warmup);

    /// <summary>Adds the masked-LM-only options to the train command.</summary>
    public static OwnOptions AddOptions(Command command)
    {
        var layers = new Option<int?>("--layers") { Description = "Masked LM: transformer layers (default 4)." };
        var vocabulary = new Option<int?>("--vocab-size") { Description = "Masked LM: WordPiece vocabulary size (default 10000)." };
        var length = new Option<int?>("--sequence-length") { Description = "Masked LM: pieces per training sequence and position limit (default 64)." };
        var warmup = new Option<int?>("--warmup") { Description = "Masked LM: learning-rate warm-up steps (default 800)." };
        command.Options.Add(layers);
        command.Options.Add(vocabulary);
        command.Options.Add(length);
        command.Options.Add(warmup);
        return new OwnOptions(layers, vocabulary, length, warmup);
    }

    public static int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, OwnOptions own)
    {
        var defaults = new MaskedLmTrainingOptions();
        Train(data, output, defaults with
        {
            Epochs = shared.ValueOr(parse, shared.Epochs, defaults.Epochs),
            HiddenSize = shared.ValueOr(parse, shared.Hidden, defaults.HiddenSize),
            IntermediateSize = 4 * shared.ValueOr(parse, shared.Hidden, defaults.HiddenSize),
            LearningRate = shared.ValueOr(parse, shared.Rate, defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, defaults.Seed),
            Layers = parse.GetValue(own.Layers) ?? defaults.Layers,
            VocabularySize = parse.GetValue(own.VocabularySize) ?? defaults.VocabularySize,
            SequenceLength = parse.GetValue(own.SequenceLength) ?? defaults.SequenceLength,
            WarmupSteps = parse.GetValue(own.Warmup) ?? defaults.WarmupSteps,
        });
        return 0;
    }

    public static void Train(string data, string output, MaskedLmTrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var books = Path.Combine(data, BooksFolder);
        var trainBooks = BookCorpus.BookNames(books).Except(HeldOutBooks).ToList();
        foreach (var held in HeldOutBooks)
            if (!File.Exists(Path.Combine(books, held))) throw new FileNotFoundException($"Held-out book {held} is missing from {books}.");

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        // The epoch count is not part of the run's name: rerunning with more --epochs continues the same run (its
        // learning-rate schedule is stretched over the new total from the step it reached).
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-v{options.VocabularySize}-l{options.Layers}-h{options.HiddenSize}-a{options.Heads}-t{options.SequenceLength}-b{options.BatchSize}-lr{F(options.LearningRate)}-s{options.Seed}");
        Directory.CreateDirectory(runDirectory);
        var log = new TrainingLog(Path.Combine(runDirectory, "train.log"));

        var vocabularyPath = Path.Combine(runDirectory, BertCheckpoint.VocabularyFile);
        // Read only when the vocabulary or the packed sequences are not in the run folder yet (a resume skips it).
        var trainParagraphs = new Lazy<List<BookCorpus.Book>>(() => trainBooks.Select(b => BookCorpus.Read(Path.Combine(books, b))).ToList());
        if (!File.Exists(vocabularyPath))
        {
            log.Write($"building a {options.VocabularySize:N0}-piece WordPiece vocabulary from {trainBooks.Count} books");
            WordPieceVocabularyBuilder.Build(trainParagraphs.Value.SelectMany(b => b.Paragraphs), options.VocabularySize).Save(vocabularyPath);
        }
        var vocabulary = WordPieceVocabulary.Load(vocabularyPath);
        var tokenizer = new WordPieceTokenizer(vocabulary);
        var roles = PieceRoles.FromTokens(vocabulary.Tokens, vocabulary.IdOf);

        var trainPath = Path.Combine(runDirectory, "train.sequences");
        if (!File.Exists(trainPath))
        {
            log.Write("tokenising the training books");
            MaskedLmSequences.Save(trainPath, trainParagraphs.Value.SelectMany(b => Pack(tokenizer, b.Paragraphs, options.SequenceLength)).ToList());
        }
        var train = MaskedLmSequences.Load(trainPath);
        var dev = HeldOutBooks.SelectMany(b => Pack(tokenizer, BookCorpus.Read(Path.Combine(books, b)).Paragraphs, options.SequenceLength)).ToList();
        long trainPieces = train.Sum(s => (long)s.Length);

        var trainer = new MaskedLmTrainer(options, runDirectory, log);
        var result = trainer.Train(train, dev, roles);

        var folder = Path.Combine(output, Id);
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } n ? $"OMP_NUM_THREADS={n} " : "";
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Task,
            Architecture = new ArchitectureSpec(BertSpec.MaskedLm, result.Config.ToJsonObject()),
            Labels = [],
            InputFields = [Field],
            Tokenization = new TokenizationSpec("wordpiece", LowerCase: true, MaxTokens: options.SequenceLength),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["folder"] = BooksFolder, ["books"] = trainBooks.Count, ["sequences"] = train.Count, ["pieces"] = trainPieces, ["use"] = "training" },
                    new JsonObject { ["folder"] = BooksFolder, ["books"] = new JsonArray(HeldOutBooks.Select(b => (JsonNode)b).ToArray()), ["sequences"] = dev.Count, ["use"] = "held out: checkpoint selection (first " + options.DevSequences + " sequences) and evaluation" }),
                ["vocabulary"] = $"{vocabulary.Count:N0} WordPiece pieces learned from the training books by WordPieceVocabularyBuilder",
                ["seed"] = options.Seed,
                ["epochs"] = options.Epochs,
                ["steps"] = result.Steps,
                ["bestStep"] = result.BestStep,
                ["batchSize"] = options.BatchSize,
                ["sequenceLength"] = options.SequenceLength,
                ["learningRate"] = options.LearningRate,
                ["warmupSteps"] = options.WarmupSteps,
                ["optimizer"] = $"AdamW (weight decay {F(options.WeightDecay)}), linear warm-up then linear decay; gradient norm clipped at 1",
                ["masking"] = $"{F(options.MaskRate)} of ordinary pieces chosen; 80 % [MASK], 10 % random piece, 10 % unchanged",
                ["command"] = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --epochs {options.Epochs} --layers {options.Layers} --hidden {options.HiddenSize} --vocab-size {options.VocabularySize} --sequence-length {options.SequenceLength} --warmup {options.WarmupSteps} --lr {F(options.LearningRate)} --dropout {F(options.Dropout)} --batch {options.BatchSize} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors, HuggingFace BertForMaskedLM names (decoder tied to the word embeddings)",
            },
        };
        BertModelFolder.Save(folder, manifest, result.Config, result.Model, vocabulary);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} ({result.Steps} steps, best held-out top-1 {result.Best.Top1:P2} at step {result.BestStep}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, string.Join(",", HeldOutBooks.Select(b => Path.Combine(books, b))), "dev");
        EvaluateCommand.ScoreAndRecord(folder, Path.Combine(data, "wikitext2/wiki.valid.tokens"), "wikitext2-valid");
    }

    static IEnumerable<int[]> Pack(WordPieceTokenizer tokenizer, IEnumerable<string> paragraphs, int length) =>
        MaskedLmSequences.Pack(paragraphs.Select(p => (IReadOnlyList<int>)tokenizer.Tokenize(p).Select(t => t.Id).ToArray()),
            length, tokenizer.Vocabulary.ClsId, tokenizer.Vocabulary.SepId);

    /// <summary>Masked-token top-1 / top-5 of a masked-LM folder on books (.txt), WikiText (.tokens) or a comma-separated list.</summary>
    public static Dictionary<string, double> Score(string folder, string files)
    {
        var (module, config) = BertCheckpoint.Load(folder);
        using var model = (BertForMaskedLm)module;
        var vocabulary = WordPieceVocabulary.Load(Path.Combine(folder, BertCheckpoint.VocabularyFile));
        var tokenizer = new WordPieceTokenizer(vocabulary);
        var paragraphs = files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(f => f.EndsWith(".tokens", StringComparison.Ordinal) ? WikiTextReader.Paragraphs(f) : BookCorpus.Read(f).Paragraphs);
        var sequences = Pack(tokenizer, paragraphs, config.MaxPositions).ToList();
        var score = MaskedLmEvaluation.Measure(model, sequences, PieceRoles.FromTokens(vocabulary.Tokens, vocabulary.IdOf));
        Console.WriteLine($"{score.Sequences:N0} sequences, {score.Masked:N0} masked pieces (seed-fixed positions)");
        return new Dictionary<string, double> { ["top1"] = score.Top1, ["top5"] = score.Top5 };
    }
}
