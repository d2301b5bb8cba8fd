using OpenEts.Domain.Identity;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// With an event log (<see cref="IInclusionEventLog"/>), the actions a partner's batch loses before the log — malformed,
/// outside its key's scope, badly signed, or repeats inside the log's duplicate window — never reach a worker's
/// <see cref="RecordActions"/>, which counts the rest: this adds them to the quality dashboard's counters, journalled
/// (<c>inclusion.actions.refused</c>) with the same counts, in a transaction of their own. Internal: only
/// <see cref="PartnerActionsHandler"/> runs it, as the partner.
/// </summary>
internal sealed record CountRefusals(string Programme, IReadOnlyList<(string Outcome, long Events)> Outcomes) : IInclusionCommand
{
    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles { get; } = [Role.DataPartner];

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Actor.Partner is not var (partnerId, _))
        {
            return new InclusionCommandOutcome.Forbidden(Roles);
        }
        await work.Session.Inclusion.AddQualityAsync(partnerId, Programme, work.Today, Outcomes).ConfigureAwait(false);
        await work.JournalAsync("actions.refused", $"partner-{partnerId}", new
        {
            programme = Programme,
            outcomes = Outcomes.ToDictionary(o => o.Outcome, o => o.Events, StringComparer.Ordinal),
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(Outcomes);
    }
}
