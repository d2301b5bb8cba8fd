using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Allocation;

/// <summary>
/// Runs plan commands (import, edit, approve) for a signed-in actor: checks the role, lets the command decide in one
/// write transaction, and writes the plan version with its journal entry — all of it or nothing.
/// </summary>
public sealed class AllocationCommandHandler(IStore store, TimeProvider clock)
{
    /// <summary>Runs one command.</summary>
    public async Task<AllocationCommandOutcome> HandleAsync(Actor actor, IAllocationCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new AllocationCommandOutcome.Forbidden(command.Roles);
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(async s =>
        {
            var decision = await command.DecideAsync(new AllocationWork(s, actor, now)).ConfigureAwait(false);
            switch (decision)
            {
                case AllocationDecision.Write write:
                    if (write.Insert is { } insert)
                    {
                        await s.Allocation.InsertPlanAsync(insert).ConfigureAwait(false);
                    }
                    if (write.Update is { } update)
                    {
                        await s.Allocation.UpdateDraftAsync(update).ConfigureAwait(false);
                    }
                    if (write.Circumstance is { } circumstance)
                    {
                        await s.Allocation.SaveCircumstanceAsync(circumstance).ConfigureAwait(false);
                    }
                    await s.Journal.AppendAsync(now, actor.UserName, write.Event, write.Subject, Json.Serialize(write.Payload)).ConfigureAwait(false);
                    return new AllocationCommandOutcome.Completed(write.Event, write.Insert ?? write.Update, null);
                case AllocationDecision.Refuse r:
                    return new AllocationCommandOutcome.Refused(r.Rule, r.Field, r.Message, r.Kind) { Figures = r.Figures };
                case AllocationDecision.Fail f:
                    return new AllocationCommandOutcome.Invalid(f.Errors);
                case AllocationDecision.Missing:
                    return (AllocationCommandOutcome)new AllocationCommandOutcome.NotFound();
                default:
                    throw new InvalidOperationException($"unknown allocation decision {decision.GetType().Name}");
            }
        }, ct).ConfigureAwait(false);
    }
}
