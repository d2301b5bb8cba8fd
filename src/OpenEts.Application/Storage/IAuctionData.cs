using OpenEts.Application.Auction;

namespace OpenEts.Application.Storage;

/// <summary>
/// The auctions' tables: auctions and their sealed bids (prices as integer fen). Only the auction use cases write them
/// and only <see cref="AuctionQueries"/> reads them for others.
/// </summary>
public interface IAuctionData
{
    /// <summary>Stores a new auction and returns it with its id. A reused key is a <see cref="StoreConflictException"/>.</summary>
    Task<AuctionRecord> InsertAuctionAsync(AuctionRecord auction);

    Task<AuctionRecord?> FindAuctionAsync(long id);

    /// <summary>The auction announced with an idempotency key, or null.</summary>
    Task<AuctionRecord?> FindAuctionAsync(string key);

    /// <summary>Every auction, newest first.</summary>
    Task<IReadOnlyList<AuctionRecord>> ListAuctionsAsync();

    /// <summary>Stores an auction's status and results.</summary>
    Task UpdateAuctionAsync(AuctionRecord auction);

    /// <summary>Stores a new bid and returns it with its id. A reused key is a <see cref="StoreConflictException"/>.</summary>
    Task<AuctionBid> InsertBidAsync(AuctionBid bid);

    /// <summary>The bid placed with an idempotency key, or null.</summary>
    Task<AuctionBid?> FindBidAsync(string key);

    /// <summary>An auction's bids in time order (by id).</summary>
    Task<IReadOnlyList<AuctionBid>> BidsAsync(long auctionId);

    /// <summary>Stores the awards and delivery of many bids.</summary>
    Task UpdateBidsAsync(IReadOnlyList<AuctionBid> bids);
}
