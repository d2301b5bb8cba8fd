using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// A member's clients (客户): the member opens client accounts and lists them; its traders place orders for a client with
// the order's account, and read a client's orders, trades and position with ?account=.
internal static partial class ExchangeEndpoints
{
    private static void MapClients(RouteGroupBuilder group)
    {
        group.MapPost("/clients", OpenClientAsync).RequireAuthorization(Traders)
            .WithSummary("Open a client account (客户开户) for your organisation as a member: the client's credit code (a covered company or an "
                + "investor without a trading account) and its own registry holding account; the client's cash account is the client's");
        group.MapGet("/clients", ClientsAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's client accounts as a member, by number");
    }

    /// <summary>A client account to open: the client's credit code and its registry holding account.</summary>
    public sealed record ClientInput(string? Client, string? HoldingAccount);

    /// <summary>A member's client account: its trading account number, the client, its holding account.</summary>
    public sealed record ClientView(long Account, string Client, string Name, string HoldingAccount, bool Open, DateTimeOffset OpenedAt);

    private static async Task<ExchangeCommandResult> OpenClientAsync(
        ClientInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        OpenClientAccount.TryParse(new(input.Client, input.HoldingAccount), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Ok<List<ClientView>>> ClientsAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ClientsAsync(http.User.Actor(), ct).ConfigureAwait(false))
            .Select(c => new ClientView(c.Account.Id, c.Code.Value, c.Name, c.Account.HoldingAccount.Value, c.Account.Open, c.Account.OpenedAt)).ToList());
}
