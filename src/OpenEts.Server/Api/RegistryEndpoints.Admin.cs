using Microsoft.AspNetCore.Authorization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using CommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.RegistryEndpoints.OutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

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
        string Number,
        [property: ApiEnum(typeof(AccountKind), nameof(AccountKind.Issuance), nameof(AccountKind.Surrender), nameof(AccountKind.Cancellation))]
        string Kind,
        string HolderName, IReadOnlyList<string> Representatives, string IdempotencyKey);

    public sealed record AccountStateInput(string IdempotencyKey, string? Reason = null);

    public sealed record RepresentativeInput(string User, string IdempotencyKey);

    public sealed record CancellationInput(string From, string Class, long Quantity, string IdempotencyKey, string? Reason = null);

    public sealed record SerialsInput(long First, long Last);

    /// <summary>A correction moves <c>quantity</c> units (lowest serials first) or exactly <c>serials</c>: one of the two.</summary>
    public sealed record CorrectionInput(string From, string To, string Class, string IdempotencyKey, long? Quantity = null,
        SerialsInput? Serials = null, string? Reason = null);

    private static Task<CommandResult> OpenAccountAsync(
        OpenAccountInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(OpenAccount.TryParse(new(input.Number, input.Kind, input.HolderName, input.Representatives, input.IdempotencyKey),
            out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> BlockAsync(
        string account, AccountStateInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        ChangeStateAsync(account, AccountStateChange.Block, input, http, handler, ct);

    private static Task<CommandResult> UnblockAsync(
        string account, AccountStateInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        ChangeStateAsync(account, AccountStateChange.Unblock, input, http, handler, ct);

    private static Task<CommandResult> CloseAsync(
        string account, AccountStateInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        ChangeStateAsync(account, AccountStateChange.Close, input, http, handler, ct);

    private static Task<CommandResult> ChangeStateAsync(string account, AccountStateChange change, AccountStateInput input,
        HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(ChangeAccountState.TryParse(new(account, change, input.Reason, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> AddRepresentativeAsync(
        string account, RepresentativeInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(AddRepresentative.TryParse(new(account, input.User, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> RemoveRepresentativeAsync(
        string account, RepresentativeInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(RemoveRepresentative.TryParse(new(account, input.User, input.IdempotencyKey), out var command, out var errors),
            command, errors, http, handler, ct);

    private static Task<CommandResult> CancelAsync(
        CancellationInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(CancelUnits.TryParse(new(input.From, input.Class, input.Quantity, input.Reason, input.IdempotencyKey),
            out var command, out var errors), command, errors, http, handler, ct);

    private static Task<CommandResult> CorrectAsync(
        CorrectionInput input, HttpContext http, RegistryCommandHandler handler, CancellationToken ct) =>
        RunAsync(CorrectUnits.TryParse(new(input.From, input.To, input.Class, input.Quantity, input.Serials?.First, input.Serials?.Last,
            input.Reason, input.IdempotencyKey), out var command, out var errors), command, errors, http, handler, ct);
}
