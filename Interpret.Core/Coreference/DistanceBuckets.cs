namespace Interpret.Core.Coreference;

/// <summary>Lee et al. (2017)'s distance buckets: 0, 1, 2, 3, 4, 5–7, 8–15, 16–31, 32–63, 64+ (tokens between the
/// two spans' starts), so near distances are told apart and far ones share a feature.</summary>
public static class DistanceBuckets
{
    public const int Count = 10;

    public static int Of(int distance)
    {
        if (distance <= 4) return Math.Max(0, distance);
        int bucket = (int)Math.Floor(Math.Log2(distance)) + 3; // 5–7 → 5, 8–15 → 6, …
        return Math.Min(bucket, Count - 1);
    }
}
