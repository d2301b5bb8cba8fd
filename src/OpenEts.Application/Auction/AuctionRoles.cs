using OpenEts.Domain.Identity;

namespace OpenEts.Application.Auction;

/// <summary>Who may do what in an allowance auction.</summary>
public static class AuctionRoles
{
    /// <summary>Announce and close auctions: the regulator.</summary>
    public static IReadOnlyList<Role> Regulator { get; } = [Role.Regulator];

    /// <summary>
    /// Bid: covered and new-project companies (their representatives) and the exchange's member institutions, the
    /// eligible bidders of guangdong.md §1.6 (2016 year's third auction) [confirmed for that auction].
    /// </summary>
    public static IReadOnlyList<Role> Bidders { get; } = [Role.CompanyRepresentative, Role.ExchangeMember];
}
