using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Application.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// User management for the regulator (<c>/api/v1/users</c>) and the own password (<c>/api/v1/me/password</c>). The
/// endpoints parse the request into a command, call <see cref="UserAdminHandler"/>, <see cref="CreateUserHandler"/> or
/// <see cref="Sessions"/>, and map the outcome; the rules live in Application/Identity.
/// </summary>
internal static class UserEndpoints
{
    public static void MapUserApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator });
        users.MapGet("", ListAsync).WithSummary("Every user with role, organisation and state (regulator)");
        users.MapGet("/{userName}", GetAsync).WithSummary("One user (regulator)");
        users.MapPost("", CreateAsync)
            .WithSummary("Create a user with a temporary password, which they must change at first sign-in (regulator)");
        users.MapPut("/{userName}/access", ChangeAccessAsync)
            .WithSummary("Change a user's role, organisation and display name; their sessions end (regulator)");
        users.MapPost("/{userName}/disable", DisableAsync)
            .WithSummary("Disable an account: its sessions end and its API tokens are revoked (regulator; not yourself)");
        users.MapPost("/{userName}/enable", EnableAsync).WithSummary("Enable a disabled account (regulator)");
        users.MapPost("/{userName}/reset-password", ResetPasswordAsync)
            .WithSummary("Set a temporary password; the user's sessions end and they must change it at next sign-in (regulator)");
        users.MapPost("/{userName}/reset-two-factor", ResetTwoFactorAsync)
            .WithSummary("Clear a user's two-factor enrolment (lost authenticator and recovery codes); their sessions end and a role that requires it enrols again at next sign-in (regulator; not yourself)");

        app.MapPost("/api/v1/me/password", ChangeOwnPasswordAsync).WithTags("Account")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.Everyone })
            .WithSummary("Change my password (signed-in session only): every other session ends");
    }

    public sealed record UserView(string UserName, string DisplayName, [property: ApiEnum(typeof(Role))] string Role, string? Organisation, string? OrganisationName,
        bool Disabled, bool MustChangePassword, bool TwoFactor)
    {
        public static UserView From(UserSummary s) => new(s.User.UserName, s.User.DisplayName, ApiDocument.EnumName(s.User.Role),
            s.Organisation?.Code.Value, s.Organisation?.Name, s.User.DisabledAt is not null, s.User.MustChangePassword,
            s.User.TwoFactor.IsEnabled);
    }

    public sealed record NewUserInput(string? UserName, [property: ApiEnum(typeof(Role))] string? Role, string? Organisation, string? DisplayName, string? Password);

    public sealed record AccessInput([property: ApiEnum(typeof(Role))] string? Role, string? Organisation = null, string? DisplayName = null);

    public sealed record ResetPasswordInput(string? NewPassword);

    public sealed record PasswordInput(string? CurrentPassword, string? NewPassword);

    private static async Task<Results<Ok<List<UserView>>, ProblemHttpResult>> ListAsync(HttpContext http, UserAdminHandler users,
        CancellationToken ct) =>
        await users.ListAsync(http.User.Actor(), ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(UserView.From).ToList())
            : Forbidden();

    private static async Task<Results<Ok<UserView>, NotFound>> GetAsync(string userName, HttpContext http, UserAdminHandler users,
        CancellationToken ct) =>
        await users.FindAsync(http.User.Actor(), userName, ct).ConfigureAwait(false) is { } found
            ? TypedResults.Ok(UserView.From(found))
            : TypedResults.NotFound();

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(NewUserInput input,
        HttpContext http, CreateUserHandler handler, UserAdminHandler users, CancellationToken ct)
    {
        var form = new CreateUser.Form(input.UserName, input.Role, input.Organisation, input.DisplayName, input.Password ?? "");
        if (!CreateUser.TryParse(form, out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        switch (await handler.HandleAsync(http.User.Actor(), command!, ct).ConfigureAwait(false))
        {
            case CreateUserOutcome.Created c:
                var view = UserView.From((await users.FindAsync(http.User.Actor(), c.User.UserName, ct).ConfigureAwait(false))!);
                return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(c.User.UserName)}", view);
            case CreateUserOutcome.Refused r:
                return Refused(r.Field, r.Rule, r.Message, r.Rule == "DuplicateUserName" ? RefusalKind.Conflict : RefusalKind.Malformed);
            default:
                return Forbidden();
        }
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAccessAsync(string userName,
        AccessInput input, HttpContext http, UserAdminHandler users, CancellationToken ct) =>
        ChangeUserAccess.TryParse(userName, new ChangeUserAccess.Form(input.Role, input.Organisation, input.DisplayName),
            out var command, out var errors)
            ? await MapAsync(await users.ChangeAccessAsync(http.User.Actor(), command!, ct).ConfigureAwait(false), http, users, ct)
                .ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> DisableAsync(string userName,
        HttpContext http, UserAdminHandler users, CancellationToken ct) =>
        await MapAsync(await users.DisableAsync(http.User.Actor(), userName, ct).ConfigureAwait(false), http, users, ct).ConfigureAwait(false);

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> EnableAsync(string userName,
        HttpContext http, UserAdminHandler users, CancellationToken ct) =>
        await MapAsync(await users.EnableAsync(http.User.Actor(), userName, ct).ConfigureAwait(false), http, users, ct).ConfigureAwait(false);

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> ResetPasswordAsync(string userName,
        ResetPasswordInput input, HttpContext http, UserAdminHandler users, CancellationToken ct) =>
        ResetPassword.TryParse(userName, new ResetPassword.Form(input.NewPassword), out var command, out var errors)
            ? await MapAsync(await users.ResetPasswordAsync(http.User.Actor(), command!, ct).ConfigureAwait(false), http, users, ct)
                .ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> ResetTwoFactorAsync(string userName,
        HttpContext http, UserAdminHandler users, CancellationToken ct) =>
        await MapAsync(await users.ResetTwoFactorAsync(http.User.Actor(), userName, ct).ConfigureAwait(false), http, users, ct).ConfigureAwait(false);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeOwnPasswordAsync(PasswordInput input,
        HttpContext http, Sessions sessions, TimeProvider clock, CancellationToken ct)
    {
        if (!ChangeOwnPassword.TryParse(new ChangeOwnPassword.Form(input.CurrentPassword, input.NewPassword), out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        switch (await sessions.ChangePasswordAsync(http.User.Actor(), command!, clock.GetUtcNow(), ct).ConfigureAwait(false))
        {
            case UserCommandOutcome.Completed c:
                // Every session ended with the old stamp; this one goes on with the new one.
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    Principals.For(c.User, CookieAuthenticationDefaults.AuthenticationScheme, http.User.MustEnrolSecondFactor()))
                    .ConfigureAwait(false);
                return TypedResults.NoContent();
            case UserCommandOutcome.Refused r:
                return Refused(r.Field, r.Rule, r.Message, r.Kind);
            default:
                return Forbidden();
        }
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult, NotFound>> MapAsync(UserCommandOutcome outcome,
        HttpContext http, UserAdminHandler users, CancellationToken ct) => outcome switch
    {
        UserCommandOutcome.Completed c => TypedResults.Ok(UserView.From(
            (await users.FindAsync(http.User.Actor(), c.User.UserName, ct).ConfigureAwait(false))!)),
        UserCommandOutcome.Refused r => Refused(r.Field, r.Rule, r.Message, r.Kind),
        UserCommandOutcome.NotFound => TypedResults.NotFound(),
        UserCommandOutcome.Invalid i => Problems.Fields(i.Errors),
        _ => Forbidden(),
    };

    private static ProblemHttpResult Refused(string field, string rule, string english, RefusalKind kind) =>
        TypedResults.Problem(RuleText.Message(field, rule, english), title: Text.T("problem.users.refused"),
            statusCode: kind switch
            {
                RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                RefusalKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(Text.T("problem.forbidden"), statusCode: StatusCodes.Status403Forbidden, title: Text.T("problem.forbidden.title"));
}
