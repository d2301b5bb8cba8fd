using System.CommandLine;
using OpenEts.Application.Inclusion;
using OpenEts.Cli.Registry;
using Spectre.Console;
using static System.FormattableString;

namespace OpenEts.Cli.Inclusion;

// ets inclusion queue [--drain]: the queue of partners' batches taken in and not yet recorded (a server's
// --inclusion-queue), and recording it from the command line when no server does, with a progress bar.
internal static partial class InclusionCommand
{
    private static Verb Queue(Option<string> db)
    {
        var drain = new Option<bool>("--drain") { Description = "record every batch now (a regulator), with a progress bar" };
        var actor = AsOption("who asks: the queue's size for those who oversee the programmes; --drain for the regulator");
        var verb = new Verb("queue", "Show the queue of partners' batches waiting to be recorded (a server started with --inclusion-queue), or record it now with --drain.",
            "ets inclusion queue --as USER [--drain] [--db DB]", actor, drain);
        verb.SetAction(async (r, ct) => await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
        {
            using var queue = new InclusionQueue(context.Store, TimeProvider.System);
            var asked = await queue.DepthForAsync(who, ct).ConfigureAwait(false);
            if (asked is not InclusionCommandOutcome.Completed { Result: QueueDepth depth })
            {
                return await RefusedAsync(context, asked, "read the queue").ConfigureAwait(false);
            }
            if (!r.GetValue(drain))
            {
                await context.Out.WriteLineAsync(Invariant($"{CliText.Count(depth.Batches, "batch", "batches")}, {CliText.Count(depth.Actions, "action", "actions")} waiting to be recorded")).ConfigureAwait(false);
                return ExitCode.Ok;
            }
            var actions = depth.Actions;
            var worker = new InclusionQueueWorker(queue, Handler(context), context.Store, TimeProvider.System);
            var drained = context.IsTerminal && actions > 0
                ? await AnsiConsole.Progress().StartAsync(async p =>
                {
                    var task = p.AddTask("inclusion queue", maxValue: actions);
                    return await worker.DrainAsync(who, done => task.Value = Math.Min(done, actions), ct).ConfigureAwait(false);
                }).ConfigureAwait(false)
                : await worker.DrainAsync(who, null, ct).ConfigureAwait(false);
            if (drained is not InclusionCommandOutcome.Completed { Result: QueueDrained done })
            {
                return await RefusedAsync(context, drained, "record the queue").ConfigureAwait(false);
            }
            await context.Out.WriteLineAsync(Invariant(
                $"done: {CliText.Count(done.Recorded, "action", "actions")} recorded, {CliText.Count(done.BatchesRefused, "batch", "batches")} refused as a whole, {CliText.Count(done.BatchesLeft, "batch", "batches")} left (claimed by a running worker)"))
                .ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct).ConfigureAwait(false));
        return verb;
    }
}
