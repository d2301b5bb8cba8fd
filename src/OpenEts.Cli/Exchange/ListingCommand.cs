using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Cash;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange listing post|pick|withdraw|list</c>: click-on-listing (挂牌点选) for a member's trader through
/// <see cref="PostListing"/>, <see cref="PickListing"/> and <see cref="WithdrawListing"/>: exit 0 with the listing (and
/// the settled trade of a pick), 1 refused with the rule named, 2 usage.
/// </summary>
internal static class ListingCommand
{
    public static Command Build()
    {
        var (db, who, instrument, side, price, quantity, key) = TermsOptions.Create("buy or sell", "tonnes");
        var minimum = new Option<long?>("--minimum") { Description = "the smallest pick in tonnes (default one lot)", HelpName = "M" };
        var postAccount = ExchangeVerb.ClientAccount("the client's trading account the listing is for (default your organisation's own)");
        var post = new Verb("post", "List a lot, for your own account or a client's: its units or cash are frozen until it is picked, withdrawn or the day ends.",
            "ets exchange listing post --instrument CODE --side buy|sell --price P --quantity Q [--minimum M] [--account N] [--key KEY] --as USER [--db DB]",
            instrument, side, price, quantity, minimum, postAccount, key, who, db);
        post.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            PostListing.TryParse(new(r.GetValue(instrument), r.GetValue(side), r.GetValue(price), r.GetValue(quantity), r.GetValue(minimum),
                ExchangeVerb.KeyOf(r, key), r.GetValue(postAccount)), out var command, out var errors) ? command : null, errors, PrintAsync, ct));

        var id = new Option<long?>("--listing") { Description = "the listing number", HelpName = "N", Required = true };
        var take = new Option<long?>("--quantity") { Description = "tonnes to take (default all that is left)", HelpName = "Q" };
        var pickKey = ExchangeVerb.Key();
        var pickAccount = ExchangeVerb.ClientAccount("the client's trading account the pick is for (default your organisation's own)");
        var pick = new Verb("pick", "Pick the best-priced listing of a side at its price, all or part, for your own account or a client's; it settles delivery versus payment at once.",
            "ets exchange listing pick --listing N [--quantity Q] [--account N] [--key KEY] --as USER [--db DB]", id, take, pickAccount, pickKey, who, db);
        pick.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            PickListing.TryParse(new(r.GetValue(id), r.GetValue(take), ExchangeVerb.KeyOf(r, pickKey), r.GetValue(pickAccount)), out var command,
                out var errors) ? command : null, errors, PrintAsync, ct));

        var withdrawId = new Option<long?>("--listing") { Description = "the listing number", HelpName = "N", Required = true };
        var withdraw = new Verb("withdraw", "Withdraw what is left of one of your listings or your clients': its units or cash come back.",
            "ets exchange listing withdraw --listing N --as USER [--db DB]", withdrawId, who, db);
        withdraw.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who, new WithdrawListing(r.GetValue(withdrawId) ?? 0), [], PrintAsync, ct));

        var listAccount = ExchangeVerb.ClientAccount("one of your clients' trading accounts: its listings marked and its listing trades (default your organisation's own)");
        var list = new Verb("list", "Every open listing (yours marked), then your listing trades.", "ets exchange listing list [--account N] --as USER [--db DB]",
            listAccount, who, db);
        list.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, db, who, async (c, actor, queries) =>
        {
            var account = await queries.ReadableAccountAsync(actor, r.GetValue(listAccount), ct).ConfigureAwait(false);
            var listings = (await queries.OpenListingsAsync(actor, ct).ConfigureAwait(false)).Select(l => Line(l) + (l.AccountId == account?.Id ? " (yours)" : ""));
            var trades = (account is null ? [] : await queries.MyListingTradesAsync(actor, account.Id, ct).ConfigureAwait(false)).Select(Trade);
            await CliText.WriteListAsync(c.Out, [.. listings, .. trades], "no open listings and no listing trades").ConfigureAwait(false);
        }, ct));
        return new Command("listing", "Click-on-listing (挂牌点选): list a lot, pick the best listing, withdraw.") { post, pick, withdraw, list };
    }

    private static async Task PrintAsync(RegistryContext c, ExchangeOutcome.Completed done)
    {
        if (done.Listing is { } l)
        {
            await c.Out.WriteLineAsync(Line(l)).ConfigureAwait(false);
        }
        if (done.ListingTrade is { } t)
        {
            await c.Out.WriteLineAsync(Trade(t)).ConfigureAwait(false);
        }
    }

    private static string Line(ExchangeListing l) => Invariant(
        $"listing {l.Id} {l.Instrument} {l.Side.ToString().ToLowerInvariant()} at {Yuan.FromFen(l.PriceFen)}: {CliText.Words(l.Status)}, {l.Left} t left of {l.Quantity} t, minimum take {l.MinimumTake} t");

    private static string Trade(ListingTrade t) => Invariant(
        $"listing trade {t.Id} of listing {t.Listing}: {t.Quantity} t at {Yuan.FromFen(t.PriceFen)} yuan, buyer {t.BuyAccount}, seller {t.SellAccount}, settled");
}
