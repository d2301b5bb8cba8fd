using OpenEts.Application.Exchange;

namespace OpenEts.Application.Storage;

// One-way auctions (单向竞价): exchange_auctions and exchange_auction_bids.
public partial interface IExchangeData
{
    /// <summary>Stores a new one-way auction and returns it with its number.</summary>
    Task<OneWayAuction> InsertAuctionAsync(OneWayAuction auction);

    Task<OneWayAuction?> FindAuctionAsync(long id);

    /// <summary>The auction a user announced with an idempotency key, or null.</summary>
    Task<OneWayAuction?> FindAuctionAsync(string userName, string key);

    /// <summary>Stores where an auction stands: status, clearing price, sold, when.</summary>
    Task SaveAuctionAsync(OneWayAuction auction);

    /// <summary>The latest auctions, newest first.</summary>
    Task<IReadOnlyList<OneWayAuction>> AuctionsAsync(int limit);

    /// <summary>Every auction still taking bids or waiting for its close (status announced), by number.</summary>
    Task<IReadOnlyList<OneWayAuction>> AnnouncedAuctionsAsync();

    /// <summary>The auctions cleared from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by number.</summary>
    Task<IReadOnlyList<OneWayAuction>> ClearedAuctionsAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Stores a new bid and returns it with its number.</summary>
    Task<OneWayBid> InsertAuctionBidAsync(OneWayBid bid);

    Task<OneWayBid?> FindAuctionBidAsync(long id);

    /// <summary>The bid a user placed with an idempotency key, or null.</summary>
    Task<OneWayBid?> FindAuctionBidAsync(string userName, string key);

    /// <summary>Stores where a bid stands: status, won, price paid, fees, when.</summary>
    Task SaveAuctionBidAsync(OneWayBid bid);

    /// <summary>An auction's bids, by number.</summary>
    Task<IReadOnlyList<OneWayBid>> AuctionBidsAsync(long auction);

    /// <summary>
    /// The latest <paramref name="limit"/> auctions, newest first, each with all its bids by number: two reads however many
    /// auctions there are.
    /// </summary>
    Task<IReadOnlyList<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)>> AuctionsWithBidsAsync(int limit);
}
