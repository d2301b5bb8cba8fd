using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;

namespace OpenEts.Storage;

// One-way auctions (单向竞价): exchange_auctions and exchange_auction_bids, migration 0032.
internal sealed partial class SqlSession
{
    private const string OneWayAuctionColumns =
        "id, instrument, account_id, user_name, quantity, reserve_price_fen, minimum_bid, opens_at, closes_at, pricing, status, clearing_price_fen, sold, "
        + "announced_at, updated_at, idempotency_key";

    private const string OneWayBidColumns =
        "id, auction_id, account_id, user_name, price_fen, quantity, status, won, paid_price_fen, reservation_id, buyer_fee_fen, seller_fee_fen, placed_at, "
        + "updated_at, idempotency_key";

    async Task<OneWayAuction> IExchangeData.InsertAuctionAsync(OneWayAuction auction)
    {
        var t = auction.Terms;
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_auctions (instrument, account_id, user_name, quantity, reserve_price_fen, minimum_bid, opens_at, closes_at, pricing,
                status, clearing_price_fen, sold, announced_at, updated_at, idempotency_key)
            VALUES (@Instrument, @AccountId, @UserName, @Quantity, @ReservePriceFen, @MinimumBid, @opensAt, @closesAt, @pricing, @status,
                @ClearingPriceFen, @Sold, @announcedAt, @updatedAt, @Key)
            RETURNING id
            """, new
        {
            auction.Instrument, auction.AccountId, auction.UserName, t.Quantity, t.ReservePriceFen, t.MinimumBid, opensAt = Ms(t.Opens), closesAt = Ms(t.Closes),
            pricing = t.Pricing.ToString(), status = auction.Status.ToString(), auction.ClearingPriceFen, auction.Sold,
            announcedAt = Ms(auction.AnnouncedAt), updatedAt = Ms(auction.UpdatedAt), auction.Key,
        }).ConfigureAwait(false);
        return auction with { Id = id };
    }

    async Task<OneWayAuction?> IExchangeData.FindAuctionAsync(long id) =>
        (await QuerySingleOrDefaultAsync<OneWayAuctionRow>($"SELECT {OneWayAuctionColumns} FROM exchange_auctions WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToAuction();

    async Task<OneWayAuction?> IExchangeData.FindAuctionAsync(string userName, string key) =>
        (await QuerySingleOrDefaultAsync<OneWayAuctionRow>(
            $"SELECT {OneWayAuctionColumns} FROM exchange_auctions WHERE user_name = @userName AND idempotency_key = @key", new { userName, key })
            .ConfigureAwait(false))?.ToAuction();

    async Task IExchangeData.SaveAuctionAsync(OneWayAuction auction)
    {
        if (await ExecuteAsync("""
            UPDATE exchange_auctions SET status = @status, clearing_price_fen = @ClearingPriceFen, sold = @Sold, updated_at = @updatedAt WHERE id = @Id
            """, new { auction.Id, status = auction.Status.ToString(), auction.ClearingPriceFen, auction.Sold, updatedAt = Ms(auction.UpdatedAt) })
            .ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"auction {auction.Id} does not exist");
        }
    }

    async Task<IReadOnlyList<OneWayAuction>> IExchangeData.AuctionsAsync(int limit) =>
        [.. (await QueryAsync<OneWayAuctionRow>($"SELECT {OneWayAuctionColumns} FROM exchange_auctions ORDER BY id DESC LIMIT @limit", new { limit })
            .ConfigureAwait(false)).Select(r => r.ToAuction())];

    async Task<IReadOnlyList<OneWayAuction>> IExchangeData.AnnouncedAuctionsAsync() =>
        [.. (await QueryAsync<OneWayAuctionRow>($"SELECT {OneWayAuctionColumns} FROM exchange_auctions WHERE status = @status ORDER BY id",
            new { status = nameof(OneWayAuctionStatus.Announced) }).ConfigureAwait(false)).Select(r => r.ToAuction())];

    async Task<IReadOnlyList<OneWayAuction>> IExchangeData.ClearedAuctionsAsync(DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<OneWayAuctionRow>(
            $"SELECT {OneWayAuctionColumns} FROM exchange_auctions WHERE status = @status AND updated_at >= @from AND updated_at < @to ORDER BY id",
            new { status = nameof(OneWayAuctionStatus.Cleared), from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToAuction())];

    async Task<OneWayBid> IExchangeData.InsertAuctionBidAsync(OneWayBid bid)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_auction_bids (auction_id, account_id, user_name, price_fen, quantity, status, won, paid_price_fen, reservation_id,
                buyer_fee_fen, seller_fee_fen, placed_at, updated_at, idempotency_key)
            VALUES (@Auction, @AccountId, @UserName, @PriceFen, @Quantity, @status, @Won, @PaidPriceFen, @ReservationId, @BuyerFeeFen, @SellerFeeFen,
                @placedAt, @updatedAt, @Key)
            RETURNING id
            """, new
        {
            bid.Auction, bid.AccountId, bid.UserName, bid.PriceFen, bid.Quantity, status = bid.Status.ToString(), bid.Won, bid.PaidPriceFen,
            bid.ReservationId, bid.BuyerFeeFen, bid.SellerFeeFen, placedAt = Ms(bid.PlacedAt), updatedAt = Ms(bid.UpdatedAt), bid.Key,
        }).ConfigureAwait(false);
        return bid with { Id = id };
    }

    async Task<OneWayBid?> IExchangeData.FindAuctionBidAsync(long id) =>
        (await QuerySingleOrDefaultAsync<OneWayBidRow>($"SELECT {OneWayBidColumns} FROM exchange_auction_bids WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToBid();

    async Task<OneWayBid?> IExchangeData.FindAuctionBidAsync(string userName, string key) =>
        (await QuerySingleOrDefaultAsync<OneWayBidRow>(
            $"SELECT {OneWayBidColumns} FROM exchange_auction_bids WHERE user_name = @userName AND idempotency_key = @key", new { userName, key })
            .ConfigureAwait(false))?.ToBid();

    async Task IExchangeData.SaveAuctionBidAsync(OneWayBid bid)
    {
        if (await ExecuteAsync("""
            UPDATE exchange_auction_bids SET status = @status, won = @Won, paid_price_fen = @PaidPriceFen, reservation_id = @ReservationId,
                buyer_fee_fen = @BuyerFeeFen, seller_fee_fen = @SellerFeeFen, updated_at = @updatedAt WHERE id = @Id
            """, new
        {
            bid.Id, status = bid.Status.ToString(), bid.Won, bid.PaidPriceFen, bid.ReservationId, bid.BuyerFeeFen, bid.SellerFeeFen,
            updatedAt = Ms(bid.UpdatedAt),
        }).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"auction bid {bid.Id} does not exist");
        }
    }

    async Task<IReadOnlyList<OneWayBid>> IExchangeData.AuctionBidsAsync(long auction) =>
        [.. (await QueryAsync<OneWayBidRow>($"SELECT {OneWayBidColumns} FROM exchange_auction_bids WHERE auction_id = @auction ORDER BY id",
            new { auction }).ConfigureAwait(false)).Select(r => r.ToBid())];

    async Task<IReadOnlyList<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)>> IExchangeData.AuctionsWithBidsAsync(int limit)
    {
        var auctions = await ((IExchangeData)this).AuctionsAsync(limit).ConfigureAwait(false);
        if (auctions.Count == 0)
        {
            return [];
        }
        // The latest auctions by number are every auction from the oldest of them on.
        var bids = (await QueryAsync<OneWayBidRow>($"SELECT {OneWayBidColumns} FROM exchange_auction_bids WHERE auction_id >= @oldest ORDER BY auction_id, id",
            new { oldest = auctions[^1].Id }).ConfigureAwait(false)).Select(r => r.ToBid()).ToLookup(b => b.Auction);
        return [.. auctions.Select(a => (a, (IReadOnlyList<OneWayBid>)[.. bids[a.Id]]))];
    }

    private sealed class OneWayAuctionRow
    {
        public long Id { get; init; }

        public string Instrument { get; init; } = "";

        public long Account_Id { get; init; }

        public string User_Name { get; init; } = "";

        public long Quantity { get; init; }

        public long Reserve_Price_Fen { get; init; }

        public long Minimum_Bid { get; init; }

        public long Opens_At { get; init; }

        public long Closes_At { get; init; }

        public string Pricing { get; init; } = "";

        public string Status { get; init; } = "";

        public long? Clearing_Price_Fen { get; init; }

        public long Sold { get; init; }

        public long Announced_At { get; init; }

        public long Updated_At { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public OneWayAuction ToAuction() => new(Id, Instrument, Account_Id, User_Name,
            new OneWayAuctionTerms(Quantity, Reserve_Price_Fen, Minimum_Bid, At(Opens_At), At(Closes_At), Enum.Parse<AuctionPricing>(Pricing)),
            Enum.Parse<OneWayAuctionStatus>(Status), Clearing_Price_Fen, Sold, At(Announced_At), At(Updated_At), Idempotency_Key);
    }

    private sealed class OneWayBidRow
    {
        public long Id { get; init; }

        public long Auction_Id { get; init; }

        public long Account_Id { get; init; }

        public string User_Name { get; init; } = "";

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public string Status { get; init; } = "";

        public long Won { get; init; }

        public long? Paid_Price_Fen { get; init; }

        public long Reservation_Id { get; init; }

        public long Buyer_Fee_Fen { get; init; }

        public long Seller_Fee_Fen { get; init; }

        public long Placed_At { get; init; }

        public long Updated_At { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public OneWayBid ToBid() => new(Id, Auction_Id, Account_Id, User_Name, Price_Fen, Quantity, Enum.Parse<OneWayBidStatus>(Status), Won,
            Paid_Price_Fen, Reservation_Id, Buyer_Fee_Fen, Seller_Fee_Fen, At(Placed_At), At(Updated_At), Idempotency_Key);
    }
}
