using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Application.Auction;

/// <summary>
/// An auction's rules from the approved allocation plan of its jurisdiction and year (the plan's <c>auction</c>
/// section, through <see cref="AllocationQueries.ApprovedPlanAsync"/>); none when no plan is approved, so an auction
/// cannot be announced under rules nobody approved.
/// </summary>
public sealed class PlanAuctionRules(AllocationQueries allocation) : IAuctionRulesSource
{
    /// <inheritdoc/>
    public async Task<AuctionRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct) =>
        (await allocation.ApprovedPlanAsync(jurisdiction, year, ct).ConfigureAwait(false))?.Auction;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> JurisdictionsAsync(CancellationToken ct) =>
        [.. (await allocation.PlansAsync(ct).ConfigureAwait(false)).Select(p => p.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
