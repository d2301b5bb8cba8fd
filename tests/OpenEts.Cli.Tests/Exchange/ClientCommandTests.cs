using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Application.Demo;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Exchange;

// `ets exchange client …` on the demo exchange: the power company, a member, opens a client account for the steel company,
// which the steel company confirms (or refuses) as the client; the member suspends and reinstates it, offers it to the cement company (declined, withdrawn, then accepted), and the cement company
// closes it; each refusal exits 1 naming its rule, a bad or missing account number exits 2.
public sealed partial class ClientCommandTests
{
    private const string SteelCode = "91440200MA5CY1003";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(RegistryDatabase db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await EtsCommand.RunAsync([.. args, "--db", db.Database], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // Returns the cement company's trading account number.
    private static async Task<(RegistryDatabase Db, string Cement)> ExchangeAsync()
    {
        var db = await RegistryDatabase.SqliteAsync();
        await using var store = await SqlStore.OpenAsync(db.Database, Ct);
        using var registry = new RegistryService(store);
        using var exchange = new ExchangeService(store, registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        Assert.True(await new DemoExchange(exchange, store).SeedIfEmptyAsync(DateTimeOffset.UtcNow, Ct));
        var cement = (await store.ReadAsync(s => s.Users.FindByNameAsync("cement-a"), Ct))!;
        var account = (await store.ReadAsync(s => s.Exchange.FindAccountOfAsync(cement.OrganisationId!.Value), Ct))!;
        return (db, account.Id.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"trading account (\d+): awaiting client, member \d+ \(exchange\.client\.opened\)")]
    private static partial Regex Opened();

    // The power company opens a client account for the steel company, awaiting its confirmation: the run and the account's number.
    private static async Task<((int Exit, string Out, string Err) Opened, string Account)> OpenSteelAsync(RegistryDatabase db)
    {
        var opened = await RunAsync(db, "exchange", "client", "open", "--client", SteelCode + CreditCode.CheckCharacter(SteelCode),
            "--holding-account", "GD-HOLD-STEEL", "--as", "power-a");
        return (opened, Opened().Match(opened.Out).Groups[1].Value);
    }

    [Fact]
    public async Task Client_OpenedSuspendedAndMovedByItsMember_EachStepPrintsTheAccountAndRefusalsNameTheirRule()
    {
        var (db, cement) = await ExchangeAsync();
        using var _db = db;

        var (opened, account) = await OpenSteelAsync(db);
        var beforeConfirm = await RunAsync(db, "exchange", "client", "suspend", "--account", account, "--as", "power-a");
        var confirmByMember = await RunAsync(db, "exchange", "client", "confirm", "--account", account, "--as", "power-a");
        var mandate = await RunAsync(db, "exchange", "client", "mandate", "--as", "steel-b");
        var confirmed = await RunAsync(db, "exchange", "client", "confirm", "--account", account, "--as", "steel-a");
        var listed = await RunAsync(db, "exchange", "client", "list", "--as", "power-a");
        var foreign = await RunAsync(db, "exchange", "client", "suspend", "--account", account, "--as", "cement-a");
        var suspended = await RunAsync(db, "exchange", "client", "suspend", "--account", account, "--reason", "KYC review", "--as", "power-a");
        var reinstated = await RunAsync(db, "exchange", "client", "reinstate", "--account", account, "--as", "power-a");
        var offered = await RunAsync(db, "exchange", "client", "offer", "--account", account, "--to-member", cement, "--as", "power-a");
        var waiting = await RunAsync(db, "exchange", "client", "offered", "--as", "cement-a");
        var declineByOfferer = await RunAsync(db, "exchange", "client", "decline", "--account", account, "--reason", "not ours to decline", "--as", "power-a");
        var declineWithoutReason = await RunAsync(db, "exchange", "client", "decline", "--account", account, "--as", "cement-a");
        var declined = await RunAsync(db, "exchange", "client", "decline", "--account", account, "--reason", "no capacity", "--as", "cement-a");
        var nothingToWithdraw = await RunAsync(db, "exchange", "client", "withdraw", "--account", account, "--as", "power-a");
        await RunAsync(db, "exchange", "client", "offer", "--account", account, "--to-member", cement, "--as", "power-a");
        var withdrawn = await RunAsync(db, "exchange", "client", "withdraw", "--account", account, "--as", "power-a");
        await RunAsync(db, "exchange", "client", "offer", "--account", account, "--to-member", cement, "--as", "power-a");
        var beforeTheClient = await RunAsync(db, "exchange", "client", "accept", "--account", account, "--as", "cement-a");
        var moveConfirmed = await RunAsync(db, "exchange", "client", "confirm-move", "--account", account, "--as", "steel-a");
        var accepted = await RunAsync(db, "exchange", "client", "accept", "--account", account, "--as", "cement-a");
        var closed = await RunAsync(db, "exchange", "client", "close", "--account", account, "--as", "cement-a");

        Assert.Equal(0, opened.Exit);
        Assert.NotEmpty(account);
        Assert.Equal(1, beforeConfirm.Exit);
        Assert.Contains("rule AwaitingClient", beforeConfirm.Err, StringComparison.Ordinal);
        Assert.Equal(1, confirmByMember.Exit);
        Assert.Contains("rule NotTheClient", confirmByMember.Err, StringComparison.Ordinal);
        Assert.Equal(0, mandate.Exit);
        Assert.Contains($"trading account {account}: awaiting client", mandate.Out, StringComparison.Ordinal);
        // Opened just now, in Beijing time to the second with its offset, as the pages show it.
        Assert.Matches(@", opened \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00(,|\n|$)", mandate.Out);
        Assert.Contains("珠江示范发电有限公司, holding account GD-HOLD-STEEL", mandate.Out, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.Exit);
        Assert.StartsWith($"trading account {account}: open, member ", confirmed.Out, StringComparison.Ordinal);
        Assert.Contains("(exchange.client.confirmed)", confirmed.Out, StringComparison.Ordinal);
        Assert.Equal(0, listed.Exit);
        Assert.Contains($"trading account {account}: open, member ", listed.Out, StringComparison.Ordinal);
        Assert.Contains("holding account GD-HOLD-STEEL", listed.Out, StringComparison.Ordinal);
        Assert.Equal(1, foreign.Exit);
        Assert.Contains("rule NotYourClient", foreign.Err, StringComparison.Ordinal);
        Assert.Equal((0, $"trading account {account}: suspended"), (suspended.Exit, suspended.Out[..suspended.Out.IndexOf(',', StringComparison.Ordinal)]));
        Assert.Equal(0, reinstated.Exit);
        Assert.StartsWith($"trading account {account}: open", reinstated.Out, StringComparison.Ordinal);
        Assert.Equal(0, offered.Exit);
        Assert.Contains($"move offered to {cement} (exchange.client.transfer.offered)", offered.Out, StringComparison.Ordinal);
        Assert.Contains($"trading account {account}: open", waiting.Out, StringComparison.Ordinal);
        Assert.Equal(1, declineByOfferer.Exit);
        Assert.Contains("rule NotOfferedMember", declineByOfferer.Err, StringComparison.Ordinal);
        Assert.Equal(2, declineWithoutReason.Exit);
        Assert.Contains("reason", declineWithoutReason.Err, StringComparison.Ordinal);
        Assert.Equal(0, declined.Exit);
        Assert.Contains("(exchange.client.transfer.declined)", declined.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("move offered", declined.Out, StringComparison.Ordinal);
        Assert.Equal(1, nothingToWithdraw.Exit);
        Assert.Contains("rule NoTransferOffer", nothingToWithdraw.Err, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.Exit);
        Assert.Contains("(exchange.client.transfer.withdrawn)", withdrawn.Out, StringComparison.Ordinal);
        Assert.Equal(1, beforeTheClient.Exit);
        Assert.Contains("rule ClientMoveUnconfirmed", beforeTheClient.Err, StringComparison.Ordinal);
        Assert.Equal(0, moveConfirmed.Exit);
        Assert.Contains($"move offered to {cement} (confirmed by the client) (exchange.client.transfer.confirmed)", moveConfirmed.Out, StringComparison.Ordinal);
        Assert.Equal(0, accepted.Exit);
        Assert.Contains($"member {cement} (exchange.client.transferred)", accepted.Out, StringComparison.Ordinal);
        Assert.Equal(0, closed.Exit);
        Assert.StartsWith($"trading account {account}: closed", closed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_RefusedByTheClient_IsDeletedAndNoMandateWaits()
    {
        var (db, _) = await ExchangeAsync();
        using var _db = db;

        var (_, account) = await OpenSteelAsync(db);
        var refused = await RunAsync(db, "exchange", "client", "refuse", "--account", account, "--as", "steel-b");
        var mandate = await RunAsync(db, "exchange", "client", "mandate", "--as", "steel-a");
        var listed = await RunAsync(db, "exchange", "client", "list", "--as", "power-a");
        var again = await RunAsync(db, "exchange", "client", "refuse", "--account", account, "--as", "steel-a");

        Assert.Equal((0, $"trading account {account}: deleted (exchange.client.declined)"), (refused.Exit, refused.Out.Trim()));
        Assert.Equal(1, mandate.Exit);
        Assert.Contains("no member's mandate", mandate.Err, StringComparison.Ordinal);
        Assert.Equal("no client accounts\n", listed.Out.ReplaceLineEndings("\n"));
        Assert.Equal(1, again.Exit);
        Assert.Contains("rule NotTheClient", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_WithoutOrWithABadAccountNumber_IsAUsageError()
    {
        var (db, _) = await ExchangeAsync();
        using var _db = db;

        var missing = await RunAsync(db, "exchange", "client", "suspend", "--as", "power-a");
        var zero = await RunAsync(db, "exchange", "client", "close", "--account", "0", "--as", "power-a");
        var noMember = await RunAsync(db, "exchange", "client", "offer", "--account", "5", "--to-member", "0", "--as", "power-a");
        var badCode = await RunAsync(db, "exchange", "client", "open", "--client", "not-a-code", "--holding-account", "GD-HOLD-STEEL", "--as", "power-a");

        Assert.Equal(2, missing.Exit);
        Assert.Equal(2, zero.Exit);
        Assert.Contains("account: a trading account's number is a whole number ≥ 1", zero.Err, StringComparison.Ordinal);
        Assert.Equal(2, noMember.Exit);
        Assert.Contains("toMember", noMember.Err, StringComparison.Ordinal);
        Assert.Equal(2, badCode.Exit);
        Assert.Contains("client: ", badCode.Err, StringComparison.Ordinal);
    }
}
