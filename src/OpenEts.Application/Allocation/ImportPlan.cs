using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator imports a plan document (JSON, checked against the schema): it becomes the plan's next version, as a
/// draft. Importing the same document as the newest version again changes nothing.
/// </summary>
public sealed record ImportPlan(string Document) : IAllocationCommand
{
    /// <summary>The request as sent: the document's text.</summary>
    public sealed record Form(string? Document);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <summary>Checks the document (schema and plan rules); errors name the JSON path and rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ImportPlan? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        command = PlanJson.TryRead(form.Document, out _, out errors) ? new ImportPlan(form.Document!) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!PlanJson.TryRead(Document, out var plan, out var errors))
        {
            return new AllocationDecision.Fail(errors);
        }
        var versions = await work.VersionsAsync(plan.Id).ConfigureAwait(false);
        var newest = versions.Count > 0 ? versions[^1] : null;
        if (newest is not null && Normalised(newest.Document, newest.Version) == Normalised(Document, newest.Version))
        {
            return AllocationDecision.Refuse.Of("SameDocument", "document",
                $"plan {plan.Id} v{newest.Version} already has this document", RefusalKind.Conflict);
        }
        var version = (newest?.Version ?? 0) + 1;
        var document = Normalised(Document, version);
        return new AllocationDecision.Write("allocation.plan.imported", AllocationWork.Subject(plan.Id, version), new
        {
            plan = plan.Id,
            version,
            jurisdiction = plan.Jurisdiction,
            years = plan.Years,
            unconfirmed = PlanFlag.Of(document).Count,
        })
        {
            Insert = new StoredPlan(plan.Id, version, plan.Jurisdiction, PlanStatus.Draft, document, work.Now, work.Actor.UserName)
            {
                UpdatedAt = work.Now,
            },
        };
    }

    /// <summary>The document as stored: its <c>version</c> set to <paramref name="version"/>, indented as plans are written.</summary>
    internal static string Normalised(string document, int version)
    {
        var node = JsonNode.Parse(document)!.AsObject();
        node["version"] = version;
        return node.ToJsonString(PlanJson.Options);
    }
}
