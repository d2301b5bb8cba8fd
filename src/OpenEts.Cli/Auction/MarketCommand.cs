using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Auction;

/// <summary>
/// <c>ets cash balance|deposit|withdraw …</c> and <c>ets auction list|show|announce|bid|close|withdraw …</c>: parse → call the cash
/// and auction use cases as the <c>--as</c> user → map the outcome (exit 0 done, 1 refused, 2 usage).
/// </summary>
internal static class MarketCommand
{
    private static Option<string> Db() => new("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };

    private static Option<string> As() => new("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };

    private static Option<string?> Key() => new("--key") { Description = "idempotency key (a fresh one when omitted)", HelpName = "KEY" };

    /// <summary>The <c>cash</c> command.</summary>
    public static Command BuildCash()
    {
        var db = Db();
        var who = As();
        var organisation = new Argument<string>("ORG") { Description = "the organisation's unified social credit code" };
        var page = new Option<int?>("--page") { Description = "the page of movements, 1 the newest (50 a page)", HelpName = "N" };
        var balance = new Verb("balance", "An organisation's cash: balance, reserved, available and its movements, newest first, each with the balance after it.",
            "ets cash balance ORG --as USER [--page N] [--db DB]", organisation, who, page, db);
        balance.SetAction((r, ct) => RunAsync(r, db, who, async (c, actor) =>
        {
            if (r.GetValue(page) is < 1)
            {
                return await c.UsageAsync(["--page: a page number is 1 or more (1 is the newest movements)"]).ConfigureAwait(false);
            }
            if (CreditCode.Parse(r.GetRequiredValue(organisation)) is not { Success: true } code
                || await new CashQueries(c.Store).StatementAsync(actor, code.Code, (r.GetValue(page) ?? 1) - 1, ct).ConfigureAwait(false) is not { } s)
            {
                return await c.FailAsync("refused: ORG: no such organisation, or you may not see its cash").ConfigureAwait(false);
            }
            await c.Out.WriteLineAsync(Invariant($"{s.Organisation.Name} {s.Organisation.Code.Value}: balance {s.Balance:0.00}, reserved {s.Reserved:0.00}, available {s.Available:0.00} yuan")).ConfigureAwait(false);
            for (var i = 0; i < s.Entries.Count; i++)
            {
                var e = s.Entries[i];
                var sign = s.Incoming(e) ? "+" : "-";
                await c.Out.WriteLineAsync(Invariant($"  {CliText.Time(e.At)}  {s.KindOf(e),-10}  {sign}{e.Amount}  balance after {s.BalanceAfter(i):0.00}  {e.Reference}")).ConfigureAwait(false);
            }
            await c.Out.WriteLineAsync(Invariant($"movements: page {s.Page + 1} of {s.Pages}{(s.Page + 1 > s.Pages ? " (past the last: no movements)" : "")}")).ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));

        var amount = new Argument<decimal>("AMOUNT") { Description = "yuan, exact to the fen" };
        var reference = new Option<string>("--reference") { Description = "the bank slip or note", HelpName = "TEXT", Required = true };
        var key = Key();
        var deposit = new Verb("deposit", "Record money a member paid in (入金), from the bank's confirmation.",
            "ets cash deposit ORG AMOUNT --reference TEXT --as USER [--key KEY] [--db DB]", organisation, amount, reference, who, key, db);
        deposit.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) =>
            DepositCash.TryParse(new(r.GetRequiredValue(organisation), r.GetValue(amount), r.GetValue(reference), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var command, out var errors)
                ? SendAsync(c, new CashCommandHandler(c.Store, TimeProvider.System).HandleAsync(actor, command, ct),
                    d => Invariant($"deposited {r.GetValue(amount):0.00} yuan for {r.GetRequiredValue(organisation)} ({r.GetValue(reference)}): cash movement {d.Id}"))
                : c.UsageAsync(errors.Select(e => e.Message)), ct));
        var withdraw = new Verb("withdraw", "Record money paid out to a member (出金) from its available cash.",
            "ets cash withdraw ORG AMOUNT --reference TEXT --as USER [--key KEY] [--db DB]", organisation, amount, reference, who, key, db);
        withdraw.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) =>
            WithdrawCash.TryParse(new(r.GetRequiredValue(organisation), r.GetValue(amount), r.GetValue(reference), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var command, out var errors)
                ? SendAsync(c, new CashCommandHandler(c.Store, TimeProvider.System).HandleAsync(actor, command, ct),
                    d => Invariant($"withdrew {r.GetValue(amount):0.00} yuan for {r.GetRequiredValue(organisation)} ({r.GetValue(reference)}): cash movement {d.Id}"))
                : c.UsageAsync(errors.Select(e => e.Message)), ct));
        return new Command("cash", "Members' cash accounts (资金).") { balance, deposit, withdraw };
    }

    /// <summary>The <c>auction</c> command.</summary>
    public static Command BuildAuction()
    {
        var db = Db();
        var list = new Verb("list", "Every auction: class, volume, window, reserve, status, clearing price.", "ets auction list [--db DB]", db);
        list.SetAction((r, ct) => RunAsync(r, db, null, async (c, _) =>
        {
            await CliText.WriteListAsync(c.Out, [.. (await new AuctionQueries(c.Store).ListAsync(ct).ConfigureAwait(false)).Select(a => Invariant(
                $"{Terms(a)}  clearing {a.ClearingPrice?.ToString() ?? "-"}  sold {a.SoldTonnes?.ToString(CultureInfo.InvariantCulture) ?? "-"}"))],
                "no auctions").ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));

        var who = As();
        var key = Key();
        var id = new Argument<long>("ID") { Description = "the auction's number" };
        var account = new Argument<string>("ACCOUNT") { Description = "your holding account the allowances go to" };
        var tonnes = new Argument<long>("TONNES") { Description = "whole tonnes" };
        var price = new Argument<decimal>("PRICE") { Description = "yuan per tonne, exact to the fen" };
        var bid = new Verb("bid", "Place a sealed bid; it holds TONNES × PRICE of your cash and cannot be withdrawn.",
            "ets auction bid ID ACCOUNT TONNES PRICE --as USER [--key KEY] [--db DB]", id, account, tonnes, price, who, key, db);
        bid.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) =>
            PlaceBid.TryParse(new(r.GetValue(id), r.GetRequiredValue(account), r.GetValue(tonnes), r.GetValue(price), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var command, out var errors)
                ? AuctionAsync(c, a => a.BidAsync(actor, command, ct),
                    d => Invariant($"bid {d.Id} placed in auction {r.GetValue(id)}: {r.GetValue(tonnes)} t at {r.GetValue(price):0.00} yuan, for {r.GetRequiredValue(account)}; {r.GetValue(tonnes) * r.GetValue(price):0.00} yuan of your cash is held until the close"))
                : c.UsageAsync(errors.Select(e => e.Message)), ct));

        var show = new Verb("show", "One auction's terms and, once closed, its published results: clearing price, sold, unsold, bidders, winners, proceeds.",
            "ets auction show ID [--db DB]", id, db);
        show.SetAction((r, ct) => RunAsync(r, db, null, async (c, _) =>
        {
            if (await new AuctionQueries(c.Store).DetailAsync(null, r.GetValue(id), ct).ConfigureAwait(false) is not { } detail)
            {
                return await c.FailAsync($"refused: auction: there is no auction {r.GetValue(id)} (rule NotFound)").ConfigureAwait(false);
            }
            var a = detail.Auction;
            await c.Out.WriteLineAsync(Terms(a)).ConfigureAwait(false);
            if (detail.Results is { } x)
            {
                await c.Out.WriteLineAsync(Invariant(
                    $"clearing {x.ClearingPrice?.ToString(CultureInfo.InvariantCulture) ?? "-"}  sold {x.SoldTonnes} t  unsold {x.UnsoldTonnes} t  bidders {x.Bidders}  winners {x.Winners}  proceeds {x.Proceeds} yuan  {(x.Delivered ? "settled" : "delivering")}"))
                    .ConfigureAwait(false);
            }
            return ExitCode.Ok;
        }, ct));

        var close = new Verb("close", "Clear an auction and settle it on the exchange, delivery versus payment, all or nothing.",
            "ets auction close ID --as USER [--db DB]", id, who, db);
        close.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) => AuctionAsync(c, a => a.CloseAsync(actor, r.GetValue(id), ct),
            d => Invariant($"auction {d.Id} closed ({d.Event}); 'ets auction show {d.Id}' prints its results")), ct));

        var reason = new Option<string>("--reason") { Description = "why the auction is withdrawn" };
        var withdraw = new Verb("withdraw", "Withdraw an auction not yet closed (撤销拍卖): every bid's cash is released; it then takes no bid and is not closed.",
            "ets auction withdraw ID --as USER [--reason TEXT] [--db DB]", id, reason, who, db);
        withdraw.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) =>
            AuctionAsync(c, a => a.WithdrawAsync(actor, new WithdrawAuction(r.GetValue(id), r.GetValue(reason)), ct),
                d => Invariant($"auction {d.Id} withdrawn: every bid's cash is released")), ct));

        var unitClass = new Argument<string>("CLASS") { Description = "the unit class offered, e.g. GDEA-2017" };
        var volume = new Argument<long>("VOLUME") { Description = "tonnes offered" };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "the plan's jurisdiction", DefaultValueFactory = _ => "guangdong" };
        var year = new Option<int>("--year") { Description = "the plan year", Required = true };
        var opens = new Option<string>("--opens") { Description = "ISO 8601 with offset", Required = true };
        var closes = new Option<string>("--closes") { Description = "ISO 8601 with offset", Required = true };
        var months = new Option<string[]>("--month")
        {
            Description = "a month's figures: yyyy-MM:PRICE (average rule) or yyyy-MM:TURNOVER:VOLUME (weighted rule); repeat",
            AllowMultipleArgumentsPerToken = false,
        };
        var announce = new Verb("announce", "Announce an auction; the reserve is computed by the approved plan's rule from --month figures.",
            "ets auction announce CLASS VOLUME --year Y --opens T --closes T --month yyyy-MM:… [--jurisdiction J] --as USER [--key KEY] [--db DB]",
            unitClass, volume, year, opens, closes, months, jurisdiction, who, key, db);
        announce.SetAction((r, ct) => RunAsync(r, db, who, (c, actor) =>
            AnnounceAuction.TryParse(new(r.GetValue(jurisdiction), r.GetValue(year), r.GetRequiredValue(unitClass), r.GetValue(volume),
                r.GetValue(opens), r.GetValue(closes), [.. (r.GetValue(months) ?? []).Select(Month)], r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var command, out var errors)
                ? AuctionAsync(c, a => a.AnnounceAsync(actor, command, ct),
                    d => Invariant($"auction {d.Id} announced: {r.GetValue(volume)} t of {r.GetRequiredValue(unitClass)}; 'ets auction show {d.Id}' prints its terms"))
                : c.UsageAsync(errors.Select(e => e.Message)), ct));
        return new Command("auction", "Allowance auctions (有偿发放).") { list, show, announce, bid, close, withdraw };
    }

    private static AnnounceAuction.MonthForm Month(string text)
    {
        var parts = text.Split(':');
        static decimal? Number(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        return parts.Length == 2 ? new(parts[0], Number(parts[1]), null, null)
            : parts.Length == 3 ? new(parts[0], null, Number(parts[1]), (long?)Number(parts[2]))
            : new(text, null, null, null);
    }

    // The CLI has no approved-plan service of its own here: it reads the plan through the allocation queries on the same store.
    // An auction closes on the exchange (its one settlement path), which the CLI runs in-process like `ets exchange`.
    private static async Task<int> AuctionAsync(RegistryContext c, Func<AuctionService, Task<CashCommandOutcome>> send,
        Func<CashCommandOutcome.Completed, string> done)
    {
        using var exchange = Exchange.ExchangeVerb.Open(c);
        var auctions = new AuctionService(new CashCommandHandler(c.Store, TimeProvider.System), exchange, TimeProvider.System,
            new RegistryQueries(c.Registry),
            new PlanAuctionRules(new Application.Allocation.AllocationQueries(c.Store, new Application.Mrv.MrvQueries(c.Store),
                new Application.Organisations.OrganisationService(c.Store))));
        return await SendAsync(c, send(auctions), done).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(ParseResult r, Option<string> db, Option<string>? who,
        Func<RegistryContext, Application.Identity.Actor, Task<int>> work, CancellationToken ct)
    {
        await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
        if (context is null)
        {
            return ExitCode.Usage;
        }
        var actor = Application.Identity.Actor.System;
        if (who is not null)
        {
            var name = r.GetRequiredValue(who);
            if (await context.ActorAsync(name, ct).ConfigureAwait(false) is not { } found)
            {
                return await context.FailAsync($"refused: --as: there is no platform user '{name}' (rule UnknownUser)").ConfigureAwait(false);
            }
            actor = found;
        }
        return await work(context, actor).ConfigureAwait(false);
    }

    // How a cash or auction request ended: what it did in words on stdout (0), a refusal with its rule on stderr (1), a
    // malformed request with the usage (2).
    private static async Task<int> SendAsync(RegistryContext c, Task<CashCommandOutcome> running, Func<CashCommandOutcome.Completed, string> describe)
    {
        switch (await running.ConfigureAwait(false))
        {
            case CashCommandOutcome.Completed done:
                await c.Out.WriteLineAsync(describe(done) + (done.Duplicate ? " (already done with this key; nothing changed)" : "")).ConfigureAwait(false);
                return ExitCode.Ok;
            case CashCommandOutcome.Refused { Kind: RefusalKind.Malformed } m:
                return await c.UsageAsync([$"{m.Field}: {m.Message} (rule {m.Rule})"]).ConfigureAwait(false);
            case CashCommandOutcome.Refused refused:
                return await c.FailAsync($"refused: {refused.Field}: {refused.Message} (rule {refused.Rule})").ConfigureAwait(false);
            case CashCommandOutcome.NotFound n:
                return await c.FailAsync($"refused: {n.Field}: there is no such {n.Field}, or you may not see it (rule NotFound)").ConfigureAwait(false);
            case CashCommandOutcome.Forbidden f:
                return await c.FailAsync($"refused: --as: this needs {string.Join(" or ", f.Allowed)} (rule NotPermitted)").ConfigureAwait(false);
            case CashCommandOutcome.Invalid i:
                return await c.FailAsync("refused: " + string.Join("; ", i.Errors.Select(e => $"{e.Message} (rule {e.Rule})"))).ConfigureAwait(false);
            default:
                throw new UnreachableException();
        }
    }

    // One auction's terms, its window in Beijing time to the second with the offset.
    private static string Terms(AuctionRecord a) => Invariant(
        $"{a.Id}  {a.Class}  {a.VolumeTonnes} t  {CliText.Time(a.OpensAt)} – {CliText.Time(a.ClosesAt)}  reserve {a.Reserve}  {CliText.Words(a.Status)}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
