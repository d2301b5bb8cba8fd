using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenEts.Application.Allocation;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Compliance;
using Spectre.Console;

namespace OpenEts.Cli.Compliance;

/// <summary>
/// <c>ets compliance status|list|surrender …</c>, the regulator's batch work on a compliance year (履约): parse → call
/// <see cref="ComplianceQueries"/> or <see cref="ComplianceHandler"/> → map (exit 0 done, 1 refused, 2 usage). The list
/// is the public one; the penalties need a role of <see cref="ComplianceQueries.OverviewRoles"/>.
/// </summary>
internal static class ComplianceCommand
{
    private static Option<string> Db() => new("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };

    private static Option<int> Year() => new("--year") { Description = "the compliance (emissions) year", HelpName = "Y", Required = true };

    private static Option<string?> Jurisdiction() =>
        new("--jurisdiction") { Description = $"the plan's registry code (default {ComplianceRulebook.DefaultJurisdiction})", HelpName = "J" };

    public static Command Build()
    {
        var db = Db();
        var year = Year();
        var jurisdiction = Jurisdiction();
        var asUser = new Option<string?>("--as") { Description = "a regulator or auditor, to see the penalties", HelpName = "USER" };
        var status = new Verb("status", "The year's standing: counts, compliance rate, deadline, the province's offsets, and every entity still owing.",
            "ets compliance status --year Y [--jurisdiction J] [--as USER] [--db DB]", year, jurisdiction, asUser, db);
        status.SetAction((r, ct) => RunAsync(r, db, r.GetValue(asUser), async (c, actor) =>
        {
            if (BadJurisdiction(r.GetValue(jurisdiction)) is { } bad)
            {
                return await c.UsageAsync([bad]).ConfigureAwait(false);
            }
            if (await ListAsync(c, r.GetValue(jurisdiction), r.GetValue(year), ct).ConfigureAwait(false) is not { } list)
            {
                return await NoRulesAsync(c, r.GetValue(jurisdiction), r.GetValue(year)).ConfigureAwait(false);
            }
            await c.Out.WriteAsync(ComplianceText.Status(list, actor is not null && ComplianceQueries.OverviewRoles.Contains(actor.Role)))
                .ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));

        var export = new Option<string?>("--export") { Description = "also write the list as .xlsx to FILE (Chinese headers, [UNCONFIRMED] rules)", HelpName = "FILE" };
        var listYear = Year();
        var listJurisdiction = Jurisdiction();
        var listDb = Db();
        var list = new Verb("list", "The public compliance list (like the yearly 履约 announcements), optionally exported as .xlsx.",
            "ets compliance list --year Y [--jurisdiction J] [--export FILE.xlsx] [--db DB]", listYear, listJurisdiction, export, listDb);
        list.SetAction((r, ct) => RunAsync(r, listDb, null, async (c, _) =>
        {
            if (BadJurisdiction(r.GetValue(listJurisdiction)) is { } bad)
            {
                return await c.UsageAsync([bad]).ConfigureAwait(false);
            }
            if (await ListAsync(c, r.GetValue(listJurisdiction), r.GetValue(listYear), ct).ConfigureAwait(false) is not { } found)
            {
                return await NoRulesAsync(c, r.GetValue(listJurisdiction), r.GetValue(listYear)).ConfigureAwait(false);
            }
            await c.Out.WriteAsync(ComplianceText.List(found)).ConfigureAwait(false);
            if (r.GetValue(export) is { Length: > 0 } file)
            {
                await using (var output = File.Create(file))
                {
                    ComplianceWorkbook.Write(output, found);
                }
                await c.Out.WriteLineAsync($"written {file}").ConfigureAwait(false);
            }
            return ExitCode.Ok;
        }, ct));

        var surrenderDb = Db();
        var surrenderYear = Year();
        var surrenderJurisdiction = Jurisdiction();
        var who = new Option<string>("--as") { Description = "the company representative surrendering", HelpName = "USER", Required = true };
        var key = new Option<string?>("--key") { Description = "idempotency key (a fresh one when omitted)", HelpName = "KEY" };
        var account = new Argument<string>("ACCOUNT") { Description = "your holding account" };
        var unitClass = new Argument<string>("CLASS") { Description = "the unit class, e.g. GDEA-2017 or PHCER-GD0001-2017" };
        var quantity = new Argument<long>("QUANTITY") { Description = "whole tonnes" };
        var surrender = new Verb("surrender", "Surrender units for compliance; refused with the rule named before any unit moves.",
            "ets compliance surrender ACCOUNT CLASS QUANTITY --year Y --as USER [--jurisdiction J] [--key KEY] [--db DB]",
            account, unitClass, quantity, surrenderYear, surrenderJurisdiction, who, key, surrenderDb);
        surrender.SetAction((r, ct) => SurrenderForCompliance.TryParse(new(r.GetValue(surrenderJurisdiction), r.GetRequiredValue(account),
                r.GetRequiredValue(unitClass), r.GetValue(quantity), r.GetValue(surrenderYear), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var command, out var errors)
            ? SurrenderAsync(r, surrenderDb, r.GetRequiredValue(who), command, ct)
            : RunAsync(r, surrenderDb, null, (c, _) => c.UsageAsync(errors.Select(e =>
                CliText.Problem(e.Field == "jurisdiction" ? "--jurisdiction" : e.Field, e.Field, e.Message))), ct));

        return new Command("compliance", "The compliance year (履约): standing, the public list and its export, surrenders.") { status, list, surrender };
    }

    /// <summary>
    /// Surrenders for compliance as <paramref name="who"/> and reports how it ended: <c>ets compliance surrender</c> and
    /// <c>ets registry surrender</c> both come here, so the year's rules apply whichever is used.
    /// </summary>
    internal static Task<int> SurrenderAsync(ParseResult r, Option<string> db, string who, SurrenderForCompliance command, CancellationToken ct) =>
        RunAsync(r, db, who, (c, actor) => ReportAsync(c, Handler(c).HandleAsync(actor!, command, ct)), ct);

    private static async Task<ComplianceList?> ListAsync(RegistryContext c, string? jurisdiction, int year, CancellationToken ct)
    {
        var code = SurrenderForCompliance.ReadJurisdiction(new FieldReader(), jurisdiction);
        var queries = Queries(c);
        if (!c.IsTerminal)
        {
            return await queries.ListAsync(code, year, ct).ConfigureAwait(false);
        }
        // Evaluating a large year (every surrender replayed) takes a moment: show that it is working.
        return await AnsiConsole.Progress().StartAsync(async p =>
        {
            var task = p.AddTask($"{code} {year}", maxValue: 1);
            task.IsIndeterminate = true;
            var found = await queries.ListAsync(code, year, ct).ConfigureAwait(false);
            task.IsIndeterminate = false;
            task.Value = 1;
            return found;
        }).ConfigureAwait(false);
    }

    // A --jurisdiction that is no registry code, as the surrender reads it: a usage error, not a year without rules.
    private static string? BadJurisdiction(string? jurisdiction)
    {
        var read = new FieldReader();
        SurrenderForCompliance.ReadJurisdiction(read, jurisdiction);
        return read.Errors.Select(e => CliText.Problem("--jurisdiction", e.Field, e.Message)).FirstOrDefault();
    }

    private static Task<int> NoRulesAsync(RegistryContext c, string? jurisdiction, int year) =>
        c.FailAsync(Invariant($"refused: --year: no approved plan gives compliance rules for {SurrenderForCompliance.ReadJurisdiction(new FieldReader(), jurisdiction)} {year} (rule Compliance.{ComplianceRule.NoRules})"));

    private static ComplianceQueries Queries(RegistryContext c)
    {
        var registry = new RegistryQueries(c.Registry);
        var mrv = new MrvQueries(c.Store);
        var organisations = new OrganisationService(c.Store);
        return new ComplianceQueries(registry, mrv, new OffsetsQueries(c.Store, registry), organisations,
            new ComplianceRulebook(new AllocationQueries(c.Store, mrv, organisations)), c.Store, TimeProvider.System);
    }

    private static ComplianceHandler Handler(RegistryContext c)
    {
        var registry = new RegistryQueries(c.Registry);
        var mrv = new MrvQueries(c.Store);
        var organisations = new OrganisationService(c.Store);
        return new ComplianceHandler(c.Registry, registry, mrv, new OffsetsQueries(c.Store, registry), organisations,
            new ComplianceRulebook(new AllocationQueries(c.Store, mrv, organisations)), c.Store, TimeProvider.System);
    }

    private static async Task<int> RunAsync(ParseResult r, Option<string> db, string? who, Func<RegistryContext, Actor?, Task<int>> work,
        CancellationToken ct)
    {
        await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
        if (context is null)
        {
            return ExitCode.Usage;
        }
        Actor? actor = null;
        if (who is not null && (actor = await context.ActorAsync(who, ct).ConfigureAwait(false)) is null)
        {
            return await context.FailAsync($"refused: --as: there is no platform user '{who}' (rule UnknownUser)").ConfigureAwait(false);
        }
        return await work(context, actor).ConfigureAwait(false);
    }

    /// <summary>How a compliance surrender ended: done on stdout (0); refused on stderr (1); malformed on stderr with the usage (2).</summary>
    private static async Task<int> ReportAsync(RegistryContext c, Task<ComplianceOutcome> running)
    {
        switch (await running.ConfigureAwait(false))
        {
            case ComplianceOutcome.Completed done:
                var s = done.Status;
                await c.Out.WriteLineAsync(Invariant(
                    $"surrendered {done.Facts.Quantity.Value} {done.Facts.Class}{(done.Duplicate ? " (already done with this key)" : "")}; {s.Entity.Value} {s.Year}: owed {s.Required}, surrendered {s.Surrendered}, still owed {s.Remaining}, {s.Status}"))
                    .ConfigureAwait(false);
                return ExitCode.Ok;
            case ComplianceOutcome.Refused { Kind: RefusalKind.Malformed } m:
                return await c.UsageAsync([$"{m.Field}: {m.Message} (rule {m.Rule})"]).ConfigureAwait(false);
            case ComplianceOutcome.Refused refused:
                return await c.FailAsync($"refused: {refused.Field}: {refused.Message} (rule {refused.Rule})").ConfigureAwait(false);
            case ComplianceOutcome.Forbidden f:
                return await c.FailAsync($"refused: --as: this needs {string.Join(" or ", f.Allowed)} (rule NotPermitted)").ConfigureAwait(false);
            case ComplianceOutcome.Invalid i:
                return await c.FailAsync("refused: " + string.Join("; ", i.Errors.Select(e => $"{e.Message} (rule {e.Rule})"))).ConfigureAwait(false);
            default:
                throw new UnreachableException();
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
