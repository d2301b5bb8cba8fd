using System.CommandLine;
using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using Spectre.Console;

namespace OpenEts.Cli.Registry;

// allocate-file and issue-file: read every row into its request first (BatchSheet), then run them all in one
// transaction through the handler, each under its idempotency key: either every row is done or, at the first refused
// row, none is.
internal static partial class RegistryCommand
{
    private static Verb File(Option<string> db, bool allocation)
    {
        var name = allocation ? "allocate-file" : "issue-file";
        var (file, actor) = (Text("FILE", "an .xlsx or .csv sheet (docs/cli.md: Batches from a sheet)"), AsOption());
        return Read(db, name, allocation
                ? "Allocate from a sheet (账户, 单位类别, 数量[, 幂等键]), all rows or none (the regulator)."
                : "Issue from a sheet (单位类别, 数量[, 幂等键]), all rows or none (the regulator).",
            $"ets registry {name} FILE.xlsx|FILE.csv --as USER [--db DB]", [file, actor],
            (context, r, ct) => FileAsync(context, r.GetRequiredValue(file), r.GetRequiredValue(actor), allocation, ct));
    }

    private static async Task<int> FileAsync(RegistryContext context, string path, string userName, bool allocation, CancellationToken ct)
    {
        if (!System.IO.File.Exists(path))
        {
            return await context.UsageAsync([$"file not found: {path}"]).ConfigureAwait(false);
        }
        if (await context.ActorAsync(userName, ct).ConfigureAwait(false) is not { } actor)
        {
            return await context.ReportAsync(RegistryContext.UnknownActor(userName), null).ConfigureAwait(false);
        }
        // The role first: the sheet's validation names accounts that do not exist, which only the regulator may learn.
        if (!RegistryRoles.Regulator.Contains(actor.Role))
        {
            return await context.ReportAsync(new RegistryCommandOutcome.Forbidden(RegistryRoles.Regulator), actor).ConfigureAwait(false);
        }
        var sheet = BatchSheet.Read(await System.IO.File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path, allocation);
        var (rows, errors) = await context.Registry
            .QueryAsync((l, _) => sheet.Validate(l, allocation ? "allocate-file" : "issue-file"), ct).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                await context.Err.WriteLineAsync($"{context.Name}: {path}: {e}").ConfigureAwait(false);
            }
            return await context.FailAsync(Invariant($"{CliText.Count(errors.Count, "problem", "problems")} in {path}; nothing was executed")).ConfigureAwait(false);
        }

        var batch = context.IsTerminal
            ? await AnsiConsole.Progress().StartAsync(async p =>
            {
                var task = p.AddTask(Path.GetFileName(path), maxValue: rows.Count);
                return await RunRowsAsync(context, actor, rows, done => task.Value = done, ct).ConfigureAwait(false);
            }).ConfigureAwait(false)
            : await RunRowsAsync(context, actor, rows, null, ct).ConfigureAwait(false);

        if (batch.RefusedAt is { } at)
        {
            var refused = batch.Outcomes[at];
            if (refused is not RegistryCommandOutcome.Refused)
            {
                return await context.ReportAsync(refused, actor).ConfigureAwait(false);
            }
            await context.ReportAsync(refused, actor, Invariant($"{path}: row {rows[at].Row}: ")).ConfigureAwait(false);
            return await context.FailAsync(Invariant(
                $"row {rows[at].Row} was refused, so no row of {path} was executed (fix it and run the same file again)"))
                .ConfigureAwait(false);
        }
        var duplicates = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            duplicates += batch.Outcomes[i] is RegistryCommandOutcome.Completed { Duplicate: true } ? 1 : 0;
            await context.ReportAsync(batch.Outcomes[i], actor, Invariant($"row {rows[i].Row}: ")).ConfigureAwait(false);
        }
        var summary = Invariant($"{CliText.Count(rows.Count - duplicates, "row", "rows")} executed, {duplicates} already done earlier");
        await context.Out.WriteLineAsync(Invariant($"done: {summary}, {CliText.Count(rows.Count, "row", "rows")} in {path}")).ConfigureAwait(false);
        return ExitCode.Ok;
    }

    private static Task<RegistryBatchOutcome> RunRowsAsync(RegistryContext context, Actor actor, IReadOnlyList<BatchRow> rows,
        Action<int>? progress, CancellationToken ct) =>
        context.Handler.HandleAllOrNothingAsync(actor, [.. rows.Select(r => r.Command)], progress, ct);
}
