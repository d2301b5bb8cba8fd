using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// Plan documents read once: each document's plan (after the schema check and <see cref="PlanRules"/>) and its flags,
/// and the allocations of the last plans a what-if ran as they are (<see cref="BaselineAllocations"/>). A document is
/// immutable text, so a cached reading never goes stale; the caches are bounded and simply cleared when full.
/// </summary>
internal static class PlanCache
{
    private const int MaxDocuments = 256;
    private const int MaxBaselines = 4;

    private static readonly ConcurrentDictionary<string, (AllocationPlan? Plan, IReadOnlyList<FieldError> Problems)> Plans = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<PlanFlag>> Flags = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Document, int Year), BaselineAllocations> Baselines = new();

    /// <summary>As <see cref="PlanJson.TryRead"/>, once per document.</summary>
    public static bool TryRead(string? document, [NotNullWhen(true)] out AllocationPlan? plan, out IReadOnlyList<FieldError> problems)
    {
        if (document is null)
        {
            return PlanJson.TryRead(document, out plan, out problems);
        }
        if (!Plans.TryGetValue(document, out var read))
        {
            read = PlanJson.TryRead(document, out var parsed, out var found) ? (parsed, []) : (null, found);
            Bound(Plans, MaxDocuments);
            Plans[document] = read;
        }
        (plan, problems) = read;
        return plan is not null;
    }

    /// <summary><see cref="PlanFlag.Of"/> of a document, once per document.</summary>
    public static IReadOnlyList<PlanFlag> FlagsOf(string document)
    {
        if (!Flags.TryGetValue(document, out var flags))
        {
            flags = PlanFlag.Of(document);
            Bound(Flags, MaxDocuments);
            Flags[document] = flags;
        }
        return flags;
    }

    /// <summary>The kept allocations of <paramref name="plan"/> (read from <paramref name="document"/>) in <paramref name="year"/>.</summary>
    public static BaselineAllocations Baseline(string document, AllocationPlan plan, int year)
    {
        if (!Baselines.TryGetValue((document, year), out var kept))
        {
            kept = new BaselineAllocations(plan, year);
            Bound(Baselines, MaxBaselines);
            Baselines[(document, year)] = kept;
        }
        return kept;
    }

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, int max) where TKey : notnull
    {
        if (cache.Count >= max)
        {
            cache.Clear();
        }
    }
}
