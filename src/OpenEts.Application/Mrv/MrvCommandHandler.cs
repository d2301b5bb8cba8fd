using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Runs MRV commands for a signed-in actor: checks the role, lets the command decide on the current state in one write
/// transaction, and writes what it decided together with its journal entry (the audit log) — all of it or, on a refusal
/// or an error, nothing. The API, the pages and the demo seeding all come through here.
/// </summary>
public sealed class MrvCommandHandler(IStore store, TimeProvider clock)
{
    /// <summary>
    /// Runs a command read from a form (<paramref name="parsed"/>, or the form's <paramref name="errors"/>), checking
    /// <paramref name="allowed"/> first: someone whose role may not do this is told so, not what is wrong with the form.
    /// </summary>
    public Task<MrvCommandOutcome> HandleAsync(Actor actor, IReadOnlyList<Role> allowed, bool parsed, IMrvCommand? command,
        IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(allowed);
        if (!allowed.Contains(actor.Role))
        {
            return Task.FromResult<MrvCommandOutcome>(new MrvCommandOutcome.Forbidden(allowed));
        }
        return parsed && command is not null
            ? HandleAsync(actor, command, ct)
            : Task.FromResult<MrvCommandOutcome>(new MrvCommandOutcome.Invalid(errors));
    }

    /// <summary>Runs one command.</summary>
    public async Task<MrvCommandOutcome> HandleAsync(Actor actor, IMrvCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new MrvCommandOutcome.Forbidden(command.Roles);
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(async s =>
        {
            var decision = await command.DecideAsync(new MrvWork(s, actor, now)).ConfigureAwait(false);
            switch (decision)
            {
                case MrvDecision.Write write:
                    var saved = write.Report switch
                    {
                        null => null,
                        { Id: 0 } r => await s.Mrv.InsertReportAsync(r with { UpdatedAt = now }).ConfigureAwait(false),
                        var r => await s.Mrv.UpdateReportAsync(r with { UpdatedAt = now }).ConfigureAwait(false),
                    };
                    if (write.Plan is { } plan)
                    {
                        await s.Mrv.SavePlanAsync(plan with { UpdatedAt = now }).ConfigureAwait(false);
                    }
                    if (write.Deadline is { } deadline)
                    {
                        await s.Mrv.SaveDeadlineAsync(deadline).ConfigureAwait(false);
                    }
                    if (write.Factors is { } factors)
                    {
                        await s.Mrv.InsertFactorVersionAsync(factors).ConfigureAwait(false);
                    }
                    await s.Journal.AppendAsync(now, actor.UserName, write.Event, write.Subject, MrvJson.Serialize(write.Payload))
                        .ConfigureAwait(false);
                    return new MrvCommandOutcome.Completed(write.Event, saved);
                case MrvDecision.Refuse r:
                    return new MrvCommandOutcome.Refused(r.Rule, r.Field, r.Message, r.Kind);
                case MrvDecision.Fail f:
                    return new MrvCommandOutcome.Invalid(f.Errors);
                case MrvDecision.Missing:
                    return (MrvCommandOutcome)new MrvCommandOutcome.NotFound();
                default:
                    throw new InvalidOperationException($"unknown MRV decision {decision.GetType().Name}");
            }
        }, ct).ConfigureAwait(false);
    }
}
