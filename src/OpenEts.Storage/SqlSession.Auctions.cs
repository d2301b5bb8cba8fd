using OpenEts.Application.Auction;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Registry;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IAuctionData
{
    private const string AuctionColumns = """
        id, jurisdiction, year, unit_class, volume, opens_at, closes_at, reserve_fen, rules, reserve_inputs, status, clearing_fen,
        sold, announced_at, announced_by, cleared_at, settled_at, idempotency_key, failure
        """;

    private const string BidColumns = """
        id, auction_id, organisation_id, account, tonnes, price_fen, reservation_id, placed_at, placed_by, awarded, delivered, idempotency_key
        """;

    public IAuctionData Auctions => this;

    async Task<AuctionRecord> IAuctionData.InsertAuctionAsync(AuctionRecord auction)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO auctions (jurisdiction, year, unit_class, volume, opens_at, closes_at, reserve_fen, rules, reserve_inputs, status,
                clearing_fen, sold, announced_at, announced_by, cleared_at, settled_at, idempotency_key)
            VALUES (@jurisdiction, @year, @unitClass, @volume, @opensAt, @closesAt, @reserve, @rules, @inputs, @status,
                @clearing, @sold, @announcedAt, @announcedBy, @clearedAt, @settledAt, @key)
            RETURNING id
            """, AuctionParameters(auction)).ConfigureAwait(false);
        return auction with { Id = id };
    }

    async Task<AuctionRecord?> IAuctionData.FindAuctionAsync(long id) =>
        (await QuerySingleOrDefaultAsync<AuctionRow>($"SELECT {AuctionColumns} FROM auctions WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToAuction();

    async Task<AuctionRecord?> IAuctionData.FindAuctionAsync(string key) =>
        (await QuerySingleOrDefaultAsync<AuctionRow>($"SELECT {AuctionColumns} FROM auctions WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToAuction();

    async Task<IReadOnlyList<AuctionRecord>> IAuctionData.ListAuctionsAsync() =>
        [.. (await QueryAsync<AuctionRow>($"SELECT {AuctionColumns} FROM auctions ORDER BY id DESC").ConfigureAwait(false))
            .Select(r => r.ToAuction())];

    async Task IAuctionData.UpdateAuctionAsync(AuctionRecord auction)
    {
        var changed = await ExecuteAsync("""
            UPDATE auctions SET status = @status, clearing_fen = @clearing, sold = @sold, cleared_at = @clearedAt, settled_at = @settledAt,
                failure = @failure
            WHERE id = @id
            """, AuctionParameters(auction)).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"auction {auction.Id} does not exist");
        }
    }

    async Task<AuctionBid> IAuctionData.InsertBidAsync(AuctionBid bid)
    {
        // The bid names the reservation made for it in this transaction.
        await FlushNewReservationsAsync().ConfigureAwait(false);
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO auction_bids (auction_id, organisation_id, account, tonnes, price_fen, reservation_id, placed_at, placed_by,
                awarded, delivered, idempotency_key)
            VALUES (@auction, @organisation, @account, @tonnes, @price, @reservation, @placedAt, @placedBy, @awarded, @delivered, @key)
            RETURNING id
            """, new
        {
            auction = bid.AuctionId, organisation = bid.OrganisationId, account = bid.Account.Value, tonnes = bid.Tonnes,
            price = bid.Price.Fen, reservation = bid.ReservationId, placedAt = Ms(bid.PlacedAt), placedBy = bid.PlacedBy,
            awarded = bid.Awarded, delivered = bid.Delivered ? 1 : 0, key = bid.Key,
        }).ConfigureAwait(false);
        return bid with { Id = id };
    }

    async Task<AuctionBid?> IAuctionData.FindBidAsync(string key) =>
        (await QuerySingleOrDefaultAsync<BidRow>($"SELECT {BidColumns} FROM auction_bids WHERE idempotency_key = @key", new { key })
            .ConfigureAwait(false))?.ToBid();

    async Task<IReadOnlyList<AuctionBid>> IAuctionData.BidsAsync(long auctionId) =>
        [.. (await QueryAsync<BidRow>($"SELECT {BidColumns} FROM auction_bids WHERE auction_id = @auctionId ORDER BY id", new { auctionId })
            .ConfigureAwait(false)).Select(r => r.ToBid())];

    async Task IAuctionData.UpdateBidsAsync(IReadOnlyList<AuctionBid> bids)
    {
        foreach (var bid in bids)
        {
            await ExecuteAsync("UPDATE auction_bids SET awarded = @awarded, delivered = @delivered WHERE id = @id",
                new { id = bid.Id, awarded = bid.Awarded, delivered = bid.Delivered ? 1 : 0 }).ConfigureAwait(false);
        }
    }

    private static object AuctionParameters(AuctionRecord a) => new
    {
        id = a.Id,
        jurisdiction = a.Jurisdiction,
        year = a.Year,
        unitClass = a.Class.ToString(),
        volume = a.VolumeTonnes,
        opensAt = Ms(a.OpensAt),
        closesAt = Ms(a.ClosesAt),
        reserve = a.Reserve.Fen,
        rules = AuctionJson.Rules(a.Rules),
        inputs = AuctionJson.Inputs(a.ReserveInputs),
        status = a.Status.ToString(),
        clearing = a.ClearingPrice?.Fen,
        sold = a.SoldTonnes,
        announcedAt = Ms(a.AnnouncedAt),
        announcedBy = a.AnnouncedBy,
        clearedAt = a.ClearedAt is { } c ? Ms(c) : (long?)null,
        settledAt = a.SettledAt is { } s ? Ms(s) : (long?)null,
        key = a.Key,
        failure = a.Failure,
    };

    private sealed class AuctionRow
    {
        public long Id { get; init; }

        public string Jurisdiction { get; init; } = "";

        public long Year { get; init; }

        public string Unit_Class { get; init; } = "";

        public long Volume { get; init; }

        public long Opens_At { get; init; }

        public long Closes_At { get; init; }

        public long Reserve_Fen { get; init; }

        public string Rules { get; init; } = "";

        public string Reserve_Inputs { get; init; } = "";

        public string Status { get; init; } = "";

        public long? Clearing_Fen { get; init; }

        public long? Sold { get; init; }

        public long Announced_At { get; init; }

        public string Announced_By { get; init; } = "";

        public long? Cleared_At { get; init; }

        public long? Settled_At { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public string? Failure { get; init; }

        public AuctionRecord ToAuction() => new(Id, Jurisdiction, checked((int)Year), UnitClass.Parse(Unit_Class), Volume,
            At(Opens_At), At(Closes_At), Yuan.FromFen(Reserve_Fen), AuctionJson.ReadRules(Rules), AuctionJson.ReadInputs(Reserve_Inputs),
            Enum.Parse<AuctionStatus>(Status), At(Announced_At), Announced_By)
        {
            ClearingPrice = Clearing_Fen is { } c ? Yuan.FromFen(c) : null,
            SoldTonnes = Sold,
            ClearedAt = Cleared_At is { } ca ? At(ca) : null,
            SettledAt = Settled_At is { } sa ? At(sa) : null,
            Key = Idempotency_Key,
            Failure = Failure,
        };
    }

    private sealed class BidRow
    {
        public long Id { get; init; }

        public long Auction_Id { get; init; }

        public long Organisation_Id { get; init; }

        public string Account { get; init; } = "";

        public long Tonnes { get; init; }

        public long Price_Fen { get; init; }

        public long Reservation_Id { get; init; }

        public long Placed_At { get; init; }

        public string Placed_By { get; init; } = "";

        public long? Awarded { get; init; }

        public long Delivered { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public AuctionBid ToBid() => new(Id, Auction_Id, Organisation_Id, AccountNumber.From(Account), Tonnes, Yuan.FromFen(Price_Fen),
            Reservation_Id, At(Placed_At), Placed_By)
        {
            Awarded = Awarded,
            Delivered = Delivered != 0,
            Key = Idempotency_Key,
        };
    }
}
