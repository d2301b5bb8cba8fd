using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Deletes raw actions (source, event id, time, quantity) older than the retention window (<see cref="RawActionRetention"/>,
/// 400 days [UNCONFIRMED]) as the consent notice promises. The daily reductions by behaviour and the wallets are kept,
/// so every total and aggregation is unchanged, and the journal (which never held raw actions) keeps its hash chain.
/// A partner resending a purged event is refused as too old (actions older than 30 days are not counted), so nothing
/// counts twice. At most <see cref="BatchSize"/> actions per run, so one run never holds the write lock for long; the
/// regulator (or the daily job) runs it again until nothing is left. Completed with <see cref="PurgedActions"/>.
/// </summary>
public sealed record PurgeRawActions(RawActionRetention Retention) : IInclusionCommand
{
    /// <summary>The most raw actions deleted in one run.</summary>
    public const int BatchSize = 50_000;

    /// <summary>The platform's window.</summary>
    public static PurgeRawActions Default { get; } = new(RawActionRetention.Default);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Regulators;

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var firstKept = Retention.FirstKept(work.Today);
        var (deleted, more) = await work.Session.Inclusion.DeleteEventsBeforeAsync(firstKept, BatchSize).ConfigureAwait(false);
        var purged = new PurgedActions(firstKept, deleted, more);
        if (deleted > 0)
        {
            await work.JournalAsync("actions.purged", "inclusion_events", new
            {
                firstKept,
                retentionDays = Retention.Days,
                deleted,
                more = purged.More,
            }).ConfigureAwait(false);
        }
        return new InclusionCommandOutcome.Completed(purged);
    }
}
