using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Matching;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// Block trades (大宗协议): a member proposes to a counterparty's trading account, the counterparty accepts (settled
// delivery versus payment at once) or declines, the proposer may withdraw. Parse → call → map.
internal static partial class ExchangeEndpoints
{
    private static void MapBlockTrades(RouteGroupBuilder group)
    {
        group.MapPost("/block-trades", ProposeBlockAsync).RequireAuthorization(Traders)
            .WithSummary("Propose a block trade (大宗协议) to a counterparty's trading account: your side, price and quantity (at least 100 000 t, "
                + "within ±30 % of the reference, unconfirmed), for your own account or (account) one of your clients'; nothing is held until the "
                + "counterparty accepts");
        group.MapPost("/block-trades/{id}/accept", AcceptBlockAsync).RequireAuthorization(Traders)
            .WithSummary("Accept a block trade proposed to your organisation or to one of your clients: it settles delivery versus payment at "
                + "once (units, cash and fees), off the book (block volume, not the last price)");
        group.MapPost("/block-trades/{id}/cancel", CancelBlockAsync).RequireAuthorization(Traders)
            .WithSummary("Withdraw a block trade you proposed, or decline one proposed to you, while it waits (your clients' too)");
        group.MapGet("/block-trades", MyBlocksAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's block trades, proposed by it or to it, newest first: the newest 200 and every older one still "
                + "proposed (?account= one of your clients')");
    }

    public sealed record BlockTradeInput(
        string? Instrument, [property: ApiEnum(typeof(Side))] string? Side, long? Counterparty, decimal? Price, long? Quantity, string? IdempotencyKey,
        long? Account = null);

    /// <summary>A block trade: <c>side</c> is the proposer's; fees are set when it settles.</summary>
    public sealed record BlockTradeView(
        long Id, string Instrument, long ProposerAccount, [property: ApiEnum(typeof(Side))] string Side, long CounterpartyAccount, decimal Price,
        long Quantity, decimal Value, [property: ApiEnum(typeof(BlockTradeStatus))] string Status, DateTimeOffset ProposedAt,
        DateTimeOffset UpdatedAt, decimal BuyerFee, decimal SellerFee);

    public static BlockTradeView View(BlockTrade b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.Instrument, b.ProposerAccount, ApiDocument.EnumName(b.ProposerSide), b.CounterpartyAccount, Yuan(b.PriceFen), b.Quantity,
            Yuan(b.ValueFen), ApiDocument.EnumName(b.Status), b.ProposedAt, b.UpdatedAt, Yuan(b.BuyerFeeFen), Yuan(b.SellerFeeFen));
    }

    private static async Task<ExchangeCommandResult> ProposeBlockAsync(
        BlockTradeInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        ProposeBlockTrade.TryParse(new(input.Instrument, input.Side, input.Counterparty, input.Price, input.Quantity, input.IdempotencyKey, input.Account),
            out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> AcceptBlockAsync(
        long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        await SendAsync(new AcceptBlockTrade(id), http, exchange, clock, ct).ConfigureAwait(false);

    private static async Task<ExchangeCommandResult> CancelBlockAsync(
        long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        await SendAsync(new CancelBlockTrade(id), http, exchange, clock, ct).ConfigureAwait(false);

    private static async Task<Ok<List<BlockTradeView>>> MyBlocksAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null) =>
        TypedResults.Ok((await queries.MyBlockTradesAsync(http.User.Actor(), account, ct).ConfigureAwait(false)).Select(View).ToList());
}
