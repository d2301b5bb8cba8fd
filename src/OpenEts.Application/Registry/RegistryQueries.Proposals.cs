using OpenEts.Application.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

// What waits on an account's representatives: transfers proposed out of their accounts (四眼原则: a second representative decides).
public sealed partial class RegistryQueries
{
    /// <summary>
    /// The pending transfer proposals out of the accounts <paramref name="actor"/> represents, oldest first:
    /// <see cref="ProposalsWaiting.ToDecide"/> those another representative proposed (the actor may approve or reject them),
    /// <see cref="ProposalsWaiting.Proposed"/> the actor's own, waiting for a second representative.
    /// </summary>
    public Task<ProposalsWaiting> ProposalsWaitingAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = RegistryService.UserOf(actor.UserName);
        return registry.QueryAsync((l, _) =>
        {
            var pending = l.Proposals
                .Where(p => p.State == ProposalState.Pending && l.FindAccount(p.From)?.IsRepresentative(user) == true)
                .OrderBy(p => p.ProposedAt).ToList();
            return new ProposalsWaiting([.. pending.Where(p => p.ProposedBy != user)], [.. pending.Where(p => p.ProposedBy == user)]);
        }, ct);
    }
}

/// <summary>The pending transfers out of an actor's accounts (<see cref="RegistryQueries.ProposalsWaitingAsync"/>).</summary>
/// <param name="ToDecide">Proposed by another representative: the actor may approve or reject them.</param>
/// <param name="Proposed">Proposed by the actor: a second representative must decide.</param>
public sealed record ProposalsWaiting(IReadOnlyList<TransferProposal> ToDecide, IReadOnlyList<TransferProposal> Proposed);
