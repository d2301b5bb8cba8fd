using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// The regulator's account administration and corrections, and the holders' voluntary cancellation.
internal static partial class RegistryEndpoints
{
    private static void MapAdmin(RouteGroupBuilder group)
    {
        var holders = new AuthorizeAttribute { Roles = Access.RegistryHolders };
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapPost("/accounts", OpenAccountAsync).RequireAuthorization(regulator)
            .WithSummary("Open a holding, investor or clearing account for two or more platform users as representatives");
        group.MapPost("/accounts/{account}/block", BlockAsync).RequireAuthorization(regulator)
            .WithSummary("Block (freeze) an open account: the holder can no longer send units out; surrender still works");
        group.MapPost("/accounts/{account}/unblock", UnblockAsync).RequireAuthorization(regulator)
            .WithSummary("Unblock a blocked account");
        group.MapPost("/accounts/{account}/close", CloseAsync).RequireAuthorization(regulator)
            .WithSummary("Close an open or blocked account that holds nothing");
        group.MapPost("/accounts/{account}/representatives", AddRepresentativeAsync).RequireAuthorization(regulator)
            .WithSummary("Make a platform user an authorised representative of an account");
        group.MapPost("/accounts/{account}/representatives/remove", RemoveRepresentativeAsync).RequireAuthorization(regulator)
            .WithSummary("Remove an authorised representative, keeping at least two");
        group.MapPost("/cancellations", CancelAsync).RequireAuthorization(holders)
            .WithSummary("Voluntarily cancel units from a holding or investor account you represent");
        group.MapPost("/corrections", CorrectAsync).RequireAuthorization(regulator)
            .WithSummary("Move units between accounts by regulator's correction: a quantity (lowest serials) or exact serials, with a reason");
    }

    public sealed record OpenAccountInput(
        string? Number, string? Kind, string? HolderName, IReadOnlyList<string?>? Representatives, string? IdempotencyKey);

    public sealed record AccountStateInput(string? Reason, string? IdempotencyKey);

    public sealed record RepresentativeInput(string? User, string? IdempotencyKey);

    public sealed record CancellationInput(string? From, string? Class, long Quantity, string? Reason, string? IdempotencyKey);

    public sealed record SerialsInput(long First, long Last);

    public sealed record CorrectionInput(
        string? From, string? To, string? Class, long? Quantity, SerialsInput? Serials, string? Reason, string? IdempotencyKey);

    private delegate RegistryOutcome StateRequest(
        RegistryLedger ledger, UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, string reason);

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> OpenAccountAsync(
        OpenAccountInput input, HttpContext http, RegistryService registry, IStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var number = Account(input.Number, "number", errors);
        var kind = Kind(input.Kind, errors);
        var representatives = await PlatformUsersAsync(input.Representatives ?? [], "representatives", store, errors, ct)
            .ConfigureAwait(false);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        var holderName = input.HolderName?.Trim() ?? "";
        return AdminResult(await registry.ExecuteAsync(now, l => l.OpenAccount(actor, now, key, number, kind, holderName,
            representatives), ct).ConfigureAwait(false));
    }

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> BlockAsync(
        string account, AccountStateInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct) =>
        ChangeStateAsync(account, input, http, registry, clock, (l, actor, now, key, number, reason) =>
            l.BlockAccount(actor, now, key, number, reason), ct);

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> UnblockAsync(
        string account, AccountStateInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct) =>
        ChangeStateAsync(account, input, http, registry, clock, (l, actor, now, key, number, reason) =>
            l.UnblockAccount(actor, now, key, number, reason), ct);

