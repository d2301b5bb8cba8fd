using System.CommandLine;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Identity;
using OpenEts.Cli.Admin;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Identity;
using static System.FormattableString;

namespace OpenEts.Cli.Energy;

/// <summary>
/// <c>ets energy cards escalate</c>: escalates every yellow card past its deadline to red (for a daily or hourly cron
/// job), and <c>ets energy cards propose --jurisdiction J</c>: proposes cards from online monitoring's exceedances.
/// Both run the officers' use cases through <see cref="CardsCommandHandler"/>, as <c>--as USER</c> or, without it, as
/// the operator at the console (<c>cli:NAME</c>, with the regulator's role: whoever runs the CLI holds the database).
/// Rerunning either changes nothing. Exit 0 done, 1 refused, 2 usage.
/// </summary>
internal static class EnergyCardsCommand
{
    public static Command Build(Option<string> db) =>
        new("cards", "Polluter red/yellow cards (环保红黄牌): escalate overdue yellow cards, propose cards from monitoring (docs/cards-and-calculators.md).")
        {
            Escalate(db), Propose(db),
        };

    private static Option<string> As() =>
        new("--as") { Description = "a regulator's platform user (default: the operator, cli:NAME)", HelpName = "USER" };

    private static Verb Escalate(Option<string> db)
    {
        var actor = As();
        var verb = new Verb("escalate", "Escalate every yellow card past its rectification deadline to red; running it again escalates nothing.",
            "ets energy cards escalate [--as USER] [--db DB]", actor);
        verb.SetAction(async (r, ct) => await RunAsync(r, db, actor, new EscalateOverdue(), async (context, result) =>
        {
            var red = (IReadOnlyCollection<CardRecord>)result;
            await context.Out.WriteLineAsync(Invariant($"escalated {CliText.Count(red.Count, "yellow card", "yellow cards")} to red")).ConfigureAwait(false);
            foreach (var c in red)
            {
                await context.Out.WriteLineAsync(Invariant($"red #{c.Id}\t{c.OrganisationCode}\t{c.OrganisationName}\tfrom yellow #{c.EscalatedFrom}")).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false));
        return verb;
    }

    private static Verb Propose(Option<string> db)
    {
        var actor = As();
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "the card rules to apply: tianjin, jiangxi, qinghai", HelpName = "J", Required = true };
        var from = new Option<string>("--from") { Description = "first Beijing day, yyyy-MM-dd (default: 30 days before --to)", HelpName = "DAY" };
        var to = new Option<string>("--to") { Description = "last Beijing day, yyyy-MM-dd (default: today)", HelpName = "DAY" };
        var region = new Option<string>("--region") { Description = "only units reporting to this monitoring region, e.g. NX", HelpName = "R" };
        var verb = new Verb("propose", "Propose cards from online monitoring: one violation per meter and month over its permitted daily use; running it again proposes nothing twice.",
            "ets energy cards propose --jurisdiction J [--from DAY] [--to DAY] [--region R] [--as USER] [--db DB]", jurisdiction, from, to, region, actor);
        verb.SetAction(async (r, ct) =>
        {
            if (!ProposeFromMonitoring.TryParse(new(r.GetRequiredValue(jurisdiction), r.GetValue(from), r.GetValue(to), r.GetValue(region)),
                CardRuleSets.Shipped, out var command, out var errors))
            {
                return await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, errors.Select(e => CliText.Problem("--" + e.Field, e.Field, e.Message))).ConfigureAwait(false);
            }
            return await RunAsync(r, db, actor, command, async (context, result) =>
            {
                var done = (MonitoringProposals)result;
                await context.Out.WriteLineAsync(Invariant($"{done.From:yyyy-MM-dd} to {done.To:yyyy-MM-dd}: {done.Proposed.Count} proposed, {done.Skipped} skipped"))
                    .ConfigureAwait(false);
                foreach (var p in done.Proposed)
                {
                    var v = p.Violation;
                    await context.Out.WriteLineAsync(Invariant(
                        $"violation #{v.Id}\t{v.OrganisationCode}\t{v.Parameter}\t{v.Measured} > {v.Limit} {v.Unit}\t{(p.Proposed is { } c ? $"{c.Colour} card #{c.Id} proposed" : "no card")}"))
                        .ConfigureAwait(false);
                }
            }, ct).ConfigureAwait(false);
        });
        return verb;
    }

    private static async Task<int> RunAsync(ParseResult r, Option<string> db, Option<string> actor, ICardsCommand command,
        Func<RegistryContext, object, Task> print, CancellationToken ct)
    {
        await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
        if (context is null)
        {
            return ExitCode.Usage;
        }
        var userName = r.GetValue(actor);
        Actor who;
        if (string.IsNullOrWhiteSpace(userName))
        {
            who = new Actor(0, AdminCommand.ActorName, Role.Regulator, null);
        }
        else if (await context.ActorAsync(userName, ct).ConfigureAwait(false) is { } named)
        {
            who = named;
        }
        else
        {
            return await context.FailAsync($"refused: --as: there is no platform user '{userName}' (rule UnknownUser)").ConfigureAwait(false);
        }
        var outcome = await new CardsCommandHandler(context.Store, CardRuleSets.Shipped, TimeProvider.System).HandleAsync(who, command, ct).ConfigureAwait(false);
        switch (outcome)
        {
            case CardsCommandOutcome.Completed c:
                await print(context, c.Result).ConfigureAwait(false);
                return ExitCode.Ok;
            case CardsCommandOutcome.Refused { Kind: OpenEts.Application.Registry.RefusalKind.Malformed } m:
                return await context.UsageAsync([$"{m.Field}: {m.Message} (rule {m.Rule})"]).ConfigureAwait(false);
            case CardsCommandOutcome.Refused f:
                return await context.FailAsync($"refused: {f.Field}: {f.Message} (rule {f.Rule})").ConfigureAwait(false);
            case CardsCommandOutcome.Forbidden f:
                return await context.FailAsync($"refused: --as: user '{who.UserName}' has the role {who.Role}; this needs {string.Join(" or ", f.Allowed)} (rule NotPermitted)")
                    .ConfigureAwait(false);
            case CardsCommandOutcome.Invalid i:
                return await context.UsageAsync(i.Errors.Select(e => $"{e.Field}: {e.Message} (rule {e.Rule})")).ConfigureAwait(false);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }
}
