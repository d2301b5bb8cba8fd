using System.Globalization;
using OpenEts.Application.Cash;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Exchange;

// `ets exchange listing …` and `ets exchange block …` on the demo exchange (GDEA-2017 at 16.09, all-day calendar), the
// cement company with 2 000 000 yuan deposited.
public sealed class OffBookCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // Returns the cement company's trading account number.
    private static async Task<(RegistryDatabase Db, long Cement)> ExchangeAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(DateTimeOffset.UtcNow, Ct));
        var cement = (await store.ReadAsync(s => s.Users.FindByNameAsync("cement-a"), Ct))!;
        var regulator = (await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), Ct))!;
        var organisation = (await store.ReadAsync(s => s.Organisations.FindByIdAsync(cement.OrganisationId!.Value), Ct))!;
        Assert.IsType<CashCommandOutcome.Completed>(await new CashCommandHandler(store, TimeProvider.System).HandleAsync(
            new Actor(regulator.Id, regulator.UserName, regulator.Role, regulator.OrganisationId),
            new DepositCash(organisation.Code, Yuan.From(2_000_000m), "slip", IdempotencyKey.From("cli-dep")), Ct));
        var account = (await store.ReadAsync(s => s.Exchange.FindAccountOfAsync(organisation.Id), Ct))!;
        return (db, account.Id);
    }

    [Fact]
    public async Task Listing_PostPickListWithdraw_SettlesAndRefusesNamingTheRule()
    {
        var (db, _) = await ExchangeAsync();
        using var _db = db;

        var posted = await RunAsync(db, "exchange", "listing", "post", "--instrument", "GDEA-2017", "--side", "sell", "--price", "16.20",
            "--quantity", "1000", "--minimum", "100", "--as", "power-a");
        var small = await RunAsync(db, "exchange", "listing", "pick", "--listing", "1", "--quantity", "50", "--as", "cement-a");
        var picked = await RunAsync(db, "exchange", "listing", "pick", "--listing", "1", "--quantity", "400", "--key", "cli-pick", "--as", "cement-a");
        var again = await RunAsync(db, "exchange", "listing", "pick", "--listing", "1", "--quantity", "400", "--key", "cli-pick", "--as", "cement-a");
        var listed = await RunAsync(db, "exchange", "listing", "list", "--as", "power-a");
        var withdrawn = await RunAsync(db, "exchange", "listing", "withdraw", "--listing", "1", "--as", "power-a");
        var usage = await RunAsync(db, "exchange", "listing", "pick", "--as", "cement-a");

        Assert.Equal(0, posted.Exit);
        Assert.Contains("listing 1 GDEA-2017 sell at 16.20: open, 1000 t left of 1000 t, minimum take 100 t", posted.Out, StringComparison.Ordinal);
        Assert.Equal(1, small.Exit);
        Assert.Contains("rule MinimumTake", small.Err, StringComparison.Ordinal);
        Assert.Equal(0, picked.Exit);
        Assert.Contains("listing trade 1 of listing 1: 400 t at 16.20 yuan", picked.Out, StringComparison.Ordinal);
        // The same key again answers with the first pick and takes nothing more: 600 t are still left.
        Assert.Equal((0, picked.Out), (again.Exit, again.Out));
        Assert.Contains("600 t left of 1000 t, minimum take 100 t (yours)", listed.Out, StringComparison.Ordinal);
        Assert.Contains("listing trade 1 of listing 1", listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.Exit);
        Assert.Contains("withdrawn, 600 t left", withdrawn.Out, StringComparison.Ordinal);
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Lists_WithNothingToList_SayThereIsNoneInOneLine()
    {
        var (db, _) = await ExchangeAsync();
        using var _db = db;

        var blocks = await RunAsync(db, "exchange", "block", "list", "--as", "cement-a");
        var listings = await RunAsync(db, "exchange", "listing", "list", "--as", "cement-a");
        var auctions = await RunAsync(db, "exchange", "auction", "list", "--as", "cement-a");
        var clients = await RunAsync(db, "exchange", "client", "list", "--as", "power-a");
        var offered = await RunAsync(db, "exchange", "client", "offered", "--as", "cement-a");

        Assert.Equal((0, "no block trades\n"), (blocks.Exit, blocks.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "no open listings and no listing trades\n"), (listings.Exit, listings.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "no auctions\n"), (auctions.Exit, auctions.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "no client accounts\n"), (clients.Exit, clients.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "no client accounts offered to your organisation\n"), (offered.Exit, offered.Out.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Block_ProposeAcceptList_SettlesAndAWaitingOneIsDeclined()
    {
        var (db, cement) = await ExchangeAsync();
        using var _db = db;
        var counterparty = cement.ToString(CultureInfo.InvariantCulture);

        var proposed = await RunAsync(db, "exchange", "block", "propose", "--instrument", "GDEA-2017", "--side", "sell", "--counterparty", counterparty,
            "--price", "16.09", "--quantity", "100000", "--as", "power-a");
        var byProposer = await RunAsync(db, "exchange", "block", "accept", "--block", "1", "--as", "power-a");
        var accepted = await RunAsync(db, "exchange", "block", "accept", "--block", "1", "--as", "cement-a");
        var second = await RunAsync(db, "exchange", "block", "propose", "--instrument", "GDEA-2017", "--side", "sell", "--counterparty", counterparty,
            "--price", "16.09", "--quantity", "100000", "--as", "power-a");
        var declined = await RunAsync(db, "exchange", "block", "decline", "--block", "2", "--as", "cement-a");
        var listed = await RunAsync(db, "exchange", "block", "list", "--as", "cement-a");

        Assert.Equal(0, proposed.Exit);
        Assert.Contains($" sells 100000 t at 16.09 yuan to {counterparty}: proposed", proposed.Out, StringComparison.Ordinal);
        Assert.Equal(1, byProposer.Exit);
        Assert.Contains("rule UnknownProposal", byProposer.Err, StringComparison.Ordinal);
        Assert.Equal(0, accepted.Exit);
        Assert.Contains(": settled", accepted.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Equal(0, declined.Exit);
        Assert.Contains(": declined", declined.Out, StringComparison.Ordinal);
        Assert.Equal(2, listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Block_ProposedForAClient_NamesTheClientsAccountAndIsListedUnderIt()
    {
        var (db, cement) = await ExchangeAsync();
        using var _db = db;
        var counterparty = cement.ToString(CultureInfo.InvariantCulture);
        var opened = await RunAsync(db, "exchange", "client", "open", "--client", SteelCode + CreditCode.CheckCharacter(SteelCode),
            "--holding-account", "GD-HOLD-STEEL", "--as", "power-a");
        var client = System.Text.RegularExpressions.Regex.Match(opened.Out, @"trading account (\d+): awaiting client").Groups[1].Value;
        Assert.Equal(0, (await RunAsync(db, "exchange", "client", "confirm", "--account", client, "--as", "steel-a")).Exit);

        var proposed = await RunAsync(db, "exchange", "block", "propose", "--instrument", "GDEA-2017", "--side", "sell", "--counterparty", counterparty,
            "--price", "16.09", "--quantity", "100000", "--account", client, "--as", "power-a");
        var accepted = await RunAsync(db, "exchange", "block", "accept", "--block", "1", "--as", "cement-a");
        var forClient = await RunAsync(db, "exchange", "block", "list", "--account", client, "--as", "power-b");
        var own = await RunAsync(db, "exchange", "block", "list", "--as", "power-b");
        var badAccount = await RunAsync(db, "exchange", "block", "propose", "--instrument", "GDEA-2017", "--side", "sell", "--counterparty", counterparty,
            "--price", "16.09", "--quantity", "100000", "--account", "0", "--as", "power-a");

        Assert.Equal(0, opened.Exit);
        Assert.Equal(0, proposed.Exit);
        Assert.Contains($"block trade 1 GDEA-2017: {client} sells 100000 t at 16.09 yuan to {counterparty}: proposed", proposed.Out, StringComparison.Ordinal);
        Assert.Equal(0, accepted.Exit);
        Assert.Contains($"block trade 1 GDEA-2017: {client} sells 100000 t at 16.09 yuan to {counterparty}: settled", forClient.Out, StringComparison.Ordinal);
        Assert.Equal("no block trades\n", own.Out.ReplaceLineEndings("\n"));
        Assert.Equal(2, badAccount.Exit);
        Assert.Contains("account", badAccount.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_PostedForAClientPickedAndWithdrawnByItsMember_NamesTheClientsAccount()
    {
        var (db, cement) = await ExchangeAsync();
        using var _db = db;
        var opened = await RunAsync(db, "exchange", "client", "open", "--client", SteelCode + CreditCode.CheckCharacter(SteelCode),
            "--holding-account", "GD-HOLD-STEEL", "--as", "power-a");
        var client = System.Text.RegularExpressions.Regex.Match(opened.Out, @"trading account (\d+): awaiting client").Groups[1].Value;
        Assert.Equal(0, (await RunAsync(db, "exchange", "client", "confirm", "--account", client, "--as", "steel-a")).Exit);

        var posted = await RunAsync(db, "exchange", "listing", "post", "--instrument", "GDEA-2017", "--side", "sell", "--price", "16.20",
            "--quantity", "1000", "--account", client, "--as", "power-a");
        var picked = await RunAsync(db, "exchange", "listing", "pick", "--listing", "1", "--quantity", "400", "--as", "cement-a");
        var forClient = await RunAsync(db, "exchange", "listing", "list", "--account", client, "--as", "power-b");
        var own = await RunAsync(db, "exchange", "listing", "list", "--as", "power-b");
        var withdrawn = await RunAsync(db, "exchange", "listing", "withdraw", "--listing", "1", "--as", "power-b");

        Assert.Equal((0, 0, 0), (posted.Exit, picked.Exit, withdrawn.Exit));
        Assert.Contains($"buyer {cement}, seller {client}, settled", picked.Out, StringComparison.Ordinal);
        Assert.Matches(@"listing 1 GDEA-2017 sell at 16\.20: open, 600 t left of 1000 t, minimum take \d+ t \(yours\)", forClient.Out);
        Assert.Contains($"seller {client}", forClient.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(yours)", own.Out, StringComparison.Ordinal);
        Assert.Contains("withdrawn, 600 t left", withdrawn.Out, StringComparison.Ordinal);
    }

    private const string SteelCode = "91440200MA5CY1003";
}
