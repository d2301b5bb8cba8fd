using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator approves a draft plan version. From then on it is immutable (a change is a new version), and it governs
/// its years: pre-allocation, the true-up, compliance and the auction read it.
/// </summary>
public sealed record ApprovePlan(string PlanId, int Version) : IAllocationCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Plan, int? Version);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ApprovePlan? command, out IReadOnlyList<FieldError> errors)
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
        command = problems.Count == 0 ? new ApprovePlan(form.Plan!.Trim(), form.Version!.Value) : null;
        errors = problems;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Allocation.FindPlanAsync(PlanId, Version).ConfigureAwait(false) is not { } stored)
        {
            return new AllocationDecision.Missing();
        }
        if (stored.Status == PlanStatus.Approved)
        {
            return AllocationDecision.Refuse.Of("PlanApproved", "version",
                $"plan {PlanId} v{Version} is already approved; an approved plan does not change", RefusalKind.Conflict);
        }
        return new AllocationDecision.Write("allocation.plan.approved", AllocationWork.Subject(PlanId, Version), new
        {
            plan = PlanId,
            version = Version,
            jurisdiction = stored.Jurisdiction,
            unconfirmed = stored.Flags.Count,
        })
        {
            Update = stored with { Status = PlanStatus.Approved, ApprovedAt = work.Now, ApprovedBy = work.Actor.UserName, UpdatedAt = work.Now },
        };
    }
}
