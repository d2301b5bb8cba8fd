using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member proposes a block trade (大宗协议) to a named counterparty's trading account: its side, price and quantity,
/// checked by <see cref="BlockTradeCheck"/> (at least 100 000 t, within ±30 % of the reference [UNCONFIRMED]). Nothing is
/// held yet: the counterparty's acceptance settles it delivery versus payment in one transaction, or refuses it.
/// Journalled as <c>exchange.block.proposed</c>. A member's trader may propose it for one of the member's clients (客户,
/// <paramref name="Account"/>): the client's account is the proposer's, and at the acceptance the client's cash or units
/// are held and settled, the client paying its fee, as for a client's order.
/// </summary>
/// <param name="Counterparty">The counterparty's trading account number.</param>
/// <param name="Account">The trading account it is for: null for the actor's organisation's own, or a client account of its member.</param>
public sealed record ProposeBlockTrade(string Instrument, Side Side, long Counterparty, long PriceFen, long Quantity, IdempotencyKey Key, long? Account = null)
    : IExchangeCommand
{
    /// <summary>The journal kind of a proposal.</summary>
    public const string Kind = "exchange.block.proposed";

    /// <summary>
    /// The request as typed: side <c>buy</c>/<c>sell</c> (the proposer's), price in yuan per tonne, quantity in tonnes;
    /// account empty for the organisation's own, or a client's trading account number.
    /// </summary>
    public sealed record Form(string? Instrument, string? Side, long? Counterparty, decimal? Price, long? Quantity, string? IdempotencyKey, long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ProposeBlockTrade? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var (instrument, side) = OrderEntry.InstrumentAndSide(read, form.Instrument, form.Side);
        if (form.Counterparty is not > 0)
        {
            read.Fail("counterparty", "Required", "counterparty: the counterparty's trading account number");
        }
        var price = OrderEntry.Price(read, form.Price);
        if (form.Price is null)
        {
            read.Fail("price", "Required", "price: a block trade needs a price in yuan per tonne");
        }
        var quantity = read.Quantity(form.Quantity, "quantity");
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid ? new ProposeBlockTrade(instrument, side, form.Counterparty!.Value, price!.Value, quantity.Value, key, form.Account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session.Exchange;
        var (entry, notEntered) = await work.EnterAsync(Instrument, Account).ConfigureAwait(false);
        if (entry is null)
        {
            return notEntered!;
        }
        var account = entry.Account;
        if (await work.RepeatAsync(s.FindBlockTradeAsync, Key, "block trade",
            e => (e.Instrument, e.ProposerSide, e.ProposerAccount, e.CounterpartyAccount, e.PriceFen, e.Quantity)
                == (Instrument, Side, account.Id, Counterparty, PriceFen, Quantity),
            e => new ExchangeOutcome.Completed(Kind, BlockTrade.Subject(e.Id), true, null, [], Block: e)).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }
        if (Counterparty == account.Id || await s.FindAccountAsync(Counterparty).ConfigureAwait(false) is not { Open: true })
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownCounterparty, "counterparty",
                $"trading account {Counterparty} is not an open trading account of another member", RefusalKind.Conflict);
        }
        if (await entry.CheckAsync(work, (instrument, halted, closed, now) => BlockTradeCheck.Check(instrument, halted, closed, now, PriceFen, Quantity))
            .ConfigureAwait(false) is { } refused)
        {
            return refused;
        }
        var block = await s.InsertBlockTradeAsync(new BlockTrade(0, Instrument, account.Id, work.Actor.UserName, Side, Counterparty, PriceFen,
            Quantity, BlockTradeStatus.Proposed, work.Now, work.Now, null, 0, 0, Key.Value)).ConfigureAwait(false);
        await work.JournalAsync(Kind, BlockTrade.Subject(block.Id), new
        {
            block = block.Id, instrument = Instrument, side = Side.ToString(), proposer = account.Id, counterparty = Counterparty,
            price = PriceFen, quantity = Quantity, key = Key.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, BlockTrade.Subject(block.Id), false, null, [], Block: block);
    }
}
