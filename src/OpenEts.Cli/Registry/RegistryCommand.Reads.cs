using System.CommandLine;
using System.Globalization;
using OpenEts.Application.Journal;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using Spectre.Console;

namespace OpenEts.Cli.Registry;

// accounts, holdings, history, serial, verify, snapshot: reads of the caught-up registry.
internal static partial class RegistryCommand
{
    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "table or csv", HelpName = "table|csv", DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv");
        return format;
    }

    private static Verb Accounts(Option<string> db) => Read(db, "accounts",
        "Every account with its kind, state, holder and the units it holds per class.", "ets registry accounts [--db DB]", [],
        async (context, _, ct) =>
        {
            var rows = await context.Registry.QueryAsync((l, _) => l.Accounts.Select(a => (IReadOnlyList<string>)
            [
                a.Number.Value, a.Kind.ToString(), a.State.ToString(), a.HolderName,
                string.Join(", ", l.HoldingsOf(a.Number).Select(h => Invariant($"{h.Class} {h.Total.Value}"))),
            ]).ToList(), ct).ConfigureAwait(false);
            await RegistryTable.WriteAsync(context, csv: false, ["account", "kind", "state", "holder", "totals"], rows, "no accounts").ConfigureAwait(false);
            return ExitCode.Ok;
        });

    private static Verb Holdings(Option<string> db)
    {
        var (account, format) = (Text("ACCOUNT", "the account"), FormatOption());
        return Read(db, "holdings", "The units an account holds, per class, with their serial blocks.",
            "ets registry holdings ACCOUNT [--format table|csv] [--db DB]", [account, format],
            async (context, r, ct) =>
            {
                if (!AccountNumber.TryCreate(r.GetValue(account), out var number, out var reason))
                {
                    return await context.UsageAsync(["account: " + reason]).ConfigureAwait(false);
                }
                var rows = await context.Registry.QueryAsync((l, _) => l.FindAccount(number) is null
                    ? null
                    : l.HoldingsOf(number).Select(h => (IReadOnlyList<string>)
                        [h.Class.ToString(), h.Total.Value.ToString(CultureInfo.InvariantCulture), RegistryText.Blocks(h.Class, h.Blocks)]).ToList(),
                    ct).ConfigureAwait(false);
                if (rows is null)
                {
                    return await context.FailAsync($"refused: account: there is no account '{number}' (rule UnknownAccount)").ConfigureAwait(false);
                }
                await RegistryTable.WriteAsync(context, r.GetValue(format) == "csv", ["class", "quantity", "serials"], rows, $"{number} holds no units").ConfigureAwait(false);
                return ExitCode.Ok;
            });
    }

    private static Verb History(Option<string> db)
    {
        var (account, format) = (Text("ACCOUNT", "the account"), FormatOption());
        var kind = new Option<string>("--kind") { Description = "keep events whose journal kind contains this text, e.g. transfer", HelpName = "KIND" };
        var unitClass = new Option<string>("--class") { Description = "keep events of one unit class", HelpName = "CLASS" };
        var since = new Option<string>("--since") { Description = "keep events at or after: a China-time day or a time with its offset", HelpName = "DATE" };
        var until = new Option<string>("--until") { Description = "keep events before: a China-time day or a time with its offset", HelpName = "DATE" };
        return Read(db, "history", "The registry events touching the account, oldest first.",
            "ets registry history ACCOUNT [--kind KIND] [--class CLASS] [--since DATE] [--until DATE] [--format table|csv] [--db DB]",
            [account, kind, unitClass, since, until, format],
            async (context, r, ct) =>
            {
                if (!AccountNumber.TryCreate(r.GetValue(account), out var number, out var reason))
                {
                    return await context.UsageAsync(["account: " + reason]).ConfigureAwait(false);
                }
                var (filter, _, _, errors) = RegistryHistoryFilter.Parse(r.GetValue(kind), r.GetValue(unitClass), r.GetValue(since),
                    r.GetValue(until), null, null);
                if (errors.Count > 0)
                {
                    return await context.UsageAsync(errors.Select(e => CliText.Problem("--" + e.Field, e.Field, e.Message))).ConfigureAwait(false);
                }
                if (!await context.Registry.QueryAsync((l, _) => l.FindAccount(number) is not null, ct).ConfigureAwait(false))
                {
                    return await context.FailAsync($"refused: account: there is no account '{number}' (rule UnknownAccount)").ConfigureAwait(false);
                }
                // Read from storage a page at a time: the registry never holds a whole history in memory.
                var rows = new List<IReadOnlyList<string>>();
                const int Page = 1000;
                for (var skip = 0L; ; skip += Page)
                {
                    var page = await context.Registry.HistoryAsync(number, filter, skip, Page, ct).ConfigureAwait(false);
                    rows.AddRange(page.Select(h => (IReadOnlyList<string>)
                    [
                        h.Sequence.ToString(CultureInfo.InvariantCulture),
                        CliText.Time(h.At),
                        h.Actor, h.Kind, RegistryText.Describe(h.Event, h.Facts),
                    ]));
                    if (page.Count < Page)
                    {
                        break;
                    }
                }
                await RegistryTable.WriteAsync(context, r.GetValue(format) == "csv", ["sequence", "at", "actor", "kind", "what"], rows,
                    $"no registry events of {number}{(filter == new RegistryHistoryFilter() ? "" : " match the filters")}")
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            });
    }

    private static Verb Serial(Option<string> db)
    {
        var (unitClass, serial) = (Text("CLASS", ClassHelp), Whole("SERIAL", "serial", "a serial number ≥ 1"));
        return Read(db, "serial", "Which account holds one serial; exit 1 when it has not been issued.",
            "ets registry serial CLASS SERIAL [--db DB]", [unitClass, serial],
            async (context, r, ct) =>
            {
                if (!UnitClass.TryCreate(r.GetValue(unitClass), out var c, out var reason))
                {
                    return await context.UsageAsync(["class: " + reason]).ConfigureAwait(false);
                }
                var number = r.GetValue(serial);
                if (number < 1)
                {
                    return await context.UsageAsync([Invariant($"serial: a serial is a whole number ≥ 1, not {number}")]).ConfigureAwait(false);
                }
                var holder = await context.Registry.QueryAsync((l, _) => l.HolderOf(c, number), ct).ConfigureAwait(false);
                if (holder is not { } account)
                {
                    return await context.FailAsync(Invariant($"refused: serial: {c} serial {number} has not been issued (rule UnknownSerial)"))
                        .ConfigureAwait(false);
                }
                await context.Out.WriteLineAsync(Invariant($"{c} {number}: {account}")).ConfigureAwait(false);
                return ExitCode.Ok;
            });
    }

    private static Verb Verify(Option<string> db)
    {
        var digestFiles = new Option<string[]>("--digest")
        {
            Description = "a digest file downloaded from /api/v1/journal/digests (or one digest); give it once per file",
            HelpName = "FILE",
        };
        var keyFile = new Option<string>("--key")
        {
            Description = "check every digest with this public key (PEM) instead of the one in each file", HelpName = "PEMFILE",
        };
        var fromSnapshot = new Option<bool>("--from-snapshot")
        {
            Description = "check only the entries after the newest snapshot that checks out (fast; see docs/registry.md)",
        };
        var parallel = new Option<bool>("--parallel")
        {
            Description = "check the whole journal on every core: the replay in segments from one snapshot to the next",
        };
        var resume = new Option<string>("--resume")
        {
            Description = "keep a checkpoint in FILE while checking, and continue from it if it exists (a stopped run resumes)",
            HelpName = "FILE",
        };
        return Read(db, "verify",
            "Recompute the journal's hash chain, replay it into a fresh registry and compare (with every snapshot on the way), "
            + "and check that units are conserved; with --digest, also check that the journal reproduces every signed digest "
            + "kept in the files.",
            "ets registry verify [--from-snapshot | --resume FILE | --parallel] [--digest FILE [--digest FILE…] [--key PEMFILE]] [--db DB]",
            [digestFiles, keyFile, fromSnapshot, resume, parallel],
            async (context, r, ct) =>
            {
                var files = r.GetValue(digestFiles) ?? [];
                var key = r.GetValue(keyFile);
                if (key is not null && files.Length == 0)
                {
                    return await context.UsageAsync(["--key checks digests: give --digest FILE too"]).ConfigureAwait(false);
                }
                if (new[] { r.GetValue(fromSnapshot), r.GetValue(resume) is not null, r.GetValue(parallel) }.Count(given => given) > 1)
                {
                    return await context.UsageAsync(["--from-snapshot, --resume and --parallel: give one of them"]).ConfigureAwait(false);
                }
                var (kept, problem) = await KeptDigests.ReadAsync(files, key, ct).ConfigureAwait(false);
                if (kept is null)
                {
                    return await context.UsageAsync([problem!]).ConfigureAwait(false);
                }
                using (kept)
                {
                    var chain = await VerifyChainAsync(context, r.GetValue(fromSnapshot), r.GetValue(resume), r.GetValue(parallel), ct)
                        .ConfigureAwait(false);
                    return files.Length == 0 ? chain : Math.Max(chain, await VerifyDigestsAsync(context, kept, ct).ConfigureAwait(false));
                }
            });
    }

    private static Verb Snapshot(Option<string> db) =>
        Read(db, "snapshot",
            "Store a snapshot of the registry now and journal its hash; later starts restore it and replay only the entries after it.",
            "ets registry snapshot [--db DB]", [],
            async (context, _, ct) =>
            {
                var row = await context.Registry.SnapshotAsync(DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync(Invariant(
                    $"snapshot of entry {row.Sequence}: sha256 {row.Sha256}, format version {row.Version}, journalled as entry {row.ReferenceSequence}"))
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            });

    private static async Task<int> VerifyChainAsync(
        RegistryContext context, bool fromSnapshot, string? resumeFile, bool parallel, CancellationToken ct)
    {
        var resume = resumeFile is not null && System.IO.File.Exists(resumeFile)
            ? await System.IO.File.ReadAllBytesAsync(resumeFile, ct).ConfigureAwait(false)
            : null;
        // The checkpoint is replaced whole (written beside, then moved), so a run stopped mid-write keeps the previous one.
        Action<byte[]>? keep = resumeFile is null ? null : bytes =>
        {
            System.IO.File.WriteAllBytes(resumeFile + ".new", bytes);
            System.IO.File.Move(resumeFile + ".new", resumeFile, overwrite: true);
        };
        RegistryCheck check;
        if (context.IsTerminal)
        {
            check = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .StartAsync(async p =>
                {
                    var task = p.AddTask("journal entries", maxValue: 1);
                    return await context.Registry.VerifyAsync(new RegistryVerifyOptions(fromSnapshot, resume, (done, last) =>
                    {
                        task.MaxValue = Math.Max(1, last);
                        task.Value = done;
                    }, keep, Parallel: parallel), ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            check = await context.Registry.VerifyAsync(new RegistryVerifyOptions(fromSnapshot, resume, null, keep, Parallel: parallel), ct)
                .ConfigureAwait(false);
        }
        foreach (var warning in check.SnapshotWarnings ?? [])
        {
            await context.Err.WriteLineAsync($"{context.Name}: warning: {warning}").ConfigureAwait(false);
        }
        var scope = check.CheckedFrom > 1 ? Invariant($" from entry {check.CheckedFrom}") : "";
        if (check.Intact)
        {
            if (resumeFile is not null)
            {
                System.IO.File.Delete(resumeFile);
            }
            await context.Out.WriteLineAsync(Invariant(
                $"intact: {CliText.Count(check.EntriesChecked, "entry", "entries")}{scope} ({CliText.Count(check.RegistryEvents, "registry event", "registry events")} replayed; units conserved)")).ConfigureAwait(false);
            return ExitCode.Ok;
        }
        if (!check.ChainIntact)
        {
            return await context.FailAsync(Invariant(
                $"broken: journal entry {check.FirstBadSequence}: {check.ChainReason} ({CliText.Count(check.EntriesChecked, "entry", "entries")} checked{scope})")).ConfigureAwait(false);
        }
        if (check.ReplayFailedAt is { } failed)
        {
            return await context.FailAsync(Invariant(
                $"broken: journal entry {failed} cannot be replayed: {check.ReplayReason}")).ConfigureAwait(false);
        }
        if (check.SnapshotMismatchAt is { } snapshot)
        {
            return await context.FailAsync(Invariant(
                $"broken: the snapshot of entry {snapshot} does not match the replay of the journal up to it")).ConfigureAwait(false);
        }
        if (!check.ReplayMatches)
        {
            return await context.FailAsync(Invariant(
                $"broken: replaying the {check.RegistryEvents} registry events does not give the live registry")).ConfigureAwait(false);
        }
        return await context.FailAsync("broken: units held across all accounts differ from units issued for some class").ConfigureAwait(false);
    }

    // The digests kept elsewhere pin the journal up to each digest's entry: a rewrite with recomputed hashes passes the
    // chain check above but not these.
    private static async Task<int> VerifyDigestsAsync(RegistryContext context, KeptDigests kept, CancellationToken ct)
    {
        var check = await new JournalDigests(context.Store, signer: null).CheckAsync(kept.Digests, kept.IsSigned, ct).ConfigureAwait(false);
        await context.Out.WriteLineAsync(Invariant($"digests: {check.Checked} checked from {CliText.Count(kept.FileCount, "file", "files")}")).ConfigureAwait(false);
        foreach (var sequence in check.BadSignatures)
        {
            await context.FailAsync(Invariant(
                $"bad signature: the digest at entry {sequence} is not signed by the key given (its file's, or --key)")).ConfigureAwait(false);
        }
        if (check.FailedDigest is { } failed)
        {
            var (from, to) = (check.FirstChangedFrom!.Value, check.FirstChangedTo!.Value);
            var where = from == to ? Invariant($"is entry {from}") : Invariant($"is one of {from}–{to}");
            return await context.FailAsync(Invariant(
                $"broken: the journal does not reproduce the digest at entry {failed}: the first changed entry {where}")).ConfigureAwait(false);
        }
        if (!check.Reproduced)
        {
            return ExitCode.Rejected;
        }
        await context.Out.WriteLineAsync(Invariant(
            $"reproduced: the journal reproduces all {CliText.Count(check.Checked, "digest", "digests")}, the newest at entry {kept.Digests.Max(d => d.Sequence)}"))
            .ConfigureAwait(false);
        return ExitCode.Ok;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
