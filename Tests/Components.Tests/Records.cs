using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>Hand-built result records (no model): what Core would produce for small inputs.</summary>
internal static class Records
{
    public static Field Field(string name, params string[] words) => new(name, string.Join(' ', words), Tokens(words));

    /// <summary>Tokens of words separated by single spaces, with their character offsets.</summary>
    public static IReadOnlyList<Token> Tokens(params string[] words)
    {
        var tokens = new List<Token>();
        var at = 0;
        foreach (var w in words)
        {
            tokens.Add(new Token(w, at, at + w.Length));
            at += w.Length + 1;
        }
        return tokens;
    }

    /// <summary>An instance with raw scores per field; normalised scores follow the convention: |raw| / Σ|raw|
    /// over all fields.</summary>
    public static InterpretedInstance Instance(string label, params (string Field, string[] Words, double[] Raw)[] fields)
    {
        var total = fields.SelectMany(f => f.Raw).Sum(Math.Abs);
        var scores = fields.Select(f => new FieldScores(f.Field, string.Join(' ', f.Words), Tokens(f.Words), f.Raw,
            f.Raw.Select(r => Math.Abs(r) / total).ToArray())).ToList();
        return new InterpretedInstance(InstanceLabel.Class(label),
            [new LabelProbability(label, 0.9), new LabelProbability("other", 0.1)], scores);
    }

    /// <summary>"the movie was great fun": 'great' strongest, then 'movie' (negative), then 'fun' (negative).</summary>
    public static InterpretedInstance Sentiment() => Instance("positive",
        ("text", ["the", "movie", "was", "great", "fun"], [0.1, -0.5, 0.05, 0.9, -0.3]));

    public static Interpretation Interpretation(string method, params InterpretedInstance[] instances) =>
        new("sentiment-sst2-bilstm", "sha256:abc", method, new MethodOptions { Steps = 10 }, instances,
            GradientPasses: 1, ElapsedMs: 12.5, Complete: true, Progress: new Progress(1, 1));

    public static Prediction Prediction(string label, params (string Label, double P)[] probabilities) =>
        new("sentiment-sst2-bilstm", label, probabilities.Select(p => new LabelProbability(p.Label, p.P)).ToList(),
            [Field("text", "a", "fine", "film")]);

    /// <summary>A HotFlip attack on "the movie was great fun" that has done the given steps so far.</summary>
    public static Attack HotFlip(params (int Position, string After, string NewLabel, double P)[] flips)
    {
        var original = Field("text", "the", "movie", "was", "great", "fun");
        var words = original.Tokens.Select(t => t.Text).ToArray();
        var steps = new List<AttackStep>();
        foreach (var (position, after, newLabel, p) in flips)
        {
            var before = words[position];
            words[position] = after;
            steps.Add(new AttackStep(steps.Count + 1, [new TokenChange("text", position, before, after)],
                TwoLabel(newLabel, p), GradientPasses: steps.Count + 1));
        }
        var final = steps.Count > 0 ? steps[^1].Prediction : TwoLabel("positive", 0.95);
        return new Attack("sentiment-sst2-bilstm", "sha256:abc", "hotflip", new MethodOptions { Field = "text" },
            InstanceLabel.Class("positive"), [original], TwoLabel("positive", 0.95), steps,
            [Field("text", words)], final, Succeeded: final.Label != "positive", GradientPasses: steps.Count,
            ElapsedMs: 30, Complete: true);
    }

    /// <summary>An input reduction of "the movie was great fun" that removed the given positions, one per step,
    /// with the confidence in 'positive' after each.</summary>
    public static Attack Reduction(params (int Position, double Confidence)[] removals)
    {
        var original = Field("text", "the", "movie", "was", "great", "fun");
        var steps = removals.Select((r, i) => new AttackStep(i + 1,
            [new TokenChange("text", r.Position, original.Tokens[r.Position].Text, null)],
            TwoLabel("positive", r.Confidence), GradientPasses: i + 1)).ToList();
        var removed = removals.Select(r => r.Position).ToHashSet();
        var kept = original.Tokens.Where((_, i) => !removed.Contains(i)).Select(t => t.Text).ToArray();
        var final = steps.Count > 0 ? steps[^1].Prediction : TwoLabel("positive", 0.95);
        return new Attack("sentiment-sst2-bilstm", "sha256:abc", "input-reduction", new MethodOptions { BeamSize = 3 },
            InstanceLabel.Class("positive"), [original], TwoLabel("positive", 0.95), steps,
            [Field("text", kept)], final, Succeeded: false, GradientPasses: steps.Count, ElapsedMs: 20, Complete: true);
    }

    /// <summary>A two-label prediction whose top label has probability p.</summary>
    public static Prediction TwoLabel(string label, double p)
    {
        return new Prediction("sentiment-sst2-bilstm", label,
            [new LabelProbability("positive", label == "positive" ? p : 1 - p), new LabelProbability("negative", label == "negative" ? p : 1 - p)],
            [Field("text", "the", "movie", "was", "great", "fun")]);
    }

    /// <summary>The seed's Figure-1 kind of sentence as the NER tagger predicts it: PER John Smith, ORG Microsoft,
    /// LOC Seattle, with per-entity probabilities in the entities' order and "Seattle." typed without a space.</summary>
    public static Prediction Ner()
    {
        const string text = "A man named John Smith works at Microsoft in downtown Seattle.";
        string[] words = ["A", "man", "named", "John", "Smith", "works", "at", "Microsoft", "in", "downtown", "Seattle", "."];
        var tokens = new List<Token>();
        var at = 0;
        foreach (var w in words)
        {
            at = text.IndexOf(w, at, StringComparison.Ordinal);
            tokens.Add(new Token(w, at, at + w.Length));
            at += w.Length;
        }
        string[] tags = ["O", "O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "B-LOC", "O"];
        InstanceLabel[] entities = [new("tag", "PER", "text", 3, 5), new("tag", "ORG", "text", 7, 8), new("tag", "LOC", "text", 10, 11)];
        return new Prediction("ner-conll2003-bilstm-crf", "PER: John Smith · ORG: Microsoft · LOC: Seattle",
            [new LabelProbability("PER: John Smith", 0.98), new LabelProbability("ORG: Microsoft", 0.91), new LabelProbability("LOC: Seattle", 0.87)],
            [new Field("text", text, tokens)], tags, entities);
    }

    /// <summary>A sentence the tagger finds no entity in.</summary>
    public static Prediction NerWithoutEntities() =>
        new("ner-conll2003-bilstm-crf", "no entities", [], [Field("text", "it", "rained", "all", "day")],
            ["O", "O", "O", "O"], []);
}
