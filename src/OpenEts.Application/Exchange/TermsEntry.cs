using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>Where new terms enter the exchange: the listed instrument, its book, and the actor's open trading account with its organisation.</summary>
public sealed record TermsEntry(ListedInstrument Listed, OrderBook Book, TradingAccount Account, Organisation Organisation)
{
    /// <summary>
    /// The first rule the new terms break, as an outcome (<see cref="OrderEntry.Refused"/>), or null: <paramref name="check"/>
    /// is the domain's check of the terms, given the instrument, whether its book is halted, the last day its end of day
    /// closed, and now.
    /// </summary>
    public async Task<ExchangeOutcome.Refused?> CheckAsync(ExchangeWork work, Func<Instrument, bool, DateOnly?, DateTimeOffset, PreTradeRefusal?> check)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(check);
        var closed = await work.Session.Exchange.LastClosedDayAsync(Listed.Instrument.Code).ConfigureAwait(false);
        return check(Listed.Instrument, Book.IsHalted, closed, work.Now) is { } refusal ? OrderEntry.Refused(refusal) : null;
    }
}
