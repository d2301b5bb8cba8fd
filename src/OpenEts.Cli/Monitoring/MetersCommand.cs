using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Files;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Organisations;
using Spectre.Console;
using static System.FormattableString;

namespace OpenEts.Cli.Monitoring;

/// <summary>
/// <c>ets meters ingest FILE</c>: a key energy user's file of meter readings (.csv streamed at any size, or .xlsx)
/// sent through <see cref="IngestReadings"/> as <c>--as</c> (the company for its own meters, or the regulator) in
/// batches of <c>--batch</c> readings (at most <see cref="MonitoringLimits.MaxBatch"/>) with a progress bar. Each
/// batch's id is a hash of its rows, so running the same file again changes nothing and says so. Exit 0 done, 1 a batch
/// refused (the batches before it stay in: each is all or nothing), 2 usage or bad rows.
/// </summary>
internal static class MetersCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("meters", "Energy monitoring (能耗在线监测): ingest meter readings from a key energy user's file (docs/energy-monitoring.md).")
        {
            db, Ingest(db),
        };
    }

    private static Verb Ingest(Option<string> db)
    {
        var file = new Argument<string>("FILE") { Description = "a .csv or .xlsx file: " + string.Join(", ", ReadingFile.Columns) };
        var actor = new Option<string>("--as") { Description = "the platform user sending (a company's representative, or the regulator)", HelpName = "USER", Required = true };
        var size = new Option<int>("--batch") { Description = $"readings per batch, 1–{MonitoringLimits.MaxBatch} (default 10000)", HelpName = "N", DefaultValueFactory = _ => 10_000 };
        var verb = new Verb("ingest", "Send a file of meter readings in all-or-nothing batches; running it again changes nothing.",
            "ets meters ingest FILE --as USER [--batch N] [--db DB]", file, actor, size);
        verb.SetAction(async (r, ct) =>
        {
            var path = r.GetRequiredValue(file);
            var batchSize = r.GetValue(size);
            var problems = new List<string>();
            if (!File.Exists(path))
            {
                problems.Add($"FILE: {path} does not exist");
            }
            if (batchSize is < 1 or > MonitoringLimits.MaxBatch)
            {
                problems.Add($"--batch: 1 to {MonitoringLimits.MaxBatch}");
            }
            if (problems.Count > 0)
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, problems).ConfigureAwait(false);
            }
            return await RegistryContext.RunAsAsync(r, db, actor, async (context, who) =>
            {
                var handler = new MonitoringCommandHandler(context.Store, TimeProvider.System);
                await using var stream = File.OpenRead(path);
                var csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
                IEnumerable<FileReading>? rows;
                IReadOnlyList<FieldError> fileProblems;
                if (csv)
                {
                    rows = ReadingFile.ReadCsv(new StreamReader(stream, Encoding.UTF8), out fileProblems);
                }
                else
                {
                    (rows, fileProblems) = ReadingFile.Read(TabularFile.Read(stream, path));
                }
                if (rows is null || fileProblems.Count > 0)
                {
                    return await context.UsageAsync(fileProblems.Select(p => $"{path}: {p.Message} (rule {p.Rule})")).ConfigureAwait(false);
                }
                long sent = 0, fresh = 0, held = 0, resent = 0;
                async Task<int?> RunAsync(Action<double>? progress)
                {
                    foreach (var chunk in rows.Chunk(batchSize))
                    {
                        var form = new IngestReadings.Form(BatchId(chunk), [.. chunk.Select(c => c.Reading)]);
                        if (!IngestReadings.TryParse(form, TimeProvider.System.GetUtcNow(), out var command, out var errors)
                            || chunk.Any(c => c.UnreadValue is not null))
                        {
                            return await context.UsageAsync(Problems(chunk, errors)).ConfigureAwait(false);
                        }
                        switch (await handler.HandleAsync(who, command, ct).ConfigureAwait(false))
                        {
                            case MonitoringCommandOutcome.Completed { Result: IngestResult done }:
                                sent += done.Readings;
                                fresh += done.NewReadings;
                                held += done.Resent ? 0 : done.AlreadyHeld;
                                resent += done.Resent ? done.Readings : 0;
                                break;
                            case MonitoringCommandOutcome.Invalid i:
                                return await context.UsageAsync(i.Errors.Select(e => $"{Row(e.Field, chunk)}{e.Field}: {e.Message} (rule {e.Rule})")).ConfigureAwait(false);
                            case MonitoringCommandOutcome.Refused f:
                                return await context.FailAsync($"refused: {Row(f.Field, chunk)}{f.Field}: {f.Message} (rule {f.Rule}); {CliText.Count(sent, "reading", "readings")} before it {(sent == 1 ? "was" : "were")} taken")
                                    .ConfigureAwait(false);
                            case MonitoringCommandOutcome.Forbidden f:
                                return await context.FailAsync($"refused: only {string.Join(", ", f.Allowed)} may send readings (rule Role)").ConfigureAwait(false);
                            case var other:
                                return await context.FailAsync($"refused: {other}").ConfigureAwait(false);
                        }
                        progress?.Invoke(stream.Length == 0 ? 1 : (double)stream.Position / stream.Length);
                    }
                    return null;
                }
                var failed = context.IsTerminal
                    ? await AnsiConsole.Progress().StartAsync(async p =>
                    {
                        var task = p.AddTask(Path.GetFileName(path), maxValue: 1);
                        return await RunAsync(done => task.Value = done).ConfigureAwait(false);
                    }).ConfigureAwait(false)
                    : await RunAsync(null).ConfigureAwait(false);
                if (failed is { } code)
                {
                    return code;
                }
                await context.Out.WriteLineAsync(Invariant(
                    $"done: {CliText.Count(sent, "reading", "readings")} in {path}: {fresh} new, {held} already held, {resent} in batches received before (nothing changed)")).ConfigureAwait(false);
                return ExitCode.Ok;
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    // Every problem of a chunk, in row order: a value cell that is no number named as typed (the use case, which sees no
    // value there, would call it missing), and the use case's own for every other field.
    private static IEnumerable<string> Problems(FileReading[] chunk, IReadOnlyList<FieldError> errors)
    {
        var unread = chunk.Select((c, i) => (Index: i, Problem: ReadingFile.ValueProblem(c))).Where(u => u.Problem is not null)
            .Select(u => (u.Index, Field: $"readings[{u.Index}].value", Text: $"row {chunk[u.Index].Row}: value: {u.Problem!.Message} (rule {u.Problem.Rule})"));
        var named = unread.Select(u => u.Field).ToHashSet(StringComparer.Ordinal);
        var rest = errors.Where(e => !named.Contains(e.Field))
            .Select(e => (Index: ReadingIndex(e.Field) ?? -1, Text: $"{Row(e.Field, chunk)}{e.Field}: {e.Message} (rule {e.Rule})"));
        return unread.Select(u => (u.Index, u.Text)).Concat(rest).OrderBy(p => p.Item1).Select(p => p.Item2);
    }

    // A batch's id is the hash of its rows: the same file run again sends the same ids with the same content.
    private static string BatchId(FileReading[] chunk)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in chunk.Select(c => c.Reading))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Invariant($"{r.ReadingId}|{r.Meter}|{r.At}|{r.Value}\n")));
        }
        return "file-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    // "readings[12].value" names the 13th reading of the chunk: say which row of the file that is.
    private static string Row(string field, FileReading[] chunk) =>
        ReadingIndex(field) is { } i && i < chunk.Length ? Invariant($"row {chunk[i].Row}: ") : "";

    private static int? ReadingIndex(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var i) ? i : null;
    }
}
