using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Application.Auction;

/// <summary>Where an auction's rules come from: the approved allocation plan of its jurisdiction and year.</summary>
public interface IAuctionRulesSource
{
    /// <summary>The rules for auctions under the plan of <paramref name="jurisdiction"/> and <paramref name="year"/>, or null when there is none.</summary>
    Task<AuctionRules?> RulesAsync(string jurisdiction, int year, CancellationToken ct);

    /// <summary>The jurisdictions plans are of (<c>guangdong</c>), to name a jurisdiction none is of; empty when not known.</summary>
    Task<IReadOnlyList<string>> JurisdictionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}
