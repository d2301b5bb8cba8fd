using OpenEts.Application.Allocation;
using OpenEts.Domain.Compliance;

namespace OpenEts.Application.Compliance;

/// <summary>
/// Where compliance reads a jurisdiction's rules for a year: the <c>compliance</c> section of the approved allocation
/// plan that governs it (<see cref="AllocationQueries.ApprovedPlanAsync"/>, with that year's deadline). A jurisdiction is
/// named by its registry code (<c>GD</c>, <c>CN</c>: the plan's <c>registryCode</c>), as allowances are. No approved plan,
/// no rules: nothing can be surrendered for compliance and the lists say so.
/// </summary>
public sealed class ComplianceRulebook
{
    /// <summary>The jurisdiction pages and the CLI use when none is named: the demo's (Guangdong).</summary>
    public const string DefaultJurisdiction = "GD";

    private readonly AllocationQueries? _plans;
    private readonly IReadOnlyList<(string Jurisdiction, int Year, ComplianceRules Rules)> _fixed = [];

    /// <summary>The rules of the approved plans.</summary>
    public ComplianceRulebook(AllocationQueries plans) => _plans = plans;

    /// <summary>Fixed rules by jurisdiction and year instead of the plans' (tests and benchmarks).</summary>
    public ComplianceRulebook(IEnumerable<(string Jurisdiction, int Year, ComplianceRules Rules)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _fixed = [.. rules];
    }

    /// <summary>The rules in force for <paramref name="jurisdiction"/> (<c>GD</c>, <c>CN</c>) and <paramref name="year"/>, or null when none.</summary>
    public async Task<ComplianceRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct)
    {
        if (_plans is null)
        {
            return _fixed.FirstOrDefault(r => r.Jurisdiction == jurisdiction && r.Year == year).Rules;
        }
        foreach (var plan in await ApprovedAsync(ct).ConfigureAwait(false))
        {
            if (plan.RegistryCode == jurisdiction && plan.Years.Contains(year))
            {
                return (await _plans.ApprovedPlanAsync(plan.Jurisdiction, year, ct).ConfigureAwait(false))?.Compliance;
            }
        }
        return null;
    }

    /// <summary>The jurisdictions and years that have rules, newest first.</summary>
    public async Task<IReadOnlyList<(string Jurisdiction, int Year)>> YearsAsync(CancellationToken ct)
    {
        IEnumerable<(string Jurisdiction, int Year)> years = _plans is null
            ? _fixed.Select(r => (r.Jurisdiction, r.Year))
            : (await ApprovedAsync(ct).ConfigureAwait(false)).Where(p => p.Compliance is not null)
                .SelectMany(p => p.Years.Select(y => (p.RegistryCode, y)));
        return [.. years.Distinct().OrderByDescending(y => y.Year).ThenBy(y => y.Jurisdiction, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<Domain.Allocation.AllocationPlan>> ApprovedAsync(CancellationToken ct) =>
        [.. (await _plans!.PlansAsync(ct).ConfigureAwait(false)).Where(p => p.Status == PlanStatus.Approved).Select(p => p.Plan)];
}
