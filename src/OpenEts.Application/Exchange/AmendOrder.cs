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
/// A trader changes the price and/or the open quantity of one of their organisation's resting limit orders (改单), with
/// the engine's semantics (docs/matching.md, Amend): the same price and a lower or equal quantity keeps time priority; a
/// new price or a higher quantity re-enters the order at the back of its level, where it may trade at once. The order's
/// <c>Cancelled</c> grows by the amend's reduction (old open − new open, 0 when raised) plus any remainder self-trade
/// prevention cancelled.
/// </summary>
/// <remarks>
/// What the order holds follows its new terms: a buy's cash reservation is replaced by one for new price × new open
/// quantity + the maximum fee (refused as <c>InsufficientCash</c> when the cash is not there, before anything changes); a
/// sell moves the extra units into clearing when raised, and the cancelled units back when lowered.
/// </remarks>
/// <param name="Order">The order number.</param>
/// <param name="PriceFen">The new limit in fen per tonne; null keeps the price.</param>
/// <param name="Quantity">The new open quantity in tonnes.</param>
public sealed record AmendOrder(long Order, long? PriceFen, long Quantity) : IExchangeCommand
{
    /// <summary>The request as typed: price in yuan per tonne (empty keeps it), quantity the new open tonnes.</summary>
    public sealed record Form(long? Order, decimal? Price, long? Quantity);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AmendOrder? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Order is not > 0)
        {
            read.Fail("order", "Required", "order: an order number is a whole number ≥ 1");
        }
        long? price = null;
        if (form.Price is { } yuan)
        {
            if (yuan <= 0 || decimal.Round(yuan, 2) != yuan || yuan > 1_000_000m)
            {
                read.Fail("price", "Price", "price: yuan per tonne, positive, at most two decimals");
            }
            else
            {
                price = Yuan.From(yuan).Fen;
            }
        }
        var quantity = read.Quantity(form.Quantity, "quantity");
        command = read.IsValid ? new AmendOrder(form.Order!.Value, price, quantity.Value) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>The journal kind of an amend: an input to the book.</summary>
    public const string Kind = ExchangeInput.Amended;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var (account, organisation, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        if (await s.Exchange.FindOrderAsync(Order).ConfigureAwait(false) is not { } order || order.AccountId != account!.Id
            || order.Status != OrderStatus.Open || order.PriceFen is not { } oldPrice)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownOrder, "order", $"order {Order} is not an open order of yours", RefusalKind.Conflict);
        }
        var listed = await s.Exchange.FindInstrumentAsync(order.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {Order} names an unlisted instrument");
        var book = work.Book(order.Instrument) ?? throw new InvalidOperationException($"{order.Instrument} has no book");
        var price = PriceFen ?? oldPrice;
        if (PreTradeCheck.Check(listed.Instrument, book.IsHalted, work.Now, new OrderTerms(order.Side, OrderType.Limit, price, Quantity)) is { } refusal)
        {
            return new ExchangeOutcome.Refused(refusal.Rule, refusal.Field, refusal.Message,
                refusal.Rule is ExchangeRule.InstrumentHalted or ExchangeRule.TradingHours ? RefusalKind.Conflict : RefusalKind.Malformed);
        }
        var subject = PlaceOrder.Subject(order.Id);
        var reservation = order.ReservationId;
        var stamp = Guid.NewGuid().ToString("N");
        if (order.Side == Side.Buy)
        {
            // The new terms' reservation replaces the old one; the money the old one held is free again first.
            if (reservation is { } old && await work.Cash.ReleaseAsync(organisation!, old).ConfigureAwait(false) is CashResult.Refused released)
            {
                throw new InvalidOperationException($"order {order.Id}'s reservation could not be released: {released.Message}");
            }
            var value = checked(price * Quantity);
            var held = Yuan.FromFen(checked(value + work.Options.Fees.MaxFeeFen(value)));
            switch (await work.Cash.ReserveAsync(organisation!, held, subject, ExchangeWork.Key($"exchange/order/{order.Id}/cash/{stamp}")).ConfigureAwait(false))
            {
                case CashResult.Done { Reservation: { } made }:
                    reservation = made.Id;
                    break;
                default:
                    throw new ExchangeRefusalException(new ExchangeOutcome.Refused(ExchangeRule.InsufficientCash, "quantity",
                        $"{organisation!.Name} has less than {held} yuan available (price × quantity + the maximum fee)", RefusalKind.Conflict));
            }
        }
        else if (Quantity > order.Resting && work.Registry(l => l.Clear(RegistryService.UserOf(work.Actor.UserName), work.Now,
            ExchangeWork.Key($"exchange/order/{order.Id}/reserve/{stamp}"), account.HoldingAccount, work.Options.ClearingAccount,
            listed.Instrument.Class, Quantity - order.Resting, subject + "/reserve")) is RegistryOutcome.Rejected r)
        {
            return new ExchangeOutcome.Refused(r.Reason == RegistryRejection.InsufficientHoldings ? ExchangeRule.InsufficientUnits : ExchangeRule.AccountState,
                "quantity", r.Message, RefusalKind.Conflict);
        }
        var input = new ExchangeInput(order.Instrument, order.Id, order.AccountId, null, null, price, Quantity, work.Actor.UserName, reservation, null);
        var (outcome, trades) = await work.SubmitAsync(ExchangeInput.Amended, subject, input).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            throw new ExchangeRefusalException(ExchangeWork.EngineRefusal(outcome));
        }
        order = order with { PriceFen = price, ReservationId = reservation, UpdatedAt = work.Now };
        await s.Exchange.SaveOrderTermsAsync(order).ConfigureAwait(false);
        var settled = await work.SettleAsync(listed, trades, order.Id).ConfigureAwait(false);
        var filled = order.Filled + outcome.Filled;
        var cancelled = order.Cancelled + outcome.Cancelled;
        order = order with
        {
            Filled = filled, Resting = outcome.Resting, Cancelled = cancelled, Quantity = filled + outcome.Resting + cancelled,
            Status = outcome.Resting > 0 ? OrderStatus.Open : cancelled == 0 ? OrderStatus.Filled : OrderStatus.Cancelled,
            Reason = outcome.Reason == Reason.None ? order.Reason : outcome.Reason.ToString(),
        };
        await s.Exchange.SaveOrderTermsAsync(order).ConfigureAwait(false);
        if (order.Status == OrderStatus.Open)
        {
            await s.Exchange.SaveOrderAsync(order).ConfigureAwait(false);
            if (order.Side == Side.Sell && outcome.Cancelled > 0)
            {
                await work.ReturnUnitsAsync(listed, order, outcome.Cancelled, $"amend/{stamp}").ConfigureAwait(false);
            }
        }
        else
        {
            await work.FinishAsync(listed, order, outcome.Cancelled).ConfigureAwait(false);
        }
        return new ExchangeOutcome.Completed(ExchangeInput.Amended, subject, false, order, settled);
    }
}
