using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What every command that puts an order's terms to the exchange shares (a new order, an amend, a block trade, a listing):
/// reading a price typed in yuan, the pre-trade checks with the instrument's closed day, and holding the buyer's cash or the
/// seller's units for the terms.
/// </summary>
public static class OrderEntry
{
    /// <summary>The highest price a form accepts, in yuan per tonne.</summary>
    public const decimal MaxPriceYuan = 1_000_000m;

    /// <summary>
    /// Checks the trading account a form names for a command (an order, a block trade, a listing, a pick): empty for the
    /// organisation's own, else a whole number ≥ 1 (whose the account is, the command checks).
    /// </summary>
    public static void ReadAccount(FieldReader read, long? account)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (account is <= 0)
        {
            read.Fail("account", "Required", "account: a trading account number is a whole number ≥ 1 (empty for your own)");
        }
    }

    /// <summary>Reads the instrument's code (required) and the side (<c>buy</c>/<c>sell</c>) a form typed.</summary>
    public static (string Instrument, Side Side) InstrumentAndSide(FieldReader read, string? instrument, string? side)
    {
        ArgumentNullException.ThrowIfNull(read);
        var code = FieldReader.Text(instrument);
        if (code.Length == 0)
        {
            read.Fail("instrument", "Required", "instrument: the instrument's code, e.g. GDEA-2017");
        }
        return (code, read.Choice(side, "side", Side.Buy, Side.Sell));
    }

    /// <summary>Reads a price typed in yuan per tonne into fen; null when empty (the caller decides whether that is allowed).</summary>
    public static long? Price(FieldReader read, decimal? yuan, string field = "price")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (yuan is not { } value)
        {
            return null;
        }
        if (value <= 0 || decimal.Round(value, 2) != value || value > MaxPriceYuan)
        {
            read.Fail(field, "Price", field + ": yuan per tonne, positive, at most two decimals");
            return null;
        }
        return Yuan.From(value).Fen;
    }

    /// <summary>
    /// The pre-trade checks on <paramref name="terms"/> (<see cref="PreTradeCheck"/>), including the day its end of day
    /// closed for the instrument; null when they pass.
    /// </summary>
    public static async Task<ExchangeOutcome.Refused?> CheckAsync(ExchangeWork work, ListedInstrument listed, bool halted, OrderTerms terms)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(listed);
        var closed = await work.LastClosedDayAsync(listed.Instrument.Code).ConfigureAwait(false);
        // The book's settings when they are the instrument's (they are, but for a moment after its figures change): an
        // order's check then makes no settings of its own.
        var settings = work.Book(listed.Instrument.Code) is { } book && listed.Instrument.IsStatedBy(book.Settings)
            ? book.Settings
            : listed.Instrument.Settings();
        return PreTradeCheck.Check(listed.Instrument, settings, halted, closed, work.Now, terms) is { } refusal ? Refused(refusal) : null;
    }

    /// <summary>A pre-trade refusal as an outcome: the state of the market (halt, closed day, hours) is a conflict, the terms malformed.</summary>
    public static ExchangeOutcome.Refused Refused(PreTradeRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Rule, refusal.Field, refusal.Message,
            refusal.Rule is ExchangeRule.InstrumentHalted or ExchangeRule.TradingHours or ExchangeRule.DayClosed ? RefusalKind.Conflict : RefusalKind.Malformed)
        {
            Figures = refusal.Figures,
        };
    }

    /// <summary>
    /// Reserves value + the maximum fee of <paramref name="organisation"/>'s cash for a buy worth <paramref name="valueFen"/>
    /// (<c>cash.reserved</c>); the reservation's id, or the <c>InsufficientCash</c> refusal.
    /// </summary>
    public static async Task<(long? Reservation, ExchangeOutcome.Refused? Refused)> ReserveCashAsync(
        ExchangeWork work, Organisation organisation, long valueFen, string subject, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(organisation);
        var held = Held(work, valueFen);
        var (made, refused) = Reserved(organisation, held, await work.Cash.ReserveAsync(organisation, held, subject, key).ConfigureAwait(false));
        return (made?.Id, refused);
    }

    /// <summary>
    /// Reserves a new order's cash as <see cref="ReserveCashAsync"/> does, for the order numbered in this transaction, whose
    /// own <c>exchange.order.placed</c> entry records the reservation and the yuan it holds
    /// (<see cref="CashLedger.ReserveInCallersEntryAsync"/>: no look-up of the new key, no entry of its own).
    /// </summary>
    public static async Task<(CashReservation? Reservation, ExchangeOutcome.Refused? Refused)> ReserveNewOrdersCashAsync(
        ExchangeWork work, Organisation organisation, long valueFen, string subject, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(organisation);
        var held = Held(work, valueFen);
        return Reserved(organisation, held, await work.Cash.ReserveInCallersEntryAsync(organisation, held, subject, key).ConfigureAwait(false));
    }

    private static Yuan Held(ExchangeWork work, long valueFen) => Yuan.FromFen(checked(valueFen + work.Options.Fees.MaxFeeFen(valueFen)));

    private static (CashReservation? Reservation, ExchangeOutcome.Refused? Refused) Reserved(Organisation organisation, Yuan held, CashResult result) =>
        result switch
        {
            CashResult.Done { Reservation: { } made } => (made, null),
            CashResult.Done => (null, null),
            _ => (null, OrderEntry.Refused(PreTradeRefusal.Of(ExchangeRule.InsufficientCash, "quantity",
                $"{organisation.Name} has less than {held} yuan available (price × quantity + the maximum fee)")) with { Kind = RefusalKind.Conflict }),
        };

    /// <summary>
    /// Moves <paramref name="quantity"/> units of the instrument's class from <paramref name="account"/>'s holding account
    /// into the exchange's clearing account, where they can be neither transferred nor surrendered; null, or the refusal.
    /// Every sell (an order, an amend raising one, a listing, a pick of a buy listing, a block trade, a one-way auction)
    /// comes here, so the T+1 resale restriction (<see cref="ResaleCheck"/>, <c>ResaleNextDay</c>) is checked here first.
    /// The registry sees <paramref name="userName"/> (default: the actor) as the account's representative moving them.
    /// </summary>
    public static async Task<ExchangeOutcome.Refused?> HoldUnitsAsync(ExchangeWork work, TradingAccount account, ListedInstrument listed, long quantity,
        IdempotencyKey key, string reference, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.Instrument.ResaleNextDay)
        {
            var day = BeijingTime.TradingDay(work.Now);
            var bought = await work.Session.Exchange.BoughtAsync(account.Id, listed.Instrument.Code, BeijingTime.StartOf(day),
                BeijingTime.StartOf(day.AddDays(1))).ConfigureAwait(false);
            var held = work.RegistryRead(l => l.QuantityHeld(account.HoldingAccount, listed.Instrument.Class).Value);
            if (ResaleCheck.Check(listed.Instrument, held, bought, quantity, day) is { } resale)
            {
                return Refused(resale) with { Kind = RefusalKind.Conflict };
            }
        }
        return HoldUnits(work, account, listed, quantity, key, reference, userName);
    }

    private static ExchangeOutcome.Refused? HoldUnits(ExchangeWork work, TradingAccount account, ListedInstrument listed, long quantity,
        IdempotencyKey key, string reference, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(listed);
        return work.Registry(l => l.Clear(RegistryService.UserOf(userName ?? work.Actor.UserName), work.Now, key, account.HoldingAccount,
            work.Options.ClearingAccount, listed.Instrument.Class, quantity, reference, ExchangeWork.Mandate(account))) is RegistryOutcome.Rejected r
            ? r.Reason switch
            {
                // The registry's figures: the holding account, its role in the move, the tonnes it holds free, the class and the tonnes asked.
                RegistryRejection.InsufficientHoldings => new(ExchangeRule.InsufficientUnits, "quantity", r.Message, RefusalKind.Conflict) { Figures = r.Figures },
                RegistryRejection.NotRepresentative => new(ExchangeRule.NotAccountHolder, "actor", r.Message, RefusalKind.Forbidden),
                _ => new(ExchangeRule.AccountState, "actor", r.Message, RefusalKind.Conflict),
            }
            : null;
    }

    /// <summary>The value of <paramref name="quantity"/> tonnes at <paramref name="priceFen"/>, in fen (checked).</summary>
    public static long Value(long priceFen, long quantity) => checked(priceFen * quantity);

}
