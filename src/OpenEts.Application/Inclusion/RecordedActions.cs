using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A batch's results: each action's, and the totals counted.</summary>
public sealed record RecordedActions(IReadOnlyList<ActionResult> Items)
{
    public int Counted => Items.Count(i => i.Status == ActionStatus.Counted);

    /// <summary>Actions taken into a queue or stream, to be recorded by a worker (none when recorded in the request).</summary>
    public int Queued => Items.Count(i => i.Status == ActionStatus.Queued);

    public int Duplicates => Items.Count(i => i.Status == ActionStatus.Duplicate);

    public int Refused => Items.Count(i => i.Status == ActionStatus.Refused);

    public CarbonGrams Reduction => Items.Aggregate(CarbonGrams.Zero, (sum, i) => sum + i.Reduction);

    public long Coins => Items.Sum(i => i.Coins);
}
