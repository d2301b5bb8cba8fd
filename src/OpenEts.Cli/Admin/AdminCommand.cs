using System.CommandLine;
using System.CommandLine.Parsing;
using OpenEts.Application.Identity;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Storage;

namespace OpenEts.Cli.Admin;

/// <summary>
/// <c>ets admin create-user USERNAME --role ROLE [--org CREDITCODE] [--name DISPLAYNAME] [--db DB]</c>: creates a
/// platform user on the server's database, the first regulator of a real deployment among them. Parse → call → map:
/// the options fill <see cref="CreateUser.Form"/>, <see cref="CreateUserHandler"/> checks and stores, the outcome
/// becomes text and an exit code. The password comes from a prompt or stdin (<see cref="SecretInput"/>), never from an
/// argument.
/// </summary>
internal static class AdminCommand
{
    /// <summary>Whoever runs <c>ets</c> on the server machine, as the journal names them.</summary>
    public static string ActorName => "cli:" + Environment.UserName;

    public static Command Build(SecretInput secrets)
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("admin", "Platform administration on the server's database (docs/cli.md).") { db, CreateUserVerb(db, secrets) };
    }

    private static Verb CreateUserVerb(Option<string> db, SecretInput secrets)
    {
        var userName = new Argument<string>("USERNAME") { Description = "the sign-in name: letters A–Z a–z, digits, '.', '-', '_' (at most 64)" };
        var role = new Option<string>("--role")
        {
            Description = "Regulator, CompanyRepresentative, Verifier, ExchangeMember, Auditor or Citizen", HelpName = "ROLE", Required = true,
        };
        var organisation = new Option<string>("--org")
        {
            Description = "the credit code of the user's organisation (needed for CompanyRepresentative, Verifier, ExchangeMember)",
            HelpName = "CREDITCODE",
        };
        var name = new Option<string>("--name") { Description = "the name shown (default: the user name)", HelpName = "DISPLAYNAME" };
        // Not an option: a password on the command line shows in the process list and the shell history.
        var password = new Option<string>("--password")
        {
            Hidden = true,
            Arity = ArgumentArity.ZeroOrOne,
        };
        password.Validators.Add(NoPassword);
        var verb = new Verb("create-user", "Create a platform user (the first regulator on a new database); the password is asked for.",
            "ets admin create-user USERNAME --role ROLE [--org CREDITCODE] [--name DISPLAYNAME] [--db DB]",
            userName, role, organisation, name, password);
        verb.SetAction(async (r, ct) =>
        {
            var stderr = r.InvocationConfiguration.Error;
            var form = new CreateUser.Form(r.GetValue(userName), r.GetValue(role), r.GetValue(organisation), r.GetValue(name), null);
            if (!CreateUser.TryParse(form, out var command, out var errors))
            {
                return await CommandUsage.ErrorAsync(stderr, verb, errors.Select(e => e.Message)).ConfigureAwait(false);
            }
            var database = r.GetValue(db) ?? RegistryContext.DefaultDatabase;
            if (RegistryContext.DatabaseProblem(database) is { } problem)
            {
                return await CommandUsage.ErrorAsync(stderr, verb, [problem]).ConfigureAwait(false);
            }
            var secret = await ReadPasswordAsync(secrets, command!.UserName, stderr, ct).ConfigureAwait(false);
            if (secret.Password is null)
            {
                return secret.Mismatch
                    ? await FailAsync(stderr, verb, "the two passwords typed differ; nothing was created").ConfigureAwait(false)
                    : await CommandUsage.ErrorAsync(stderr, verb,
                        ["no password: type it at the prompt, or give it as one line on stdin (never as an argument)"]).ConfigureAwait(false);
            }
            await using var store = await SqlStore.OpenAsync(database, ct).ConfigureAwait(false);
            var handler = new CreateUserHandler(store, new PasswordHashing(), TimeProvider.System);
            var outcome = await handler.HandleAsync(new Actor(0, ActorName, Role.Regulator, null), command with { Password = secret.Password },
                ct).ConfigureAwait(false);
            switch (outcome)
            {
                case CreateUserOutcome.Created c:
                    var org = command.Organisation is { } code ? $", organisation {code}" : "";
                    await r.InvocationConfiguration.Output.WriteLineAsync(
                        $"created user '{c.User.UserName}' ({c.User.DisplayName}): {Roles.Name(c.User.Role)}{org}").ConfigureAwait(false);
                    return ExitCode.Ok;
                case CreateUserOutcome.Refused f:
                    return await FailAsync(stderr, verb, $"refused: {f.Message} (rule {f.Rule})").ConfigureAwait(false);
                default:
                    return await FailAsync(stderr, verb, "refused: only the regulator creates users (rule NotPermitted)").ConfigureAwait(false);
            }
        });
        return verb;
    }

    private static async Task<(string? Password, bool Mismatch)> ReadPasswordAsync(SecretInput secrets, string userName, TextWriter prompts,
        CancellationToken ct)
    {
        var first = await secrets.ReadAsync($"Password for {userName}: ", prompts, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(first) || !secrets.IsTerminal)
        {
            return (string.IsNullOrEmpty(first) ? null : first, false);
        }
        var again = await secrets.ReadAsync("The same password again: ", prompts, ct).ConfigureAwait(false);
        return again == first ? (first, false) : (null, true);
    }

    private static async Task<int> FailAsync(TextWriter stderr, Command command, string message)
    {
        await stderr.WriteLineAsync($"{CommandUsage.PathOf(command)}: {message}").ConfigureAwait(false);
        return ExitCode.Rejected;
    }

    private static void NoPassword(OptionResult result) =>
        result.AddError("--password: a password is never taken from an argument (it would show in the process list and the shell's "
            + "history); type it at the prompt, or give it as one line on stdin");
}
