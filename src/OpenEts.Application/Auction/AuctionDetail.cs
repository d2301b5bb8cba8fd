namespace OpenEts.Application.Auction;

/// <summary>An auction as one reader may see it.</summary>
/// <param name="Auction">The auction (public: class, volume, times, reserve and its inputs, status).</param>
/// <param name="Results">Its published results once cleared, else null.</param>
/// <param name="OwnBids">The reader's own organisation's bids (empty for others).</param>
/// <param name="AllBids">
/// Every bid with its award: the regulator and the auditor once it is cleared; empty before (the bids are sealed) and
/// for everyone else.
/// </param>
public sealed record AuctionDetail(
    AuctionRecord Auction, AuctionResults? Results, IReadOnlyList<AuctionBid> OwnBids, IReadOnlyList<AuctionBid> AllBids);

/// <summary>An auction's published results (公示): what everyone may read once it is cleared.</summary>
/// <param name="ClearingPrice">The uniform clearing price, yuan per tonne (null when nothing sold).</param>
/// <param name="SoldTonnes">Allowances sold.</param>
/// <param name="UnsoldTonnes">Allowances not sold (they stay in the issuance account).</param>
/// <param name="Bidders">How many organisations bid.</param>
/// <param name="Winners">How many organisations won.</param>
/// <param name="Proceeds">What the winners paid, yuan.</param>
/// <param name="Delivered">True once every award is in its holding account.</param>
public sealed record AuctionResults(decimal? ClearingPrice, long SoldTonnes, long UnsoldTonnes, int Bidders, int Winners, decimal Proceeds, bool Delivered);
