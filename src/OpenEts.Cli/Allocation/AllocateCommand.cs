using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenEts.Application.Allocation;
using OpenEts.Application.Mrv;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Allocation;
using OpenEts.Storage;
using Spectre.Console;

namespace OpenEts.Cli.Allocation;

/// <summary>
/// <c>ets allocate --plan P --year Y [--set NAME=VALUE …] [--version N] [--confirm --source TEXT --as USER] [--db DB]</c>:
/// the what-if. Runs the plan (the newest stored version, else the shipped document) over every covered entity's
/// approved MRV figures, with the figures <c>--set</c> changes, and prints each entity's allocation and change, the total
/// and the cap check. It stores and moves nothing (exit 0); an unknown plan, year or figure is a usage error (exit 2).
/// With <c>--confirm</c> the regulator named by <c>--as</c> then confirms it (<see cref="ConfirmWhatIf"/>): the changed
/// figures, with <c>--source</c>, become a new draft version of the stored plan (exit 0), or the refusal is named (exit 1).
/// </summary>
internal static class AllocateCommand
{
    public static Verb Build()
    {
        var plan = new Option<string>("--plan") { Description = "the plan id, e.g. guangdong-2017", Required = true };
        var year = new Option<int>("--year") { Description = "the allocation year", Required = true };
        var set = new Option<string[]>("--set")
        {
            Description = "change a figure: benchmark.SECTOR.PRODUCT=V, heat.…, factor.SECTOR.PRODUCT.FACTOR=V, decline.…, free.SECTOR=V, pre.share=V, shortfall=V, or a JSON path",
            AllowMultipleArgumentsPerToken = true,
        };
        var version = new Option<int?>("--version") { Description = "the plan version (default: the newest)" };
        var confirm = new Option<bool>("--confirm") { Description = "then save the changed figures as a new draft version of the stored plan (the regulator)" };
        var source = new Option<string?>("--source") { Description = "with --confirm: where the new values come from (a decision, a notice)", HelpName = "TEXT" };
        var who = new Option<string?>("--as") { Description = "with --confirm: the regulator confirming", HelpName = "USER" };
        var db = new Option<string>("--db") { Description = "the database (default OPENETS_DB, else data/openets.db)" };
        var verb = new Verb("allocate", "What-if: a plan's allocation of every covered entity, with figures changed; touches nothing unless confirmed.",
            "ets allocate --plan P --year Y [--set NAME=VALUE …] [--version N] [--confirm --source TEXT --as USER] [--db DB]",
            plan, year, set, version, confirm, source, who, db);
        verb.SetAction((r, ct) => RunAsync(r, verb, new Request(r.GetRequiredValue(plan), r.GetValue(year), r.GetValue(set) ?? [], r.GetValue(version),
            r.GetValue(confirm), r.GetValue(source), r.GetValue(who)), db, ct));
        return verb;
    }

    private sealed record Request(string PlanId, int Year, string[] Sets, int? Version, bool Confirm, string? Source, string? As);

