using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trader cancels the open remainder of one of their organisation's orders (撤单), also while the instrument is halted.
/// A buy's cash reservation is released; a sell's cancelled units go back from the clearing account to its holding account.
/// A member's trader cancels its clients' orders too.
/// </summary>
public sealed record CancelOrder(long Order) : IExchangeCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? Order);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out CancelOrder? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.Order is not > 0)
        {
            read.Fail("order", "Required", "order: an order number is a whole number ≥ 1");
        }
        command = read.IsValid ? new CancelOrder(form.Order!.Value) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var (account, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        if (await s.Exchange.FindOrderAsync(Order).ConfigureAwait(false) is not { } order || !await work.ActsForAsync(account!, order.AccountId).ConfigureAwait(false)
            || order.Status != OrderStatus.Open)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownOrder, "order", $"order {Order} is not an open order of yours or your clients'",
                RefusalKind.Conflict);
        }
        order = await CancelRestingAsync(work, order, "Cancelled").ConfigureAwait(false);
        return new ExchangeOutcome.Completed(ExchangeInput.Cancelled, PlaceOrder.Subject(order.Id), false, order, []);
    }

    /// <summary>
    /// Cancels an open order's remainder through its book (journalled as the book's input) and releases what it held; the
    /// order is stored with <paramref name="reason"/> (<c>Cancelled</c>, or <c>AccountSuspended</c> when its account was suspended).
    /// </summary>
    internal static async Task<ExchangeOrder> CancelRestingAsync(ExchangeWork work, ExchangeOrder order, string reason)
    {
        var listed = await work.FindInstrumentAsync(order.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {order.Id} names an unlisted instrument");
        var input = new ExchangeInput(order.Instrument, order.Id, order.AccountId, null, null, null, 0, work.Actor.UserName, null, null);
        var (outcome, _) = await work.SubmitAsync(ExchangeInput.Cancelled, PlaceOrder.Subject(order.Id), input).ConfigureAwait(false);
        if (!outcome.IsAccepted)
        {
            throw new ExchangeRefusalException(ExchangeWork.EngineRefusal(outcome));
        }
        order = order with
        {
            Resting = 0, Cancelled = order.Cancelled + outcome.Cancelled, Status = OrderStatus.Cancelled, Reason = reason, UpdatedAt = work.Now,
        };
        await work.FinishAsync(listed, order, outcome.Cancelled).ConfigureAwait(false);
        return order;
    }
}
