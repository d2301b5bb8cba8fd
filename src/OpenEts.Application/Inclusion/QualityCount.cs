namespace OpenEts.Application.Inclusion;

/// <summary>
/// One counter of the partners' quality dashboard (数据质量): how many events a partner's batches received on a Beijing day
/// into a programme ended in <paramref name="Outcome"/> — <see cref="Accepted"/>, or the rule that rejected them
/// (<c>DuplicateEvent</c>, <c>ImpossibleSpeed</c>, <c>TooOld</c>, <c>ActionCap</c>, <c>BadSignature</c>…). Kept as batches
/// are written, in the batch's own transaction: derived data, never a scan of the raw events.
/// </summary>
/// <param name="Partner">The partner's id; <see cref="Direct"/> for actions a citizen or the regulator recorded.</param>
/// <param name="Programme">The programme's code.</param>
/// <param name="Day">The Beijing day the batch was received (not the events' own days).</param>
/// <param name="Outcome"><see cref="Accepted"/> or the rejecting rule.</param>
/// <param name="Events">How many events.</param>
public sealed record QualityCount(long Partner, string Programme, DateOnly Day, string Outcome, long Events)
{
    /// <summary>The outcome of an event that was counted.</summary>
    public const string Accepted = "Counted";

    /// <summary>
    /// The outcome of an event that was counted (coins, public totals) on a day of a period already aggregated, so that it
    /// never reaches PHCER (docs/inclusion.md, "Late events").
    /// </summary>
    public const string AcceptedOutsidePhcer = "CountedInAggregatedPeriod";

    /// <summary>
    /// The outcome of an event that was counted, its reduction in full, while a coin cap of its programme withheld some or all
    /// of its coins: how often the caps bind. An event of an aggregated period counts as <see cref="AcceptedOutsidePhcer"/>.
    /// </summary>
    public const string AcceptedCoinsCut = "CountedCoinsCut";

    /// <summary>The partner of actions not sent by a partner: a citizen's own, the regulator's file (<c>ets inclusion ingest</c>).</summary>
    public const long Direct = 0;

    /// <summary>True when the events were counted.</summary>
    public bool IsAccepted => string.Equals(Outcome, Accepted, StringComparison.Ordinal) || string.Equals(Outcome, AcceptedOutsidePhcer, StringComparison.Ordinal)
        || string.Equals(Outcome, AcceptedCoinsCut, StringComparison.Ordinal);

    /// <summary>
    /// A batch's results tallied by outcome (counted; a duplicate as <c>DuplicateEvent</c>; a refusal by its rule; queued
    /// actions are left to the worker that records them), in a stable order: one counter each.
    /// </summary>
    public static IReadOnlyList<(string Outcome, long Events)> Tally(IEnumerable<ActionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            var outcome = r.Status switch
            {
                ActionStatus.Counted => r.Rule == "InAggregatedPeriod" ? AcceptedOutsidePhcer : r.CoinsCut > 0 ? AcceptedCoinsCut : Accepted,
                ActionStatus.Duplicate => r.Rule ?? "DuplicateEvent",
                ActionStatus.Refused => r.Rule ?? "Refused",
                _ => null,
            };
            if (outcome is not null)
            {
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }
        return [.. counts.Select(kv => (kv.Key, kv.Value))];
    }
}
