using OpenEts.Application.Storage;

namespace OpenEts.Application.Exchange;

// Why an instrument is halted, who halted it and when: read from the journal, where every halt is an input to its book.
public sealed partial class ExchangeQueries
{
    /// <summary>
    /// Each halted instrument's halt (<see cref="InstrumentHalt"/>), by code: the newest halt journalled for it. Public, as
    /// the halt itself is; a page for the public shows the reason and the time, the exchange's pages also who halted it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, InstrumentHalt>> HaltsAsync(CancellationToken ct) =>
        await store.ReadAsync(async s =>
        {
            var halts = new Dictionary<string, InstrumentHalt>();
            foreach (var listed in (await s.Exchange.InstrumentsAsync().ConfigureAwait(false)).Where(l => l.Halted))
            {
                var code = listed.Instrument.Code;
                // The halt is the newest halt among the instrument's entries: nothing but cancels is journalled while halted.
                if (await s.Journal.PageAsync(new JournalFilter(code, KindPrefix: ExchangeInput.Halted), 0, 1).ConfigureAwait(false) is [var entry, ..])
                {
                    var user = await s.Users.FindByNameAsync(entry.Actor).ConfigureAwait(false);
                    var reason = ExchangeInput.FromJson(entry.Payload).Key;
                    halts[code] = new InstrumentHalt(code, entry.At, entry.Actor, user?.DisplayName ?? entry.Actor,
                        string.IsNullOrWhiteSpace(reason) ? null : reason);
                }
            }
            return (IReadOnlyDictionary<string, InstrumentHalt>)halts;
        }, ct).ConfigureAwait(false);
}
