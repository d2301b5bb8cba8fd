using System.Globalization;
using OpenEts.Domain.Registry;
using Spectre.Console;

namespace OpenEts.Cli.Registry;

// allocate-file and issue-file: validate every row first, then run them all in one transaction, each under its
// idempotency key: either every row is done or, at the first refused row, none is.
internal static partial class RegistryCommand
{
    private static async Task<int> FileAsync(RegistryContext context, RegistryArguments a, bool allocation, CancellationToken ct)
    {
        var path = a.Positionals[0];
        if (!File.Exists(path))
        {
            return await BadArgumentAsync(context, $"file not found: {path}").ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Regulator, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var sheet = BatchSheet.Read(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path, allocation);
        var verb = allocation ? "allocate-file" : "issue-file";
        var (rows, errors) = await context.Registry.QueryAsync((l, _) => sheet.Validate(l, verb), ct).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                await context.Err.WriteLineAsync($"{context.Command}: {path}: {e}").ConfigureAwait(false);
            }
            return await context.FailAsync(Invariant($"{errors.Count} problem(s) in {path}; nothing was executed")).ConfigureAwait(false);
        }

        var log = new List<string>();
        var progress = new BatchProgress();
        if (context.IsTerminal)
        {
            await AnsiConsole.Progress().StartAsync(async p =>
            {
                var task = p.AddTask(Path.GetFileName(path), maxValue: rows.Count);
                await RunRowsAsync(context, actor, rows, progress, log.Add, done => task.Value = done, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await RunRowsAsync(context, actor, rows, progress, line =>
            {
                log.Add(line);
                context.Out.WriteLine(line);
            }, ran: null, ct).ConfigureAwait(false);
        }
        if (context.IsTerminal)
        {
            foreach (var line in log)
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        if (progress.Refused is { } refused)
        {
            await context.Err.WriteLineAsync(Invariant(
                $"{context.Command}: {path}: row {refused.Row}: refused: {refused.Rejection.Field}: {refused.Rejection.Message} (rule {refused.Rejection.Reason})"))
                .ConfigureAwait(false);
            return await context.FailAsync(Invariant(
                $"row {refused.Row} was refused, so no row of {path} was executed (fix it and run the same file again)"))
                .ConfigureAwait(false);
        }
        var summary = Invariant($"{progress.Executed} row(s) executed, {progress.Duplicates} already done earlier");
        await context.Out.WriteLineAsync(Invariant($"done: {summary}, {rows.Count} row(s) in {path}")).ConfigureAwait(false);
        return CommandRouter.Ok;
    }

    private static async Task RunRowsAsync(RegistryContext context, UserId actor, IReadOnlyList<BatchRow> rows, BatchProgress progress,
        Action<string> report, Action<int>? ran, CancellationToken ct)
    {
        var now = RegistryContext.Now;
        var requests = rows.Select(row => (Func<RegistryLedger, RegistryOutcome>)(l => row.Account is { } to
            ? l.Allocate(actor, now, row.Key, to, row.Class, row.Quantity)
            : l.Issue(actor, now, row.Key, row.Class, row.Quantity))).ToList();
        var result = await context.Registry.ExecuteAllOrNothingAsync(now, requests, ran, ct).ConfigureAwait(false);
        if (result.RefusedAt is { } at)
        {
            progress.Refused = (rows[at].Row, (RegistryOutcome.Rejected)result.Outcomes[at]);
            return;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var completed = (RegistryOutcome.Completed)result.Outcomes[i];
            if (completed.Duplicate)
            {
                progress.Duplicates++;
            }
            else
            {
                progress.Executed++;
            }
            report(string.Create(CultureInfo.InvariantCulture, $"row {rows[i].Row}: {RegistryText.Outcome(completed)}"));
        }
    }

    private sealed class BatchProgress
    {
        public int Executed { get; set; }

        public int Duplicates { get; set; }

        public (int Row, RegistryOutcome.Rejected Rejection)? Refused { get; set; }
    }
}
