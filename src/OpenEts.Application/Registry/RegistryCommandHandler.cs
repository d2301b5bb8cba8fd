using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Runs registry commands for a signed-in actor: checks the actor's role and the platform users the command names, asks
/// the ledger at the clock's now (in the registry's write transaction, which journals the event), and states the result
/// as a <see cref="RegistryCommandOutcome"/>. The API, the pages and the CLI all come through here.
/// </summary>
public sealed class RegistryCommandHandler(RegistryService registry, IStore store, TimeProvider clock)
{
    /// <summary>Runs one command.</summary>
    public async Task<RegistryCommandOutcome> HandleAsync(Actor actor, IRegistryCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (await PreconditionsAsync(actor, [command], ct).ConfigureAwait(false) is { } early)
        {
            return early;
        }
        var user = RegistryService.UserOf(actor.UserName);
        var now = clock.GetUtcNow();
        RegistryEventFacts? facts = null;
        var outcome = await registry.ExecuteAsync(now, l =>
        {
            var result = command.Execute(l, user, now);
            facts = result is RegistryOutcome.Completed c ? c.Event.Facts(l) : null;
            return result;
        }, ct).ConfigureAwait(false);
        return Outcome(command, outcome, facts);
    }

    /// <summary>
    /// Runs <paramref name="commands"/> in order in one transaction, all or nothing: at the first refusal nothing of the
    /// batch is stored and <see cref="RegistryBatchOutcome.Refused"/> names it. <paramref name="progress"/> is told how
    /// many have run so far. Repeats of earlier requests (same key) count as done.
    /// </summary>
    public async Task<RegistryBatchOutcome> HandleAllOrNothingAsync(
        Actor actor, IReadOnlyList<IRegistryCommand> commands, Action<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(commands);
        if (await PreconditionsAsync(actor, commands, ct).ConfigureAwait(false) is { } early)
        {
            return new RegistryBatchOutcome([early], 0);
        }
        var user = RegistryService.UserOf(actor.UserName);
        var now = clock.GetUtcNow();
        var facts = new RegistryEventFacts?[commands.Count];
        var requests = new Func<RegistryLedger, RegistryOutcome>[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            var index = i;
            requests[i] = l =>
            {
                var result = commands[index].Execute(l, user, now);
                facts[index] = result is RegistryOutcome.Completed c ? c.Event.Facts(l) : null;
                return result;
            };
        }
        var result = await registry.ExecuteAllOrNothingAsync(now, requests, progress, ct).ConfigureAwait(false);
        var outcomes = new List<RegistryCommandOutcome>(result.Outcomes.Count);
        for (var i = 0; i < result.Outcomes.Count; i++)
        {
            outcomes.Add(Outcome(commands[i], result.Outcomes[i], facts[i]));
        }
        return new RegistryBatchOutcome(outcomes, result.RefusedAt);
    }

    // The role first (a wrong role learns nothing about accounts), then the named users: one error per unknown name.
    private async Task<RegistryCommandOutcome?> PreconditionsAsync(
        Actor actor, IReadOnlyList<IRegistryCommand> commands, CancellationToken ct)
    {
        foreach (var command in commands)
        {
            if (!command.Roles.Contains(actor.Role))
            {
                return new RegistryCommandOutcome.Forbidden(command.Roles);
            }
        }
        var named = commands.SelectMany(c => c.NamedUsers).ToList();
        if (named.Count == 0)
        {
            return null;
        }
        var (unknown, independent) = await store.ReadAsync(async s =>
        {
            var missing = new List<(string Field, UserId User)>();
            var cannot = new List<(string Field, UserId User)>();
            foreach (var (field, user) in named.Distinct())
            {
                if (await s.Users.FindByNameAsync(user.Value).ConfigureAwait(false) is not { } found)
                {
                    missing.Add((field, user));
                }
                else if (!RegistryRoles.MayRepresent(found.Role))
                {
                    cannot.Add((field, user));
                }
            }
            return (missing, cannot);
        }, ct).ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            return new RegistryCommandOutcome.Invalid([.. unknown.GroupBy(u => u.Field).Select(g => new FieldError(g.Key, "UnknownUser",
                $"{g.Key}: no platform user named {string.Join(", ", g.Select(u => $"'{u.User}'"))}"))]);
        }
        // An auditor, a verifier, a citizen or a data partner never acts for an account's holder: an auditor named as a
        // representative could never approve a transfer, and a verifier holding units it verifies would be conflicted.
        return independent.Count == 0
            ? null
            : new RegistryCommandOutcome.Invalid([.. independent.GroupBy(u => u.Field).Select(g => FieldError.Of(g.Key, "NotARepresentativeRole",
                $"{g.Key}: {string.Join(", ", g.Select(u => $"'{u.User}'"))} may not represent an account: auditors, verifiers, citizens and data partners never do (company representatives, exchange members and the regulator's officers may)"))]);
    }

    private static RegistryCommandOutcome Outcome(IRegistryCommand command, RegistryOutcome outcome, RegistryEventFacts? facts) =>
        outcome switch
        {
            RegistryOutcome.Completed c => new RegistryCommandOutcome.Completed(c.Event, facts ?? throw new InvalidOperationException(
                "A completed request has its facts."), c.Duplicate),
            RegistryOutcome.Rejected r => new RegistryCommandOutcome.Refused(r.Reason, FieldOf(command, r.Field), r.Message, KindOf(r))
            {
                Figures = r.Figures,
            },
            _ => throw new InvalidOperationException("A registry outcome is completed or rejected."),
        };

    // The ledger's names for the fields every request shares, then the command's own renames.
    private static string FieldOf(IRegistryCommand command, string ledgerField) => command.FieldOf(ledgerField switch
    {
        "unitClass" => "class",
        "key" => "idempotencyKey",
        var other => other,
    });

    private static RefusalKind KindOf(RegistryOutcome.Rejected r) => r.Reason switch
    {
        RegistryRejection.InvalidQuantity or RegistryRejection.InvalidText or RegistryRejection.InvalidComplianceYear
            or RegistryRejection.InvalidExpiry or RegistryRejection.ReasonRequired or RegistryRejection.NotAnOffsetClass
            or RegistryRejection.InvalidBuffer => RefusalKind.Malformed,
        // A named user who is not (or already is) a representative is about the account's state, not the actor's rights.
        RegistryRejection.NotRepresentative when r.Field == "representative" => RefusalKind.Conflict,
        RegistryRejection.NotRepresentative or RegistryRejection.NotRegulator => RefusalKind.Forbidden,
        _ => RefusalKind.Conflict,
    };
}
