using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Demo;

/// <summary>
/// The demo exchange: GDEA-2017 listed at a reference price of <see cref="ReferencePriceFen"/> on the all-day demo
/// calendar, and trading accounts for two demo companies that hold GDEA-2017 and have demo cash (the power company and
/// the cement company), seeded through the exchange's use cases as the exchange's own staff. Demo figures.
/// </summary>
public sealed class DemoExchange(ExchangeService exchange, IStore store)
{
    /// <summary>16.09 yuan per tonne: the reserve of guangdong.md §1.6, used as a demo previous close (a demo figure).</summary>
    public const long ReferencePriceFen = 1_609;

    /// <summary>The demo companies with trading accounts: credit codes' first 17 characters and their holding accounts.</summary>
    public static IReadOnlyList<(string Company, string HoldingAccount)> Accounts { get; } =
        [("91440101MA5CY1001", "GD-HOLD-POWER"), ("91441800MA5CY1002", "GD-HOLD-CEMENT")];

    /// <summary>
    /// Seeds when nothing is listed yet, listing and opening the accounts at <paramref name="now"/> (the server passes
    /// <see cref="DemoTimeline.ExchangeOpens"/>: before the seeded trades the accounts take part in); true when it seeded.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if ((await store.ReadAsync(s => s.Exchange.InstrumentsAsync(), ct).ConfigureAwait(false)).Count > 0)
        {
            return false;
        }
        var actor = await DemoActors.FindAsync(store, DemoRegistry.ExchangeRepresentatives[0], ct).ConfigureAwait(false);
        Ensure(await exchange.HandleAsync(actor, new ListInstrument(Instrument.Gdea(2017, ReferencePriceFen, TradingCalendar.AllDay.Name)), now, ct)
            .ConfigureAwait(false));
        foreach (var (company, holding) in Accounts)
        {
            if (!OpenTradingAccount.TryParse(new(company + CreditCode.CheckCharacter(company), holding), out var open, out _))
            {
                throw new InvalidOperationException($"demo trading account {company} does not parse");
            }
            Ensure(await exchange.HandleAsync(actor, open, now, ct).ConfigureAwait(false));
        }
        return true;
    }

    private static void Ensure(ExchangeOutcome outcome)
    {
        if (outcome is not ExchangeOutcome.Completed)
        {
            throw new InvalidOperationException($"Demo exchange seeding was refused: {outcome}");
        }
    }
}
