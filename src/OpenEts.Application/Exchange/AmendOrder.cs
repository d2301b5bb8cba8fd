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
        var price = OrderEntry.Price(read, form.Price);
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
        var (own, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        var unknown = new ExchangeOutcome.Refused(ExchangeRule.UnknownOrder, "order", $"order {Order} is not an open order of yours or your clients'",
            RefusalKind.Conflict);
        if (await s.Exchange.FindOrderAsync(Order).ConfigureAwait(false) is not { } order || !await work.ActsForAsync(own!, order.AccountId).ConfigureAwait(false))
        {
            return unknown;
        }
        // The order's own account (the member's, or its client's) holds the cash and units.
        var (account, organisation) = await work.OrganisationOfAsync(order.AccountId).ConfigureAwait(false);
        var listed = await work.FindInstrumentAsync(order.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {Order} names an unlisted instrument");
        // An order of a closed day expired with it: say why it can no longer change, rather than only that it is gone.
        if (await work.DayClosedAsync(order.Instrument).ConfigureAwait(false) is { } closed)
        {
            return closed;
        }
        if (order.Status != OrderStatus.Open || order.PriceFen is not { } oldPrice)
        {
            return unknown;
        }
        var book = work.Book(order.Instrument) ?? throw new InvalidOperationException($"{order.Instrument} has no book");
        var price = PriceFen ?? oldPrice;
        if (await OrderEntry.CheckAsync(work, listed, book.IsHalted, new OrderTerms(order.Side, OrderType.Limit, price, Quantity)).ConfigureAwait(false)
            is { } refusal)
        {
            return refusal;
        }
        var subject = PlaceOrder.Subject(order.Id);
        var reservation = order.ReservationId;
        var stamp = Guid.NewGuid().ToString("N");
        if (order.Side == Side.Buy)
        {
            // The new terms' reservation replaces the old one; the money the old one held is free again first.
            if (reservation is { } old && await work.Cash.ReleaseAsync(organisation, old).ConfigureAwait(false) is CashResult.Refused released)
            {
                throw new InvalidOperationException($"order {order.Id}'s reservation could not be released: {released.Message}");
            }
            var (made, noCash) = await OrderEntry.ReserveCashAsync(work, organisation, OrderEntry.Value(price, Quantity), subject,
                ExchangeWork.Key($"exchange/order/{order.Id}/cash/{stamp}")).ConfigureAwait(false);
            reservation = made ?? throw new ExchangeRefusalException(noCash ?? throw new InvalidOperationException("a reservation of nothing"));
        }
        else if (Quantity > order.Resting && await OrderEntry.HoldUnitsAsync(work, account, listed, Quantity - order.Resting,
            ExchangeWork.Key($"exchange/order/{order.Id}/reserve/{stamp}"), subject + "/reserve").ConfigureAwait(false) is { } noUnits)
        {
            return noUnits;
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
