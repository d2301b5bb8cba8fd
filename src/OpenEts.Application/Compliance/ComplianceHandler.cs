using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>
/// Runs compliance surrenders: the role, then whether the actor represents the account (before any rule of the year),
/// then the inputs read before anything moves (rules, approved emissions, the actor's entity, unit attributes, project
/// facts), then the rule check and the surrender together in the registry's single writer (which journals the
/// surrender). A refusal names the rule and moves nothing.
/// </summary>
public sealed class ComplianceHandler(
    RegistryService registry, RegistryQueries registryQueries, MrvQueries mrv, OffsetsQueries offsets, OrganisationService organisations,
    ComplianceRulebook rulebook, IStore store, TimeProvider clock)
{
    /// <summary>Surrenders for compliance as <paramref name="actor"/>.</summary>
    public async Task<ComplianceOutcome> HandleAsync(Actor actor, SurrenderForCompliance command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!SurrenderForCompliance.Roles.Contains(actor.Role))
        {
            return new ComplianceOutcome.Forbidden(SurrenderForCompliance.Roles);
        }
        var user = RegistryService.UserOf(actor.UserName);
        // Whose account it is comes before the year's rules: another entity's account is refused as such, whatever the year.
        if (await registry.QueryAsync((l, _) => l.CheckRepresents(user, command.Key, command.From, "from"), ct).ConfigureAwait(false) is { } notTheirs)
        {
            return Refused(notTheirs);
        }
        var inputs = await ComplianceInputsCache.LoadAsync(store, registryQueries, mrv, offsets, organisations, rulebook, command.Jurisdiction, command.ComplianceYear, ct)
            .ConfigureAwait(false);
        if (inputs is null)
        {
            return Refuse(ComplianceRule.NoRules, $"There are no approved compliance rules for {command.Jurisdiction} {command.ComplianceYear}.");
        }
        if (inputs.EntityOfUser(actor.UserName) is not { } entity)
        {
            return Refuse(ComplianceRule.NoApprovedEmissions,
                $"Your organisation has no approved emissions for {command.ComplianceYear}, so nothing can be surrendered for that year yet.");
        }
        // Compared here, outside the registry's writer, with the inputs of the last surrender: when nothing changed the
        // writer finds the very object its kept year was replayed with.
        inputs = ComplianceYearCache.Intern(inputs);
        var request = command.Checked(inputs, entity);
        var now = clock.GetUtcNow();
        RegistryEventFacts? facts = null;
        EntityCompliance? standing = null;
        var outcome = await registry.ExecuteAsync(now, l =>
        {
            var result = request.Execute(l, user, now);
            if (result is RegistryOutcome.Completed c)
            {
                facts = c.Event.Facts(l);
                standing = request.After!.StatusOf(entity, now);
            }
            return result;
        }, ct).ConfigureAwait(false);
        return outcome switch
        {
            RegistryOutcome.Completed c => new ComplianceOutcome.Completed(c.Event, facts!, c.Duplicate, standing!),
            RegistryOutcome.Rejected when request.Refusal is { } refused =>
                new ComplianceOutcome.Refused(ComplianceOutcome.CodeOf(refused.Rule), CheckedSurrender.FieldOf(refused.Rule), refused.Message,
                    RefusalKind.Conflict) { Figures = refused.Figures },
            RegistryOutcome.Rejected r => Refused(r),
            _ => throw new InvalidOperationException("A registry outcome is completed or rejected."),
        };
    }

    private static ComplianceOutcome.Refused Refused(RegistryOutcome.Rejected r) =>
        new(r.Reason.ToString(), FieldOf(r.Field), r.Message, KindOf(r.Reason)) { Figures = r.Figures };

    // The figures (the jurisdiction and year) name in the request's language what the English sentence names.
    private static ComplianceOutcome.Refused Refuse(ComplianceRule rule, FormattableString message) =>
        new(ComplianceOutcome.CodeOf(rule), CheckedSurrender.FieldOf(rule), Domain.Text.Figures.Sentence(message), RefusalKind.Conflict)
        {
            Figures = Domain.Text.Figures.Of(message),
        };

    private static string FieldOf(string ledgerField) => ledgerField switch
    {
        "unitClass" => "class",
        "key" => "idempotencyKey",
        var other => other,
    };

    private static RefusalKind KindOf(RegistryRejection reason) => reason switch
    {
        RegistryRejection.InvalidQuantity or RegistryRejection.InvalidComplianceYear => RefusalKind.Malformed,
        RegistryRejection.NotRepresentative => RefusalKind.Forbidden,
        _ => RefusalKind.Conflict,
    };
}