    private static async Task<int> RunAsync(ParseResult r, Command command, Request request, Option<string> db, CancellationToken ct)
    {
        var (planId, year, sets, version) = (request.PlanId, request.Year, request.Sets, request.Version);
        // A confirmation is checked before the what-if runs, so that one that cannot go through costs nothing.
        ConfirmWhatIf? confirm = null;
        if (request.Confirm)
        {
            var problems = new List<string>();
            if (!ConfirmWhatIf.TryParse(new ConfirmWhatIf.Form(planId, version, year, sets, request.Source), out confirm, out var confirmErrors))
            {
                problems.AddRange(confirmErrors.Select(e => $"{CliText.Problem(Label(e.Field), e.Field, e.Message)} (rule {e.Rule})"));
            }
            if (string.IsNullOrWhiteSpace(request.As))
            {
                problems.Add("--as: name the regulator confirming (rule Required)");
            }
            if (problems.Count > 0)
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, command, problems).ConfigureAwait(false);
            }
        }
        var stdout = r.InvocationConfiguration.Output;
        var stderr = r.InvocationConfiguration.Error;
        var edits = new List<PlanEdit>();
        foreach (var text in sets)
        {
            if (!PlanEdit.TryParse(text, "what-if (--set)", out var edit, out var reason))
            {
                return await CommandUsage.ErrorAsync(stderr, command, [$"--set: {reason}"]).ConfigureAwait(false);
            }
            edits.Add(edit);
        }
        var database = r.GetValue(db) ?? RegistryContext.DefaultDatabase;
        if (RegistryContext.DatabaseProblem(database) is { } problem)
        {
            return await CommandUsage.ErrorAsync(stderr, command, [problem]).ConfigureAwait(false);
        }
        await using var store = await SqlStore.OpenAsync(database, ct).ConfigureAwait(false);
        var queries = new AllocationQueries(store, new MrvQueries(store), new Application.Organisations.OrganisationService(store));
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var (result, errors) = terminal
            ? await AnsiConsole.Progress().StartAsync(async p =>
            {
                var task = p.AddTask($"{planId} {year}", maxValue: 1);
                var run = await queries.WhatIfAsync(planId, version, year, edits, (done, total) => { task.MaxValue = total; task.Value = done; }, ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return run;
            }).ConfigureAwait(false)
            : await queries.WhatIfAsync(planId, version, year, edits, null, ct).ConfigureAwait(false);
        if (result is null)
        {
            return await CommandUsage.ErrorAsync(stderr, command, errors.Select(e => $"{CliText.Problem(Label(e.Field), e.Field, e.Message)} (rule {e.Rule})"))
                .ConfigureAwait(false);
        }
        await stdout.WriteAsync(Text(result)).ConfigureAwait(false);
        return confirm is null ? ExitCode.Ok
            : await ConfirmAsync(store, stderr, stdout, command, request, confirm with { Version = result.Plan.Version }, ct).ConfigureAwait(false);
    }

    // The option a use case's field came from: --plan, --year, --version, --source, --set; a figure's name is one --set.
    private static string Label(string field)
    {
        var name = field.Split('[')[0];
        return name is "plan" or "year" or "version" or "source" or "set" ? "--" + name : "--set " + field;
    }

    // The what-if just printed, confirmed as the --as user: parse → call → map, as every edge does.
    private static async Task<int> ConfirmAsync(SqlStore store, TextWriter stderr, TextWriter stdout, Command command, Request request,
        ConfirmWhatIf confirm, CancellationToken ct)
    {
        var name = CommandUsage.PathOf(command);
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync(request.As!.Trim()), ct).ConfigureAwait(false);
        if (user is null)
        {
            await stderr.WriteLineAsync($"{name}: refused: --as: there is no platform user '{request.As}' (rule UnknownUser)").ConfigureAwait(false);
            return ExitCode.Rejected;
        }
        var actor = new Application.Identity.Actor(user.Id, user.UserName, user.Role, user.OrganisationId);
        var outcome = await new AllocationCommandHandler(store, TimeProvider.System).HandleAsync(actor, confirm, ct).ConfigureAwait(false);
        var refusal = outcome switch
        {
            AllocationCommandOutcome.Completed { Plan: not null } => null,
            AllocationCommandOutcome.Refused x => $"{x.Field}: {x.Message} (rule {x.Rule})",
            AllocationCommandOutcome.Forbidden f => $"--as: user '{actor.UserName}' has the role {actor.Role}; this needs {string.Join(" or ", f.Allowed)} (rule NotPermitted)",
            AllocationCommandOutcome.NotFound => $"--plan: there is no stored version of plan '{request.PlanId}' to revise (import it first) (rule NotFound)",
            AllocationCommandOutcome.Invalid i => string.Join("; ", i.Errors.Select(e => $"{e.Message} (rule {e.Rule})")),
            _ => throw new UnreachableException(),
        };
        if (refusal is not null)
        {
            await stderr.WriteLineAsync($"{name}: refused: {refusal}").ConfigureAwait(false);
            return ExitCode.Rejected;
        }
        var plan = ((AllocationCommandOutcome.Completed)outcome).Plan!;
        await stdout.WriteLineAsync(Invariant(
            $"confirmed: plan {plan.PlanId} v{plan.Version} saved as a draft revising v{plan.Version - 1}; it governs nothing until approved; nothing in the registry moved"))
            .ConfigureAwait(false);
        return ExitCode.Ok;
    }

    /// <summary>The what-if as text: one line per entity, the totals, the cap check and the plan's unconfirmed figures.</summary>
    public static string Text(WhatIfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append(Invariant($"plan {result.Plan.Id} v{result.Plan.Version}, year {result.Year}"));
        foreach (var edit in result.Edits)
        {
            text.Append(Invariant($"; {edit.Target} = {edit.Value}"));
        }
        text.Append('\n');
        text.Append(Invariant($"{"entity",-20} {"sector",-13} {"stage",-5} {"plan (t)",14} {"what-if (t)",14} {"change",12} {"free",14} {"paid",12}\n"));
        foreach (var row in result.Rows.OrderBy(r => r.Changed.Code, StringComparer.Ordinal))
        {
            var c = row.Changed;
            text.Append(Invariant($"{c.Code,-20} {c.Sector.ToString().ToLowerInvariant(),-13} {c.Stage.ToString().ToLowerInvariant(),-5} "))
                .Append(Invariant($"{row.Baseline.Total.Value,14:N0} {c.Total.Value,14:N0} {row.Change,12:+#,0;-#,0;0} {c.Free.Value,14:N0} {c.Paid.Value,12:N0}"))
                .Append(c.Unconfirmed ? "  [UNCONFIRMED figures]" : "").Append('\n');
        }
        text.Append(Invariant($"total: {result.Total:N0} t (plan as it is: {result.BaselineTotal:N0} t; change {result.Total - result.BaselineTotal:+#,0;-#,0;0} t)\n"));
        text.Append(CapText(result.Changed));
        if (result.Flags.Count > 0)
        {
            text.Append(CliText.Count(result.Flags.Count, "figure", "figures"))
                .Append(result.Flags.Count == 1 ? " of the plan is an [UNCONFIRMED] placeholder or carried from another year" : " of the plan are [UNCONFIRMED] placeholders or carried from another year")
                .Append("; see the plan page\n");
        }
        return text.ToString();
    }

    private static string CapText(CapCheck? cap) => cap is null
        ? "cap: the plan sets no fixed cap (its total is the sum of its allocations)\n"
        : Invariant($"cap: {cap.Total:N0} t total, {cap.Covered:N0} t to covered entities, {cap.Reserve:N0} t reserve; allocated {cap.Allocated:N0} t; ")
            + (cap.Within ? Invariant($"{cap.Headroom:N0} t left under the covered cap\n") : Invariant($"{-cap.Headroom:N0} t OVER the covered cap\n"))
            + (cap.Unconfirmed ? "cap figures are [UNCONFIRMED]\n" : "");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
