namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Orders records by (category, image) without disturbing their input order inside a group.</summary>
/// <remarks>Two stable counting sorts (least significant key first): O(n + images + categories), no
/// comparisons.</remarks>
internal static class StableGrouping
{
    /// <summary>Returns record positions sorted by (primary, secondary), ties in input order.</summary>
    public static int[] Order(int[] primary, int primaryCount, int[] secondary, int secondaryCount)
    {
        int[] identity = Enumerable.Range(0, primary.Length).ToArray();
        int[] bySecondary = CountingSort(identity, secondary, secondaryCount);
        return CountingSort(bySecondary, primary, primaryCount);
    }

    /// <summary>Returns the starts of each primary key's run in sorted order: primaryCount + 1 offsets.</summary>
    public static int[] RunStarts(int[] primary, int primaryCount)
    {
        var starts = new int[primaryCount + 1];
        foreach (int key in primary)
        {
            starts[key + 1]++;
        }

        for (int k = 0; k < primaryCount; k++)
        {
            starts[k + 1] += starts[k];
        }

        return starts;
    }

    private static int[] CountingSort(int[] positions, int[] keys, int keyCount)
    {
        int[] next = RunStarts(keys, keyCount);
        var sorted = new int[positions.Length];
        foreach (int position in positions)
        {
            sorted[next[keys[position]]++] = position;
        }

        return sorted;
    }
}
