using System.Globalization;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>Where the allowances an auction offers come from.</summary>
/// <param name="Kind">
/// <see cref="PaidShare"/>: the plan's paid share (1 − the free share of each sector, in the plan's sector rules) of
/// the year's allocation, offered over one or more auctions whose volumes the regulator announces.
/// <see cref="Announced"/>: the regulator announces each volume with no plan total.
/// </param>
/// <param name="AnnualTonnes">The year's total to be auctioned when the plan states one (Guangdong 2015 year: 2 000 000 t over four auctions), else null.</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Confirmed">Whether the source states it for the plan's year.</param>
public sealed record AuctionVolumeRule(string Kind, long? AnnualTonnes, string Source, bool Confirmed)
{
    /// <summary>The volume comes from the plan's paid share.</summary>
    public const string PaidShare = "paidShare";

    /// <summary>The regulator announces each volume.</summary>
    public const string Announced = "announced";

    /// <summary>
    /// Guangdong: the paid share of the allocation (free shares 95 % power, 97 % others, confirmed for 2018–2019 and
    /// [UNCONFIRMED] for 2017; 2016 "roughly 5 % by auction"); each auction's volume announced (2016 year: 500 000 t per
    /// auction). guangdong.md §1.4a, §1.6.
    /// </summary>
    public static AuctionVolumeRule GuangdongPaidShare { get; } = new(
        PaidShare, AnnualTonnes: null,
        Source: "guangdong.md §1.4a (free shares, ets-china.org 2019 article), §1.6 (500 000 t per auction)",
        Confirmed: false);

    /// <summary>What is wrong with this rule (empty when it can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Kind is not (PaidShare or Announced))
        {
            problems.Add($"the volume rule '{Kind}' is not known (one of {PaidShare}, {Announced})");
        }
        if (AnnualTonnes is < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the year's auction total is ≥ 1 t when given (was {AnnualTonnes})"));
        }
        return problems;
    }
}
