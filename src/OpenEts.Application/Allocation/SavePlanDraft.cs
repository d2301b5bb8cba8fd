using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator changes figures of a plan version in the plan editor (typically replacing placeholders with official
/// values, each with its source). A draft is changed in place; an approved version is immutable, so the change becomes
/// a new draft version (a revision) and the approved one stays as it was.
/// </summary>
public sealed record SavePlanDraft(string PlanId, int Version, IReadOnlyList<PlanEdit> Edits) : IAllocationCommand
{
    /// <summary>The request as typed: the plan and version, and per figure its path, new value and source.</summary>
    public sealed record Form(string? Plan, int? Version, IReadOnlyList<EditForm>? Edits);

    /// <summary>One figure's change as typed.</summary>
    public sealed record EditForm(string? Path, decimal? Value, string? Source);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out SavePlanDraft? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Plan))
        {
            problems.Add(new FieldError("plan", "Required", "plan: name the plan"));
        }
        if (form.Version is not > 0)
        {
            problems.Add(new FieldError("version", "Required", "version: name the version (1 or more)"));
        }
        var edits = new List<PlanEdit>();
        var given = form.Edits ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var e = given[i];
            if (string.IsNullOrWhiteSpace(e.Path) || e.Value is null)
            {
                problems.Add(new FieldError($"edits[{i}].value", "Required", $"edits[{i}]: give the figure's path and its new value"));
            }
            else if (string.IsNullOrWhiteSpace(e.Source))
            {
                problems.Add(new FieldError($"edits[{i}].source", "SourceRequired", $"edits[{i}]: {e.Path}: a new value needs its source"));
            }
            else
            {
                edits.Add(new PlanEdit(e.Path.Trim(), e.Value.Value, e.Source.Trim()) { Field = $"edits[{i}].value", TargetField = $"edits[{i}].path" });
            }
        }
        if (given.Count == 0)
        {
            problems.Add(new FieldError("edits", "Required", "edits: change at least one figure"));
        }
        command = problems.Count == 0 ? new SavePlanDraft(form.Plan!.Trim(), form.Version!.Value, edits) : null;
        errors = problems;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var versions = await work.VersionsAsync(PlanId).ConfigureAwait(false);
        if (versions.FirstOrDefault(v => v.Version == Version) is not { } stored)
        {
            return new AllocationDecision.Missing();
        }
        var newest = versions[^1];
        if (stored.Status == PlanStatus.Approved && newest.Version != Version)
        {
            return AllocationDecision.Refuse.Of("NotNewest", "version",
                $"plan {PlanId} v{Version} is approved and v{newest.Version} is newer: revise v{newest.Version}", RefusalKind.Conflict);
        }
        if (!PlanEdit.TryApplyAndRead(stored.Document, Edits, out var edited, out var errors))
        {
            return new AllocationDecision.Fail(errors);
        }
        var changes = PlanRevision.Changes(Edits);
        if (stored.Status == PlanStatus.Draft)
        {
            return new AllocationDecision.Write("allocation.plan.saved", AllocationWork.Subject(PlanId, Version), new { plan = PlanId, version = Version, changes })
            {
                Update = stored with { Document = edited, UpdatedAt = work.Now },
            };
        }
        var next = Version + 1;
        return PlanRevision.Write(work, stored, next, edited, new { plan = PlanId, version = next, revises = Version, changes });
    }
}
