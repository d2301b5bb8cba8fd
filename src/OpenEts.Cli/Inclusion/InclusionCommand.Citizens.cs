using System.CommandLine;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Registry;

namespace OpenEts.Cli.Inclusion;

// A citizen's request under the Personal Information Protection Law, answered by the regulator: a copy of everything
// held (export) and erasure. Exit 0 done, 1 refused, 2 usage.
internal static partial class InclusionCommand
{
    private static Verb Export(Option<string> db)
    {
        var user = new Argument<string>("USER") { Description = "the citizen's user name (a pseudonym such as caaaaaaaaaaab)" };
        var actor = AsOption("the regulator answering the citizen's request");
        var output = new Option<string>("--out") { Description = "the file to write: .json or .xlsx", HelpName = "FILE", Required = true };
        var verb = new Verb("export", "Write everything held about a citizen (profile, consents, coins, actions, journal) to .json or .xlsx.",
            "ets inclusion export USER --as USER --out FILE.json|FILE.xlsx [--db DB]", user, actor, output);
        verb.SetAction(async (r, ct) =>
        {
            var path = r.GetRequiredValue(output);
            var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
            if (!xlsx && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, ["--out: a .json or .xlsx file"]).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var citizen = r.GetRequiredValue(user);
                var queries = new InclusionQueries(context.Store, InclusionProgrammes.Shipped, TimeProvider.System);
                if (await queries.CitizenDataAsync(who, citizen, ct).ConfigureAwait(false) is not { } data)
                {
                    return await context.FailAsync($"refused: {citizen} is not a citizen, or {who.UserName} may not export a citizen's data (the regulator may) (rule NotFound)")
                        .ConfigureAwait(false);
                }
                await using (var file = File.Create(path))
                {
                    if (xlsx)
                    {
                        CitizenDataExport.WriteXlsx(file, data);
                    }
                    else
                    {
                        await using var writer = new StreamWriter(file);
                        await writer.WriteAsync(CitizenDataExport.ToJson(data)).ConfigureAwait(false);
                    }
                }
                await context.Out.WriteLineAsync($"done: {data.UserName}: {CliText.Count(data.Events.Count, "action", "actions")}, {CliText.Count(data.Programmes.Count, "programme", "programmes")}, {CliText.Count(data.Journal.Count, "journal entry", "journal entries")} → {path}")
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    private static Verb Erase(Option<string> db)
    {
        var user = new Argument<string>("USER") { Description = "the citizen's user name" };
        var actor = AsOption("the regulator acting on the citizen's request");
        var confirm = new Option<string>("--confirm") { Description = "the citizen's user name again", HelpName = "USER", Required = true };
        var verb = new Verb("erase", "Erase a citizen's personal data on their request; anonymised reductions and the journal stay (docs/inclusion.md).",
            "ets inclusion erase USER --as USER --confirm USER [--db DB]", user, actor, confirm);
        verb.SetAction(async (r, ct) =>
        {
            if (!EraseCitizen.TryParse(new(r.GetRequiredValue(user), r.GetRequiredValue(confirm)), out var command, out var errors))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, errors.Select(e => CliText.Problem(e.Field, e.Field, e.Message))).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var handler = Handler(context);
                switch (await handler.HandleAsync(who, command, ct).ConfigureAwait(false))
                {
                    case InclusionCommandOutcome.Completed { Result: CitizenErased erased }:
                        await context.Out.WriteLineAsync($"done: {erased.UserName} erased: {CliText.Count(erased.EventsDeleted, "action", "actions")} deleted, {CliText.Count(erased.CoinsForfeited, "coin", "coins")} forfeited")
                            .ConfigureAwait(false);
                        return ExitCode.Ok;
                    case var other:
                        return await RefusedAsync(context, other, "erase a citizen's data").ConfigureAwait(false);
                }
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }
}
