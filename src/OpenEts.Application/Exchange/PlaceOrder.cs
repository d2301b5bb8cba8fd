using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trader places an order on an instrument for their organisation's trading account (委托). The pre-trade checks run
/// first (<see cref="PreTradeCheck"/>: halt, hours, price, tick, band, lot, maximum size); then a buy reserves price ×
/// quantity plus the maximum fee of the organisation's cash (a market buy at the band's upper edge), and a sell moves the
/// units from its holding account into the exchange's clearing account, where they can be neither transferred nor
/// surrendered. The order is journalled (the input journal), matched, and its trades settled, all in one transaction.
/// A member's trader may place it for one of the member's clients (客户, <paramref name="Account"/>): the client's cash
/// and units are held, the trades settle into the client's holding and cash accounts, and the client pays the fees.
/// </summary>
/// <param name="Account">The trading account it is for: null for the actor's organisation's own, or a client account of its member.</param>
public sealed record PlaceOrder(string Instrument, Side Side, OrderType Type, long? PriceFen, long Quantity, IdempotencyKey Key, long? Account = null)
    : IExchangeCommand
{
    /// <summary>
    /// The request as typed: side <c>buy</c>/<c>sell</c>, type <c>limit</c> (default), <c>market</c>, <c>ioc</c>, <c>fok</c>;
    /// price in yuan per tonne; account empty for the organisation's own, or a client's trading account number.
    /// </summary>
    public sealed record Form(string? Instrument, string? Side, string? Type, decimal? Price, long? Quantity, string? IdempotencyKey, long? Account = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out PlaceOrder? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var (instrument, side) = OrderEntry.InstrumentAndSide(read, form.Instrument, form.Side);
        var type = string.IsNullOrWhiteSpace(form.Type) ? OrderType.Limit
            : read.Choice(form.Type, "type", OrderType.Limit, OrderType.Market, OrderType.Ioc, OrderType.Fok);
        var price = OrderEntry.Price(read, form.Price);
        if (form.Price is null && type != OrderType.Market)
        {
            read.Fail("price", "Required", "price: a limit, IOC or FOK order needs a price in yuan per tonne");
        }
        var quantity = read.Quantity(form.Quantity, "quantity");
        var key = read.Key(form.IdempotencyKey);
        OrderEntry.ReadAccount(read, form.Account);
        command = read.IsValid ? new PlaceOrder(instrument, side, type, price, quantity.Value, key, form.Account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var (entry, notEntered) = await work.EnterAsync(Instrument, Account).ConfigureAwait(false);
        if (entry is null)
        {
            return notEntered!;
        }
        var (listed, book, account) = (entry.Listed, entry.Book, entry.Account);
        var organisation = entry.Organisation;
        if (await s.Exchange.FindOrderAsync(work.Actor.UserName, Key.Value).ConfigureAwait(false) is { } earlier)
        {
            return earlier.Instrument == Instrument && earlier.Side == Side && earlier.Type == Type && earlier.PriceFen == PriceFen
                && earlier.Quantity == Quantity && earlier.AccountId == account.Id
                ? new ExchangeOutcome.Completed(ExchangeInput.Placed, Subject(earlier.Id), true, earlier, [])
                : new ExchangeOutcome.Refused(ExchangeRule.KeyReused, "idempotencyKey",
                    $"the idempotency key '{Key.Value}' was used for a different order", RefusalKind.Conflict);
        }
        if (await OrderEntry.CheckAsync(work, listed, book.IsHalted, new OrderTerms(Side, Type, PriceFen, Quantity)).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }
        var (lastOrder, _) = await work.LastNumbersAsync().ConfigureAwait(false);
        var id = lastOrder + 1;
        var subject = Subject(id);
        long? reservation = null;
        decimal? reserved = null;
        if (Side == Side.Buy)
        {
            // The order's number is new in this transaction, and so is its reservation's key; this order's own entry
            // records the reservation.
            var (made, noCash) = await OrderEntry.ReserveNewOrdersCashAsync(work, organisation!,
                OrderEntry.Value(PriceFen ?? book.Settings.UpperBandFen, Quantity), subject, CashKey(id)).ConfigureAwait(false);
            if (noCash is not null)
            {
                return noCash;
            }
            (reservation, reserved) = (made?.Id, made?.Original.Value);
        }
        else
        {
            // The hold's key and reference are both the order's subject and /reserve (exchange/order/N/reserve).
            var hold = subject + "/reserve";
            if (await OrderEntry.HoldUnitsAsync(work, account, listed, Quantity, IdempotencyKey.From(hold), hold).ConfigureAwait(false) is { } noUnits)
            {
                return noUnits;
            }
        }
        var input = new ExchangeInput(Instrument, id, account.Id, Side.ToString(), Type.ToString(), PriceFen, Quantity, work.Actor.UserName,
            reservation, Key.Value) { Reserved = reserved };
        var (outcome, trades) = await work.SubmitAsync(ExchangeInput.Placed, subject, input).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            throw new ExchangeRefusalException(ExchangeWork.EngineRefusal(outcome));
        }
        var status = outcome.Resting > 0 ? OrderStatus.Open : outcome.Filled == Quantity ? OrderStatus.Filled : OrderStatus.Cancelled;
        var reason = outcome.Reason == Reason.None ? null : outcome.Reason.ToString();
        if (trades.Length == 0 && status == OrderStatus.Open)
        {
            // It rests without trading: stored once, as it stands.
            var resting = Order(work, id, account.Id, reservation, outcome.Filled, outcome.Resting, outcome.Cancelled, status, reason);
            await work.InsertOrderAsync(resting).ConfigureAwait(false);
            return new ExchangeOutcome.Completed(ExchangeInput.Placed, subject, false, resting, []);
        }
        // Settlement reads the order as it was placed.
        var order = Order(work, id, account.Id, reservation, 0, 0, 0, OrderStatus.Open, null);
        await work.InsertOrderAsync(order).ConfigureAwait(false);
        var settled = await work.SettleAsync(listed, trades, id).ConfigureAwait(false);
        order = order with { Filled = outcome.Filled, Resting = outcome.Resting, Cancelled = outcome.Cancelled, Status = status, Reason = reason };
        if (order.Status == OrderStatus.Open)
        {
            await s.Exchange.SaveOrderAsync(order).ConfigureAwait(false);
        }
        else
        {
            await work.FinishAsync(listed, order).ConfigureAwait(false);
        }
        return new ExchangeOutcome.Completed(ExchangeInput.Placed, subject, false, order, settled);
    }

    // The order as stored, placed now by the actor under this command's key.
    private ExchangeOrder Order(ExchangeWork work, long id, long account, long? reservation, long filled, long resting, long cancelled,
        OrderStatus status, string? reason) =>
        new(id, Instrument, account, work.Actor.UserName, Side, Type, PriceFen, Quantity, filled, resting, cancelled, status, reason, reservation,
            work.Now, work.Now, Key.Value);

    /// <summary>The idempotency key of a buy order's cash reservation: <c>exchange/order/12/cash</c>.</summary>
    public static IdempotencyKey CashKey(long order) =>
        IdempotencyKey.From(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"exchange/order/{order}/cash"));

    /// <summary>The journal subject and cash reference of an order: <c>exchange/order/12</c>.</summary>
    public static string Subject(long order) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"exchange/order/{order}");
}
