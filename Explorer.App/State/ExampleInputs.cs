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
        // WinoBias-style sentences (the seed's bias demos: which words make "she" link to one occupation or the other),
        // and the opening of a novel from LitBank's test documents' kind of text.
        ["coreference"] =
        [
            Text("The doctor called the nurse because she was late."),
            Text("The nurse called the doctor because he was late."),
            Text("The developer argued with the designer because she did not like the design."),
            Text("Mr. Bennet was among the earliest of those who waited on Mr. Bingley. He had always intended to visit him, though to the last always assuring his wife that he should not go."),
        ],
        // Three questions of the validation articles of SQuAD v1.1 dev (Rhine, Chloroplast), with their paragraphs as given.
        ["reading-comprehension"] =
        [
            Reading("What is necessary for chloroplasts to replicate?",
                "Light has been shown to be a requirement for chloroplast division. Chloroplasts can grow and progress through some of the constriction stages under poor quality green light, but are slow to complete division—they require exposure to bright white light to complete division. Spinach leaves grown under green light have been observed to contain many large dumbbell-shaped chloroplasts. Exposure to white light can stimulate these chloroplasts to divide and reduce the population of dumbbell-shaped chloroplasts."),
            Reading("Besides viniculture, what's a dominant economic sector of the Middle Rhine?",
                "The dominant economic sectors in the Middle Rhine area are viniculture and tourism. The Rhine Gorge between Rüdesheim am Rhein and Koblenz is listed as a UNESCO World Heritage Site. Near Sankt Goarshausen, the Rhine flows around the famous rock Lorelei. With its outstanding architectural monuments, the slopes full of vines, settlements crowded on the narrow river banks and scores of castles lined up along the top of the steep slopes, the Middle Rhine Valley can be considered the epitome of the Rhine romanticism."),
            Reading("What was the accepted length of the Rhine prior to 1932?",
                "Until 1932 the generally accepted length of the Rhine was 1,230 kilometres (764 miles). In 1932 the German encyclopedia Knaurs Lexikon stated the length as 1,320 kilometres (820 miles), presumably a typographical error. After this number was placed into the authoritative Brockhaus Enzyklopädie, it became generally accepted and found its way into numerous textbooks and official publications. The error was discovered in 2010, and the Dutch Rijkswaterstaat confirms the length at 1,232 kilometres (766 miles).[note 1]"),
        ],
    };

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> For(ModelInfo model) =>
        ByTask.TryGetValue(model.Task, out var examples)
            ? examples.Where(e => e.Keys.Order().SequenceEqual(model.InputFields.Order())).ToList()
            : [];

    static Dictionary<string, string> Text(string text) => new() { ["text"] = text };

    static Dictionary<string, string> Reading(string question, string passage) =>
        new() { ["question"] = question, ["passage"] = passage };

    static Dictionary<string, string> Pair(string premise, string hypothesis) =>
        new() { ["premise"] = premise, ["hypothesis"] = hypothesis };
}