    private static Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        string account, AccountStateInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct) =>
        ChangeStateAsync(account, input, http, registry, clock, (l, actor, now, key, number, reason) =>
            l.CloseAccount(actor, now, key, number, reason), ct);

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> ChangeStateAsync(
        string account, AccountStateInput input, HttpContext http, RegistryService registry, TimeProvider clock,
        StateRequest request, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var number = Account(account, "account", errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        var reason = input.Reason ?? "";
        return AdminResult(await registry.ExecuteAsync(now, l => request(l, actor, now, key, number, reason), ct)
            .ConfigureAwait(false), numberField: "account");
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> AddRepresentativeAsync(
        string account, RepresentativeInput input, HttpContext http, RegistryService registry, IStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var number = Account(account, "account", errors);
        var users = await PlatformUsersAsync([input.User], "user", store, errors, ct).ConfigureAwait(false);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return AdminResult(await registry.ExecuteAsync(now, l => l.AddRepresentative(actor, now, key, number, users[0]), ct)
            .ConfigureAwait(false), numberField: "account");
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> RemoveRepresentativeAsync(
        string account, RepresentativeInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        // No platform-user check: a representative whose login was removed must still be removable.
        var errors = new List<FieldError>();
        var number = Account(account, "account", errors);
        var user = UserName(input.User, "user", errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        return AdminResult(await registry.ExecuteAsync(now, l => l.RemoveRepresentative(actor, now, key, number, user), ct)
            .ConfigureAwait(false), numberField: "account");
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        CancellationInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = Account(input.From, "from", errors);
        var unitClass = Class(input.Class, errors);
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        var reason = input.Reason ?? "";
        return AdminResult(await registry.ExecuteAsync(now, l => l.Cancel(actor, now, key, from, unitClass, input.Quantity, reason), ct)
            .ConfigureAwait(false));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        CorrectionInput input, HttpContext http, RegistryService registry, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = Account(input.From, "from", errors);
        var to = Account(input.To, "to", errors);
        var unitClass = Class(input.Class, errors);
        SerialBlock? serials = null;
        if (input.Serials is { } s)
        {
            if (input.Quantity is not null)
            {
                errors.Add(new FieldError("serials", "QuantityOrSerials", "give quantity or serials, not both"));
            }
            else if (s.First < 1 || s.Last < s.First)
            {
                errors.Add(new FieldError("serials", "SerialBlock", "serials must be {first, last} with 1 ≤ first ≤ last"));
            }
            else
            {
                serials = SerialBlock.Create(s.First, s.Last);
            }
        }
        else if (input.Quantity is null)
        {
            errors.Add(new FieldError("quantity", "QuantityOrSerials", "give quantity, or serials {first, last}"));
        }
        var key = Key(input.IdempotencyKey, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var now = clock.GetUtcNow();
        var actor = RegistryService.UserOf(http.User.Actor().UserName);
        var reason = input.Reason ?? "";
        var quantity = input.Quantity ?? 0;
        return AdminResult(await registry.ExecuteAsync(now, l => serials is { } block
            ? l.CorrectSerials(actor, now, key, from, to, unitClass, block, reason)
            : l.Correct(actor, now, key, from, to, unitClass, quantity, reason), ct).ConfigureAwait(false));
    }

    // The ledger names its own parameters (number, representative); the API names the request's (account, user). A
    // NotRepresentative about the named user rather than the actor is a conflict, not a missing right.
    private static Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult> AdminResult(
        RegistryOutcome outcome, string numberField = "number")
    {
        if (outcome is not RegistryOutcome.Rejected r)
        {
            return Result(outcome);
        }
        var renamed = r with { Field = r.Field switch { "number" => numberField, "representative" => "user", var f => f } };
        if (renamed.Reason is RegistryRejection.NotRepresentative && renamed.Field != "actor")
        {
            return TypedResults.Problem(renamed.Message, statusCode: StatusCodes.Status409Conflict, title: "The registry refused the request",
                extensions: new Dictionary<string, object?> { ["field"] = renamed.Field, ["rule"] = renamed.Reason.ToString() });
        }
        return Result(renamed);
    }

    private static AccountKind Kind(string? text, List<FieldError> errors)
    {
        foreach (var kind in new[] { AccountKind.Holding, AccountKind.Investor, AccountKind.Clearing })
        {
            if (string.Equals(text?.Trim(), kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        errors.Add(new FieldError("kind", "AccountKind", "kind must be holding, investor or clearing"));
        return default;
    }

    private static UserId UserName(string? text, string field, List<FieldError> errors)
    {
        var name = text?.Trim();
        if (!string.IsNullOrEmpty(name) && name.Length <= UserId.MaxLength && !name.Any(char.IsControl))
        {
            return RegistryService.UserOf(name);
        }
        errors.Add(new FieldError(field, "UserName", $"{field} must be user names of 1–{UserId.MaxLength} printable characters"));
        return default;
    }

    // A representative must be someone who can sign in and act for the account, so every name must be a platform user.
    private static async Task<List<UserId>> PlatformUsersAsync(
        IEnumerable<string?> names, string field, IStore store, List<FieldError> errors, CancellationToken ct)
    {
        var before = errors.Count;
        var users = names.Select(n => UserName(n, field, errors)).ToList();
        if (errors.Count > before || users.Count == 0)
        {
            return users;
        }
        var unknown = await store.ReadAsync(async s =>
        {
            var missing = new List<string>();
            foreach (var user in users.Distinct())
            {
                if (await s.Users.FindByNameAsync(user.Value).ConfigureAwait(false) is null)
                {
                    missing.Add(user.Value);
                }
            }
            return missing;
        }, ct).ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError(field, "UnknownUser",
                $"{field}: no platform user named {string.Join(", ", unknown.Select(u => $"'{u}'"))}"));
        }
        return users;
    }
}
