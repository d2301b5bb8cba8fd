using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Application.Auction;

/// <summary>
/// Guangdong's auction rules as found (<see cref="AuctionRules.Guangdong"/>) for <c>guangdong</c> and any year, without
/// a plan: for tests and benches that have no approved plan. The platform uses <see cref="PlanAuctionRules"/>.
/// </summary>
public sealed class FoundAuctionRules : IAuctionRulesSource
{
    /// <inheritdoc/>
    public Task<AuctionRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct) =>
        Task.FromResult(string.Equals(jurisdiction, "guangdong", StringComparison.OrdinalIgnoreCase) ? AuctionRules.Guangdong : null);
}
