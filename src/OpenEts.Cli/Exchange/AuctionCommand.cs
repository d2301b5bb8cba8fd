using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange auction announce|bid|withdraw|close|list|show</c>: one-way auctions (单向竞价) through
/// <see cref="AnnounceOneWayAuction"/>, <see cref="PlaceOneWayBid"/>, <see cref="WithdrawOneWayBid"/> and
/// <see cref="CloseOneWayAuction"/>, and the exchange's queries: exit 0 with the auction (and its bids), 1 refused with the
/// rule named (or no such auction to show), 2 usage.
/// </summary>
internal static class AuctionCommand
{
    public static Command Build()
    {
        var db = ExchangeVerb.Db();
        var who = ExchangeVerb.As();
        var instrument = ExchangeVerb.Instrument();
        var quantity = new Option<long?>("--quantity") { Description = "tonnes offered", HelpName = "Q", Required = true };
        var reserve = new Option<decimal?>("--reserve") { Description = "the reserve (floor) price, yuan per tonne", HelpName = "P", Required = true };
        var minimum = new Option<long?>("--minimum") { Description = "the smallest bid in tonnes (default one lot)", HelpName = "M" };
        var opens = new Option<string?>("--opens") { Description = "when bidding opens, ISO 8601 (no offset: Beijing time; default now)", HelpName = "T" };
        var closes = new Option<string?>("--closes") { Description = "when bidding closes, ISO 8601 (no offset: Beijing time)", HelpName = "T", Required = true };
        var pricing = new Option<string?>("--pricing") { Description = "uniform (default, unconfirmed) or payAsBid", HelpName = "RULE" };
        var key = ExchangeVerb.Key();
        var seller = ExchangeVerb.ClientAccount("the client's trading account that sells (default your organisation's own)");
        var announce = new Verb("announce", "Announce a one-way auction as the seller, or for a client: its units go to the clearing account until the close.",
            "ets exchange auction announce --instrument CODE --quantity Q --reserve P [--minimum M] [--opens T] --closes T [--pricing uniform|payAsBid] [--account N] [--key KEY] --as USER [--db DB]",
            instrument, quantity, reserve, minimum, opens, closes, pricing, seller, key, who, db);
        announce.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            AnnounceOneWayAuction.TryParse(new(r.GetValue(instrument), r.GetValue(quantity), r.GetValue(reserve), r.GetValue(minimum), r.GetValue(opens),
                r.GetValue(closes), r.GetValue(pricing), ExchangeVerb.KeyOf(r, key), r.GetValue(seller)), out var command, out var errors) ? command : null,
                errors, PrintAsync, ct));

        var auction = AuctionOption();
        var price = ExchangeVerb.Price();
        var bidQuantity = new Option<long?>("--quantity") { Description = "tonnes", HelpName = "Q", Required = true };
        var bidKey = ExchangeVerb.Key();
        var bidder = ExchangeVerb.ClientAccount("the client's trading account the bid is for (default your organisation's own)");
        var bid = new Verb("bid", "Bid inside the window, for your own account or a client's: value + the maximum fee of the cash is reserved until the close.",
            "ets exchange auction bid --auction N --price P --quantity Q [--account N] [--key KEY] --as USER [--db DB]", auction, price, bidQuantity, bidder,
            bidKey, who, db);
        bid.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            PlaceOneWayBid.TryParse(new(r.GetValue(auction), r.GetValue(price), r.GetValue(bidQuantity), ExchangeVerb.KeyOf(r, bidKey), r.GetValue(bidder)),
                out var command, out var errors) ? command : null, errors, PrintAsync, ct));

        var bidId = new Option<long?>("--bid") { Description = "the bid number", HelpName = "N", Required = true };
        var withdraw = new Verb("withdraw", "Withdraw one of your open bids before the window closes: its cash is released.",
            "ets exchange auction withdraw --bid N --as USER [--db DB]", bidId, who, db);
        withdraw.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who, new WithdrawOneWayBid(r.GetValue(bidId) ?? 0), [], PrintAsync, ct));

        var closeId = AuctionOption();
        var close = new Verb("close", "Close an auction whose window has ended (the exchange's staff): clear, settle the winners, release the rest.",
            "ets exchange auction close --auction N --as USER [--db DB]", closeId, who, db);
        close.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who, new CloseOneWayAuction(r.GetValue(closeId) ?? 0), [], PrintAsync, ct));

        var list = new Verb("list", "The latest auctions, newest first, with their results and the bids you may see.",
            "ets exchange auction list --as USER [--db DB]", who, db);
        list.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, db, who, async (c, actor, queries) =>
            await CliText.WriteListAsync(c.Out,
                [.. (await queries.AuctionsWithBidsAsync(actor, ct).ConfigureAwait(false)).SelectMany(x => Lines(x.Auction, x.Bids))], "no auctions")
                .ConfigureAwait(false), ct));

        var showId = AuctionOption();
        var show = new Verb("show", "One auction with its result and the bids you may see.", "ets exchange auction show --auction N --as USER [--db DB]",
            showId, who, db);
        show.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, db, who, async (c, actor, queries) =>
        {
            if (await queries.AuctionAsync(actor, r.GetValue(showId) ?? 0, ct).ConfigureAwait(false) is not { } found)
            {
                return await c.FailAsync(Invariant($"refused: auction: there is no auction {r.GetValue(showId)} you may see (rule UnknownAuction)"))
                    .ConfigureAwait(false);
            }
            await PrintAsync(c, found.Auction, found.Bids).ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));
        return new Command("auction", "One-way auctions (单向竞价): announce, bid, withdraw a bid, close, list, show.")
        {
            announce, bid, withdraw, close, list, show,
        };
    }

    private static Option<long?> AuctionOption() => new("--auction") { Description = "the auction number", HelpName = "N", Required = true };

    private static Task PrintAsync(RegistryContext c, ExchangeOutcome.Completed done) =>
        done.Auction is { } a ? PrintAsync(c, a, done.AuctionBids ?? []) : Task.CompletedTask;

    private static async Task PrintAsync(RegistryContext c, OneWayAuction a, IReadOnlyList<OneWayBid> bids)
    {
        foreach (var line in Lines(a, bids))
        {
            await c.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> Lines(OneWayAuction a, IReadOnlyList<OneWayBid> bids) => [Line(a), .. bids.Select(Bid)];

    private static string Line(OneWayAuction a) => Invariant(
        $"auction {a.Id} {a.Instrument}: {a.Terms.Quantity} t, reserve {Yuan.FromFen(a.Terms.ReservePriceFen)}, minimum bid {a.Terms.MinimumBid} t, {CliText.Words(a.Terms.Pricing)}, closes {CliText.Time(a.Terms.Closes)}: {CliText.Words(a.Status)}")
        + (a.Status == OneWayAuctionStatus.Cleared
            ? Invariant($", sold {a.Sold} t") + (a.ClearingPriceFen is { } p ? Invariant($" at {Yuan.FromFen(p)}") : "")
            : "");

    private static string Bid(OneWayBid b) => Invariant(
        $"  bid {b.Id}: {b.Quantity} t at {Yuan.FromFen(b.PriceFen)}, {CliText.Words(b.Status)}")
        + (b.Won > 0 ? Invariant($", won {b.Won} t at {Yuan.FromFen(b.PaidPriceFen ?? 0)}, fee {Yuan.FromFen(b.BuyerFeeFen)}, settled") : "");
}
