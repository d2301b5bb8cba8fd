using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Block trades (大宗协议): propose one to a counterparty's trading account, accept or decline one proposed to your
/// organisation, withdraw your own, and see them all with their settlement. A member's trader proposes for its own account
/// or one of its clients' (客户) and views a client's block trades (<c>?client=</c>) to accept, decline or withdraw them; a
/// client's own users read theirs. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class BlocksModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public IReadOnlyList<BlockTrade> Blocks { get; private set; } = [];

    [BindProperty]
    public long? Counterparty { get; set; }

    /// <summary>The member's client accounts (empty for anyone else).</summary>
    public IReadOnlyList<TradingClient> Clients { get; private set; } = [];

    /// <summary>The trading account a proposal is for: empty for the organisation's own, or a client's.</summary>
    [BindProperty]
    public long? BlockAccount { get; set; }

    /// <summary>The account whose block trades are shown: the client viewed, or the organisation's own.</summary>
    public long? Viewed => Client ?? Account?.Id;

    /// <summary>The organisation of each account on the block trades shown, by account number.</summary>
    public IReadOnlyDictionary<long, string> Parties { get; private set; } = new Dictionary<long, string>();

    /// <summary>The viewed account's side of a block trade: the proposer's side, or the other one for its counterparty.</summary>
    public OpenEts.Matching.Side SideOf(BlockTrade block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.CounterpartyAccount == Viewed
            ? block.ProposerSide == OpenEts.Matching.Side.Buy ? OpenEts.Matching.Side.Sell : OpenEts.Matching.Side.Buy
            : block.ProposerSide;
    }

    /// <summary>True when the signed-in user's organisation is a member's client: it reads its block trades and enters nothing.</summary>
    public bool ReadOnly => Account?.IsClient == true;

    protected override string PagePath => "/Exchange/Blocks";

    // After a proposal for a client, or an answer to one of its proposals, the page shows that client's block trades.
    protected override string DoneUrl(string done) =>
        (Client ?? BlockAccount) is { } client
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PagePath}?client={client}&done={done}")
            : base.DoneUrl(done);

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        SendAsync(ProposeBlockTrade.TryParse(new(Instrument, Side, Counterparty, Price, Quantity, IdempotencyKey, BlockAccount), out var command, out var errors),
            command, errors, "proposed", ct);

    public Task<IActionResult> OnPostAcceptAsync([FromForm] long block, CancellationToken ct) => SendAsync(new AcceptBlockTrade(block), "accepted", ct);

    public Task<IActionResult> OnPostCancelAsync([FromForm] long block, CancellationToken ct) => SendAsync(new CancelBlockTrade(block), "ended", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Clients = await Queries.ConfirmedClientsAsync(actor, ct);
        Blocks = await Queries.MyBlockTradesAsync(actor, Client, ct);
        Parties = await Queries.BlockPartiesAsync(actor, Client, ct);
        BlockAccount ??= Client;
    }
}
