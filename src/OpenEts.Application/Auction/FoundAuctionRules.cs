using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Application.Auction;

/// <summary>
/// Guangdong's auction rules as found (<see cref="AuctionRules.Guangdong"/>) for Guangdong (<c>GD</c>) and any year, until
/// an approved plan's <c>auction</c> section supplies them; no rules elsewhere.
/// </summary>
public sealed class FoundAuctionRules : IAuctionRulesSource
{
    /// <inheritdoc/>
    public Task<AuctionRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct) =>
        Task.FromResult(string.Equals(jurisdiction, "GD", StringComparison.OrdinalIgnoreCase) ? AuctionRules.Guangdong : null);
}
