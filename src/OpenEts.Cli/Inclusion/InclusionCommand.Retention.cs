using System.CommandLine;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Registry;

namespace OpenEts.Cli.Inclusion;

// The retention of raw actions: delete those past the window (400 days [UNCONFIRMED]), keeping daily reductions and
// totals. Runs until nothing is left. Exit 0 done, 1 refused, 2 usage.
internal static partial class InclusionCommand
{
    private static Verb Purge(Option<string> db)
    {
        var actor = AsOption("the regulator");
        var verb = new Verb("purge", "Delete raw actions older than the retention window; daily reductions, totals and the journal stay (docs/inclusion.md).",
            "ets inclusion purge --as USER [--db DB]", actor);
        verb.SetAction(async (r, ct) =>
        {
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var handler = Handler(context);
                var total = 0L;
                while (true)
                {
                    switch (await handler.HandleAsync(who, PurgeRawActions.Default, ct).ConfigureAwait(false))
                    {
                        case InclusionCommandOutcome.Completed { Result: PurgedActions { More: true } more }:
                            total += more.Deleted;
                            continue;
                        case InclusionCommandOutcome.Completed { Result: PurgedActions done }:
                            await context.Out.WriteLineAsync($"done: {CliText.Count(total + done.Deleted, "raw action", "raw actions")} of days before {done.FirstKept:yyyy-MM-dd} deleted")
                                .ConfigureAwait(false);
                            return ExitCode.Ok;
                        case var other:
                            return await RefusedAsync(context, other, "purge raw actions").ConfigureAwait(false);
                    }
                }
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }
}
