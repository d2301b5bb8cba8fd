using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Matching;

namespace OpenEts.Storage;

// Block trades (大宗协议): exchange_block_trades, migration 0023.
internal sealed partial class SqlSession
{
    private const string BlockColumns =
        "id, instrument, proposer_account, proposer_user, proposer_side, counterparty_account, price_fen, quantity, status, proposed_at, updated_at, "
        + "accepted_by, buyer_fee_fen, seller_fee_fen, idempotency_key";

    async Task<BlockTrade> IExchangeData.InsertBlockTradeAsync(BlockTrade block)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_block_trades (instrument, proposer_account, proposer_user, proposer_side, counterparty_account, price_fen, quantity,
                status, proposed_at, updated_at, accepted_by, buyer_fee_fen, seller_fee_fen, idempotency_key)
            VALUES (@Instrument, @ProposerAccount, @ProposerUser, @side, @CounterpartyAccount, @PriceFen, @Quantity, @status, @proposedAt, @updatedAt,
                @AcceptedBy, @BuyerFeeFen, @SellerFeeFen, @Key)
            RETURNING id
            """, new
        {
            block.Instrument, block.ProposerAccount, block.ProposerUser, side = block.ProposerSide.ToString(), block.CounterpartyAccount, block.PriceFen,
            block.Quantity, status = block.Status.ToString(), proposedAt = Ms(block.ProposedAt), updatedAt = Ms(block.UpdatedAt), block.AcceptedBy,
            block.BuyerFeeFen, block.SellerFeeFen, block.Key,
        }).ConfigureAwait(false);
        return block with { Id = id };
    }

    async Task<BlockTrade?> IExchangeData.FindBlockTradeAsync(long id) =>
        (await QuerySingleOrDefaultAsync<BlockRow>($"SELECT {BlockColumns} FROM exchange_block_trades WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToBlock();

    async Task<BlockTrade?> IExchangeData.FindBlockTradeAsync(string userName, string key) =>
        (await QuerySingleOrDefaultAsync<BlockRow>(
            $"SELECT {BlockColumns} FROM exchange_block_trades WHERE proposer_user = @userName AND idempotency_key = @key", new { userName, key })
            .ConfigureAwait(false))?.ToBlock();

    async Task IExchangeData.SaveBlockTradeAsync(BlockTrade block)
    {
        if (await ExecuteAsync("""
            UPDATE exchange_block_trades SET status = @status, updated_at = @updatedAt, accepted_by = @AcceptedBy, buyer_fee_fen = @BuyerFeeFen,
                seller_fee_fen = @SellerFeeFen
            WHERE id = @Id
            """, new { block.Id, status = block.Status.ToString(), updatedAt = Ms(block.UpdatedAt), block.AcceptedBy, block.BuyerFeeFen, block.SellerFeeFen })
            .ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"block trade {block.Id} does not exist");
        }
    }

    async Task<IReadOnlyList<BlockTrade>> IExchangeData.BlockTradesOfAsync(long accountId, int limit)
    {
        var newest = (await QueryAsync<BlockRow>($"""
            SELECT {BlockColumns} FROM exchange_block_trades
            WHERE proposer_account = @accountId OR counterparty_account = @accountId ORDER BY id DESC LIMIT @limit
            """, new { accountId, limit }).ConfigureAwait(false)).Select(r => r.ToBlock()).ToList();
        if (newest.Count == limit)
        {
            // The older proposals still waiting, which the proposer may withdraw and the counterparty accept or decline.
            var below = limit == 0 ? long.MaxValue : newest[^1].Id;
            newest.AddRange((await QueryAsync<BlockRow>($"""
                SELECT {BlockColumns} FROM exchange_block_trades
                WHERE (proposer_account = @accountId OR counterparty_account = @accountId) AND id < @below AND status = 'Proposed' ORDER BY id DESC
                """, new { accountId, below }).ConfigureAwait(false)).Select(r => r.ToBlock()));
        }
        return newest;
    }

    async Task<IReadOnlyList<BlockTrade>> IExchangeData.SettledBlockTradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<BlockRow>($"""
            SELECT {BlockColumns} FROM exchange_block_trades
            WHERE instrument = @instrument AND status = 'Settled' AND updated_at >= @from AND updated_at < @to ORDER BY id
            """, new { instrument, from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToBlock())];

    Task<int> IExchangeData.ExpireBlockTradesAsync(string instrument, DateTimeOffset before, DateTimeOffset at) => ExecuteAsync("""
        UPDATE exchange_block_trades SET status = 'Expired', updated_at = @at
        WHERE instrument = @instrument AND status = 'Proposed' AND proposed_at < @before
        """, new { instrument, before = Ms(before), at = Ms(at) });

    private sealed class BlockRow
    {
        public long Id { get; init; }

        public string Instrument { get; init; } = "";

        public long Proposer_Account { get; init; }

        public string Proposer_User { get; init; } = "";

        public string Proposer_Side { get; init; } = "";

        public long Counterparty_Account { get; init; }

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public string Status { get; init; } = "";

        public long Proposed_At { get; init; }

        public long Updated_At { get; init; }

        public string? Accepted_By { get; init; }

        public long Buyer_Fee_Fen { get; init; }

        public long Seller_Fee_Fen { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public BlockTrade ToBlock() => new(Id, Instrument, Proposer_Account, Proposer_User, Enum.Parse<Side>(Proposer_Side), Counterparty_Account,
            Price_Fen, Quantity, Enum.Parse<BlockTradeStatus>(Status), At(Proposed_At), At(Updated_At), Accepted_By, Buyer_Fee_Fen, Seller_Fee_Fen,
            Idempotency_Key);
    }
}
