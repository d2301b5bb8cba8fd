using System.CommandLine;
using OpenEts.Application.Files;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Cli.Registry;
using Spectre.Console;
using static System.FormattableString;

namespace OpenEts.Cli.Inclusion;

/// <summary>
/// <c>ets inclusion ingest FILE</c>: a data partner's batch file of actions (.csv or .xlsx) recorded into a programme
/// through <see cref="RecordActions"/> as <c>--as</c> (the regulator, for the partners), in batches of
/// <see cref="InclusionLimits.MaxBatch"/> with a progress bar; running the same file again counts nothing twice. Exit 0
/// done (refused rows are listed with their rule), 1 refused as a whole, 2 usage.
/// </summary>
internal static partial class InclusionCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("inclusion", "Carbon inclusion (碳普惠): ingest citizens' actions from a partner's file; export or erase a citizen's personal data on their request; purge raw actions past retention; show or record the queue of partners' batches; the verifier's sample of an aggregation; the partners' quality dashboard (docs/inclusion.md).") { db, Ingest(db), Queue(db), Export(db), Erase(db), Purge(db), Sample(db), Quality(db) };
    }

    private static Verb Ingest(Option<string> db)
    {
        var file = new Argument<string>("FILE") { Description = "a .csv or .xlsx file: " + string.Join(", ", ActionFile.Columns) };
        var programme = new Option<string>("--programme") { Description = "the programme code, e.g. guangdong-tanpuhui", HelpName = "CODE", Required = true };
        var actor = AsOption("the platform user recording (the regulator, for the data partners)");
        var verb = new Verb("ingest", "Record a partner's file of actions into a programme; each row counted once, however often the file is run.",
            "ets inclusion ingest FILE --programme CODE --as USER [--db DB]", file, programme, actor);
        verb.SetAction(async (r, ct) =>
        {
            var path = r.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, [$"FILE: {path} does not exist"]).ConfigureAwait(false);
            }
            await using var stream = File.OpenRead(path);
            var (rows, problems) = ActionFile.Read(TabularFile.Read(stream, path));
            if (problems.Count > 0)
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, problems.Select(p => $"{path}: {p.Message} (rule {p.Rule})"))
                    .ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var handler = Handler(context);
                var results = new List<(int Row, ActionResult Result)>();
                async Task<int?> RunAsync(Action<int>? progress)
                {
                    for (var start = 0; start < rows.Count; start += InclusionLimits.MaxBatch)
                    {
                        var chunk = rows.Skip(start).Take(InclusionLimits.MaxBatch).ToList();
                        if (!RecordActions.TryParse(new RecordActions.Form(r.GetRequiredValue(programme), [.. chunk.Select(c => c.Action)]),
                            InclusionProgrammes.Shipped, out var command, out var errors))
                        {
                            return await context.UsageAsync(errors.Select(e => $"{e.Field}: {e.Message} (rule {e.Rule})")).ConfigureAwait(false);
                        }
                        switch (await handler.HandleAsync(who, command, ct).ConfigureAwait(false))
                        {
                            case InclusionCommandOutcome.Completed { Result: RecordedActions recorded }:
                                results.AddRange(recorded.Items.Select(i => (chunk[i.Index].Row, i)));
                                break;
                            case var other:
                                return await RefusedAsync(context, other, "record actions").ConfigureAwait(false);
                        }
                        progress?.Invoke(start + chunk.Count);
                    }
                    return null;
                }
                var failed = context.IsTerminal
                    ? await AnsiConsole.Progress().StartAsync(async p =>
                    {
                        var task = p.AddTask(Path.GetFileName(path), maxValue: Math.Max(1, rows.Count));
                        return await RunAsync(done => task.Value = done).ConfigureAwait(false);
                    }).ConfigureAwait(false)
                    : await RunAsync(null).ConfigureAwait(false);
                if (failed is { } code)
                {
                    return code;
                }
                foreach (var (row, result) in results.Where(x => x.Result.Status == ActionStatus.Refused))
                {
                    await context.Out.WriteLineAsync(Invariant($"row {row}: refused: {result.Message} (rule {result.Rule})")).ConfigureAwait(false);
                }
                var counted = results.Where(x => x.Result.Status == ActionStatus.Counted).Select(x => x.Result).ToList();
                await context.Out.WriteLineAsync(Invariant(
                    $"done: {counted.Count} counted ({counted.Sum(c => c.Reduction.Grams):0.###} g CO2, {CliText.Count(counted.Sum(c => c.Coins), "coin", "coins")}), {results.Count(x => x.Result.Status == ActionStatus.Duplicate)} already counted, {results.Count(x => x.Result.Status == ActionStatus.Refused)} refused, {CliText.Count(rows.Count, "row", "rows")} in {path}"))
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    /// <summary>The <c>--as</c> option: the platform user the verb acts as.</summary>
    private static Option<string> AsOption(string description) => new("--as") { Description = description, HelpName = "USER", Required = true };

    /// <summary>An outcome that is not the verb's success, as the refusal on stderr (exit 1).</summary>
    private static Task<int> RefusedAsync(RegistryContext context, InclusionCommandOutcome outcome, string what) => outcome switch
    {
        InclusionCommandOutcome.Forbidden f => context.FailAsync($"refused: only {string.Join(", ", f.Allowed)} may {what} (rule Role)"),
        InclusionCommandOutcome.Refused r => context.FailAsync($"refused: {r.Message} (rule {r.Rule})"),
        _ => context.FailAsync($"refused: {outcome}"),
    };

    /// <summary>The inclusion use cases on the opened database.</summary>
    private static InclusionCommandHandler Handler(RegistryContext context) =>
        InclusionCommandHandler.Over(context.Store, context.Registry, TimeProvider.System, context.Handler);
}
