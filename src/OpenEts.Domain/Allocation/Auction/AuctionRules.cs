using System.Globalization;

namespace OpenEts.Domain.Allocation.Auction;

/// <summary>
/// The rules of a jurisdiction's allowance auctions (有偿发放), as a plan states them: the plan document's
/// <c>auction</c> section. A plain record so that System.Text.Json (camelCase) reads it directly.
/// </summary>
/// <param name="ReservePrice">How the reserve (policy floor, 政策保留价) is computed.</param>
/// <param name="MinimumBidTonnes">The smallest quantity one bid may ask for, in tonnes (Guangdong: 1 000 t).</param>
/// <param name="MaximumBidderShare">
/// The largest share of the volume offered that one bidder's bids may add up to, as a fraction in (0, 1]
/// (Guangdong: 0.5).
/// </param>
/// <param name="ClearingPrice">How winners pay: <see cref="UniformClearing"/> (everyone pays the clearing price).</param>
/// <param name="Margin">
/// How the quantity left at the clearing price is shared: <see cref="ProRataMargin"/> (in proportion to the bids at
/// that price, in whole tonnes).
/// </param>
/// <param name="BidsWithdrawable">Whether a bid may be withdrawn once placed (Guangdong: no).</param>
/// <param name="Volume">Where each auction's volume comes from.</param>
/// <param name="Source">Where these rules were read.</param>
/// <param name="Confirmed">Whether the source states them for the plan's year (false: carried from another year).</param>
/// <remarks>
/// Deserialised data is not checked by construction: call <see cref="Problems"/> before using a set of rules.
/// <see cref="Guangdong"/> holds the rules found for Guangdong (guangdong.md §1.4a, §1.6).
/// </remarks>
public sealed record AuctionRules(
    ReservePriceRule ReservePrice,
    long MinimumBidTonnes,
    decimal MaximumBidderShare,
    string ClearingPrice,
    string Margin,
    bool BidsWithdrawable,
    AuctionVolumeRule Volume,
    string Source,
    bool Confirmed)
{
    /// <summary>Every winner pays the one clearing price, the lowest accepted bid price.</summary>
    public const string UniformClearing = "uniform";

    /// <summary>The bids at the clearing price share what is left in proportion to their quantities.</summary>
    public const string ProRataMargin = "proRata";

    /// <summary>
    /// Guangdong's auction rules as found: sealed bids ≥ 1 000 t, one bidder ≤ 50 % of the volume, a uniform clearing
    /// price, bids that cannot be withdrawn (guangdong.md §1.4a, 2015 year, and §1.6, 2016 year's third auction,
    /// confirmed); the reserve is the weighted average listed price of the three calendar months before the notice
    /// (§1.6, 2016 year, confirmed). The 2017-year notice was not found, so for 2017 all of it is [UNCONFIRMED]. Pro-rata
    /// at the margin is the rule; the sources found do not state a tie rule [UNCONFIRMED].
    /// </summary>
    public static AuctionRules Guangdong { get; } = new(
        ReservePriceRule.GuangdongListedAverage,
        MinimumBidTonnes: 1_000,
        MaximumBidderShare: 0.5m,
        ClearingPrice: UniformClearing,
        Margin: ProRataMargin,
        BidsWithdrawable: false,
        Volume: AuctionVolumeRule.GuangdongPaidShare,
        Source: "guangdong.md §1.4a (http://m.sfmzp.com/article-14471-1.html), §1.6 (http://www.ddip.com.cn/20170324a)",
        Confirmed: false);

    /// <summary>What is wrong with these rules (empty when they can be used), one plain sentence each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ReservePrice is null)
        {
            problems.Add("the reserve price rule is missing");
        }
        else
        {
            problems.AddRange(ReservePrice.Problems());
        }
        if (MinimumBidTonnes < 1)
        {
            problems.Add(Text($"the minimum bid is a whole number of tonnes ≥ 1 (was {MinimumBidTonnes})"));
        }
        if (MaximumBidderShare <= 0m || MaximumBidderShare > 1m)
        {
            problems.Add(Text($"the largest share per bidder is a fraction in (0, 1] (was {MaximumBidderShare})"));
        }
        if (ClearingPrice != UniformClearing)
        {
            problems.Add($"the clearing price rule '{ClearingPrice}' is not supported (only '{UniformClearing}')");
        }
        if (Margin != ProRataMargin)
        {
            problems.Add($"the margin rule '{Margin}' is not supported (only '{ProRataMargin}')");
        }
        if (BidsWithdrawable)
        {
            problems.Add("withdrawable bids are not supported: a sealed bid stands once placed");
        }
        if (Volume is null)
        {
            problems.Add("the volume rule is missing");
        }
        else
        {
            problems.AddRange(Volume.Problems());
        }
        return problems;
    }

    /// <summary>
    /// The most one bidder's bids may add up to in an auction of <paramref name="volumeTonnes"/>: the share rounded
    /// down to a whole tonne (a limit is never rounded up).
    /// </summary>
    public long BidderLimitTonnes(long volumeTonnes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(volumeTonnes);
        return (long)decimal.Floor(volumeTonnes * MaximumBidderShare);
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
