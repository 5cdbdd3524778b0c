using Interpret.Results;

namespace Explorer.App.State;

/// <summary>One-click example inputs, by task. A model gets the examples whose fields are exactly its input fields.</summary>
public static class ExampleInputs
{
    static readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> ByTask = new()
    {
        ["sentiment"] =
        [
            Text("a gorgeous, witty and deeply moving film."),
            Text("the plot is thin, the jokes fall flat and the ending drags on forever."),
            Text("it is not a great movie, but the performances are never less than compelling."),
            Text("an unflinching, beautifully acted portrait of a family coming apart."),
            Text("too long, too loud and far too pleased with itself."),
            Text("i wanted to like it more than i did."),
        ],
        ["ner"] =
        [
            Text("A man named John Smith works at Microsoft in downtown Seattle."), // the seed's Figure 1 kind of sentence
            Text("Angela Merkel met Emmanuel Macron in Paris on Tuesday."),
            Text("Apple opened a new office in Berlin, Reuters reported."),
            Text("The United Nations sent observers to Kenya and Uganda."),
        ],
        ["nli"] =
        [
            Pair("A man is playing a guitar on a crowded stage.", "A person is performing music."),
            Pair("Two children are sleeping in a tent.", "The kids are running on the beach."),
            Pair("A woman in a red coat is waiting for a bus.", "The woman is going to work."),
        ],
        // The seed's masked-LM demos: which words make the model pick "she" or "he", a fact, and two masks at once.
        ["masked-lm"] =
        [
            Text("the nurse said that [MASK] was tired ."),
            Text("the doctor said that [MASK] was late ."),
            Text("paris is the [MASK] of france ."),
            Text("the [MASK] opened the door and [MASK] walked in ."),
        ],
    };

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> For(ModelInfo model) =>
        ByTask.TryGetValue(model.Task, out var examples)
            ? examples.Where(e => e.Keys.Order().SequenceEqual(model.InputFields.Order())).ToList()
            : [];

    static Dictionary<string, string> Text(string text) => new() { ["text"] = text };

    static Dictionary<string, string> Pair(string premise, string hypothesis) =>
        new() { ["premise"] = premise, ["hypothesis"] = hypothesis };
}
