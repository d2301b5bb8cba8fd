using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Matching;

namespace OpenEts.Storage;

// Click-on-listing (挂牌点选): exchange_listings and exchange_listing_trades, migration 0028.
internal sealed partial class SqlSession
{
    private const string ListingColumns =
        "id, instrument, account_id, user_name, side, price_fen, quantity, minimum_take, taken, status, posted_at, updated_at, reservation_id, "
        + "idempotency_key";

    private const string ListingTradeColumns =
        "id, listing_id, instrument, at, price_fen, quantity, buy_account, sell_account, buy_user, taker_account, buyer_fee_fen, seller_fee_fen, "
        + "taker_user, idempotency_key";

    async Task<ExchangeListing> IExchangeData.InsertListingAsync(ExchangeListing listing)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_listings (instrument, account_id, user_name, side, price_fen, quantity, minimum_take, taken, status, posted_at,
                updated_at, reservation_id, idempotency_key)
            VALUES (@Instrument, @AccountId, @UserName, @side, @PriceFen, @Quantity, @MinimumTake, @Taken, @status, @postedAt, @updatedAt,
                @ReservationId, @Key)
            RETURNING id
            """, new
        {
            listing.Instrument, listing.AccountId, listing.UserName, side = listing.Side.ToString(), listing.PriceFen, listing.Quantity,
            listing.MinimumTake, listing.Taken, status = listing.Status.ToString(), postedAt = Ms(listing.PostedAt), updatedAt = Ms(listing.UpdatedAt),
            listing.ReservationId, listing.Key,
        }).ConfigureAwait(false);
        return listing with { Id = id };
    }

    async Task<ExchangeListing?> IExchangeData.FindListingAsync(long id) =>
        (await QuerySingleOrDefaultAsync<ListingRow>($"SELECT {ListingColumns} FROM exchange_listings WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToListing();

    async Task<ExchangeListing?> IExchangeData.FindListingAsync(string userName, string key) =>
        (await QuerySingleOrDefaultAsync<ListingRow>(
            $"SELECT {ListingColumns} FROM exchange_listings WHERE user_name = @userName AND idempotency_key = @key", new { userName, key })
            .ConfigureAwait(false))?.ToListing();

    async Task IExchangeData.SaveListingAsync(ExchangeListing listing)
    {
        if (await ExecuteAsync("""
            UPDATE exchange_listings SET taken = @Taken, status = @status, updated_at = @updatedAt, reservation_id = @ReservationId WHERE id = @Id
            """, new { listing.Id, listing.Taken, status = listing.Status.ToString(), updatedAt = Ms(listing.UpdatedAt), listing.ReservationId })
            .ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"listing {listing.Id} does not exist");
        }
    }

    async Task<IReadOnlyList<ExchangeListing>> IExchangeData.OpenListingsAsync(string? instrument) =>
        [.. (await QueryAsync<ListingRow>(instrument is null
            ? $"SELECT {ListingColumns} FROM exchange_listings WHERE status = 'Open' ORDER BY id"
            : $"SELECT {ListingColumns} FROM exchange_listings WHERE status = 'Open' AND instrument = @instrument ORDER BY id", new { instrument })
            .ConfigureAwait(false)).Select(r => r.ToListing())];

    async Task<IReadOnlyList<ExchangeListing>> IExchangeData.ListingsOfAsync(long accountId, int limit)
    {
        var newest = (await QueryAsync<ListingRow>(
            $"SELECT {ListingColumns} FROM exchange_listings WHERE account_id = @accountId ORDER BY id DESC LIMIT @limit", new { accountId, limit })
            .ConfigureAwait(false)).Select(r => r.ToListing()).ToList();
        if (newest.Count == limit)
        {
            // The older ones still open, which their lister must still find to withdraw.
            var below = limit == 0 ? long.MaxValue : newest[^1].Id;
            newest.AddRange((await QueryAsync<ListingRow>(
                $"SELECT {ListingColumns} FROM exchange_listings WHERE account_id = @accountId AND id < @below AND status = 'Open' ORDER BY id DESC",
                new { accountId, below }).ConfigureAwait(false)).Select(r => r.ToListing()));
        }
        return newest;
    }

    async Task<ListingTrade> IExchangeData.InsertListingTradeAsync(ListingTrade trade)
    {
        // The pick is the instrument's next public print, after its book trades' and picks' (SqlSession.ExchangePrints.cs).
        var print = await LastPrintAsync(trade.Instrument).ConfigureAwait(false) + 1;
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_listing_trades (listing_id, instrument, at, price_fen, quantity, buy_account, sell_account, buy_user, taker_account,
                buyer_fee_fen, seller_fee_fen, taker_user, idempotency_key, print_sequence)
            VALUES (@Listing, @Instrument, @at, @PriceFen, @Quantity, @BuyAccount, @SellAccount, @BuyUser, @TakerAccount, @BuyerFeeFen, @SellerFeeFen,
                @TakerUser, @Key, @print)
            RETURNING id
            """, new
        {
            trade.Listing, trade.Instrument, at = Ms(trade.At), trade.PriceFen, trade.Quantity, trade.BuyAccount, trade.SellAccount, trade.BuyUser,
            trade.TakerAccount, trade.BuyerFeeFen, trade.SellerFeeFen, trade.TakerUser, trade.Key, print,
        }).ConfigureAwait(false);
        return trade with { Id = id };
    }

    async Task<ListingTrade?> IExchangeData.FindListingTradeAsync(string takerUser, string key) =>
        (await QuerySingleOrDefaultAsync<ListingTradeRow>(
            $"SELECT {ListingTradeColumns} FROM exchange_listing_trades WHERE taker_user = @takerUser AND idempotency_key = @key", new { takerUser, key })
            .ConfigureAwait(false))?.ToTrade();

    async Task<IReadOnlyList<ListingTrade>> IExchangeData.ListingTradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<ListingTradeRow>($"""
            SELECT {ListingTradeColumns} FROM exchange_listing_trades WHERE instrument = @instrument AND at >= @from AND at < @to ORDER BY id
            """, new { instrument, from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToTrade())];

    async Task<IReadOnlyList<ListingTrade>> IExchangeData.ListingTradesOfAsync(long accountId, int limit) =>
        [.. (await QueryAsync<ListingTradeRow>($"""
            SELECT {ListingTradeColumns} FROM exchange_listing_trades
            WHERE buy_account = @accountId OR sell_account = @accountId ORDER BY id DESC LIMIT @limit
            """, new { accountId, limit }).ConfigureAwait(false)).Select(r => r.ToTrade())];

    private sealed class ListingRow
    {
        public long Id { get; init; }

        public string Instrument { get; init; } = "";

        public long Account_Id { get; init; }

        public string User_Name { get; init; } = "";

        public string Side { get; init; } = "";

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public long Minimum_Take { get; init; }

        public long Taken { get; init; }

        public string Status { get; init; } = "";

        public long Posted_At { get; init; }

        public long Updated_At { get; init; }

        public long? Reservation_Id { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public ExchangeListing ToListing() => new(Id, Instrument, Account_Id, User_Name, Enum.Parse<Side>(Side), Price_Fen, Quantity, Minimum_Take,
            Taken, Enum.Parse<ListingStatus>(Status), At(Posted_At), At(Updated_At), Reservation_Id, Idempotency_Key);
    }

    private sealed class ListingTradeRow
    {
        public long Id { get; init; }

        public long Listing_Id { get; init; }

        public string Instrument { get; init; } = "";

        public long At { get; init; }

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public long Buy_Account { get; init; }

        public long Sell_Account { get; init; }

        public string Buy_User { get; init; } = "";

        public long Taker_Account { get; init; }

        public long Buyer_Fee_Fen { get; init; }

        public long Seller_Fee_Fen { get; init; }

        public string? Taker_User { get; init; }

        public string? Idempotency_Key { get; init; }

        public ListingTrade ToTrade() => new(Id, Listing_Id, Instrument, SqlSession.At(At), Price_Fen, Quantity, Buy_Account, Sell_Account, Buy_User,
            Taker_Account, Buyer_Fee_Fen, Seller_Fee_Fen, Taker_User, Idempotency_Key);
    }
}
