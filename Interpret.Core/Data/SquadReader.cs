using System.Text.Json;

namespace Interpret.Core.Data;

/// <summary>Reads the official SQuAD v1.1 JSON format (<c>{"data":[{"title","paragraphs":[{"context","qas":[{"id",
/// "question","answers":[{"text","answer_start"}]}]}]}]}</c>) into articles in file order. Any file in that format
/// works, so held-back splits score without code changes.</summary>
public static class SquadReader
{
    public static IReadOnlyList<SquadArticle> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No SQuAD file at {path}.", path);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path}: expected SQuAD JSON with a top-level \"data\" array.");
        var articles = new List<SquadArticle>();
        foreach (var article in data.EnumerateArray())
        {
            var paragraphs = new List<SquadParagraph>();
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                var context = paragraph.GetProperty("context").GetString()!;
                var questions = paragraph.GetProperty("qas").EnumerateArray().Select(qa => new SquadQuestion(
                    qa.GetProperty("id").GetString()!,
                    qa.GetProperty("question").GetString()!,
                    qa.GetProperty("answers").EnumerateArray()
                        .Select(a => new SquadAnswer(a.GetProperty("text").GetString()!, a.GetProperty("answer_start").GetInt32()))
                        .ToList())).ToList();
                foreach (var q in questions)
                    foreach (var a in q.Answers)
                        if (a.Start < 0 || a.Start + a.Text.Length > context.Length)
                            throw new InvalidDataException($"{path}: question {q.Id}'s answer at {a.Start} lies outside its context.");
                paragraphs.Add(new SquadParagraph(context, questions));
            }
            articles.Add(new SquadArticle(article.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", paragraphs));
        }
        return articles;
    }

    /// <summary>Every question with its paragraph, in file order.</summary>
    public static IEnumerable<(SquadParagraph Paragraph, SquadQuestion Question)> Questions(IEnumerable<SquadArticle> articles) =>
        articles.SelectMany(a => a.Paragraphs).SelectMany(p => p.Questions.Select(q => (p, q)));
}

public sealed record SquadArticle(string Title, IReadOnlyList<SquadParagraph> Paragraphs);

public sealed record SquadParagraph(string Context, IReadOnlyList<SquadQuestion> Questions);

public sealed record SquadQuestion(string Id, string Question, IReadOnlyList<SquadAnswer> Answers);

/// <summary>A reference answer: its text and the character where it starts in the context.</summary>
public sealed record SquadAnswer(string Text, int Start);
