using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator confirms a what-if: the figures it changed become a new draft version of the plan (a revision of the
/// version the what-if ran on, which must be the newest), each with the source the regulator gives. It goes through the
/// plan's change control: journalled as <c>allocation.plan.revised</c>, the version it revises stays as it was (an
/// approved one never changes), and the new version governs nothing until it is approved. Nothing in the registry moves.
/// </summary>
/// <param name="PlanId">The plan, e.g. <c>guangdong-2017</c>.</param>
/// <param name="Version">The stored version the what-if ran on; null for the newest.</param>
/// <param name="Year">The year the what-if was run for (one of the plan's years), recorded with the revision.</param>
/// <param name="Edits">The what-if's changed figures (short names or JSON paths), each with <paramref name="Source"/>.</param>
/// <param name="Source">Where the new values come from (a decision, a notice): required, as in the plan editor.</param>
public sealed record ConfirmWhatIf(string PlanId, int? Version, int Year, IReadOnlyList<PlanEdit> Edits, string Source) : IAllocationCommand
{
    /// <summary>The request as typed: the what-if's plan, version, year and <c>NAME=VALUE</c> lines, and the source.</summary>
    public sealed record Form(string? Plan, int? Version, int? Year, IReadOnlyList<string>? Set, string? Source);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out ConfirmWhatIf? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Plan))
        {
            problems.Add(new FieldError("plan", "Required", "plan: name the plan"));
        }
        if (form.Version is <= 0)
        {
            problems.Add(new FieldError("version", "Version", "version: a version is 1 or more"));
        }
        if (form.Year is not > 0)
        {
            problems.Add(new FieldError("year", "Required", "year: name the year the what-if was run for"));
        }
        var source = form.Source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            problems.Add(new FieldError("source", "SourceRequired", "source: say where the new values come from (a decision, a notice)"));
        }
        PlanEdit.TryParseLines(form.Set, source ?? "", out var edits, out var lineErrors);
        problems.AddRange(lineErrors);
        if (edits.Count == 0 && lineErrors.Count == 0)
        {
            problems.Add(new FieldError("set", "Required", "set: a what-if to confirm changes at least one figure"));
        }
        command = problems.Count == 0 ? new ConfirmWhatIf(form.Plan!.Trim(), form.Version, form.Year!.Value, edits, source!) : null;
        errors = problems;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var versions = await work.VersionsAsync(PlanId).ConfigureAwait(false);
        if (versions.Count == 0 || (Version is { } asked && versions.All(v => v.Version != asked)))
        {
            return new AllocationDecision.Missing();
        }
        var newest = versions[^1];
        if (Version is { } ran && ran != newest.Version)
        {
            return AllocationDecision.Refuse.Of("NotNewest", "version",
                $"plan {PlanId} v{ran} is not the newest version (v{newest.Version} is): run the what-if on v{newest.Version} and confirm that",
                RefusalKind.Conflict);
        }
        if (!newest.Plan.Years.Contains(Year))
        {
            return new AllocationDecision.Fail([FieldError.Of("year", "PlanYear",
                $"year: plan '{PlanId}' governs {string.Join(", ", newest.Plan.Years)}, not {Year}")]);
        }
        if (!PlanEdit.TryApplyAndRead(newest.Document, Edits, out var edited, out var errors))
        {
            return new AllocationDecision.Fail(errors);
        }
        var next = newest.Version + 1;
        return PlanRevision.Write(work, newest, next, edited,
            new { plan = PlanId, version = next, revises = newest.Version, whatIf = new { year = Year }, changes = PlanRevision.Changes(Edits) });
    }
}
