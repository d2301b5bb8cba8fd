using OpenEts.Application.Allocation;
using OpenEts.Application.Cash;
using OpenEts.Application.Compliance;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Workbench;

/// <summary>
/// The signed-in user's workbench (工作台): what waits for them to act, across the modules, each read through that
/// module's own queries — reports and projects in their role's queue, transfers a second representative must decide,
/// a report not yet submitted before its deadline, units still owed for compliance, plans to approve, client moves and
/// block trades offered to a member. Nothing is stored: every item is computed when the page is read.
/// </summary>
public sealed class WorkbenchQueries(
    MrvQueries mrv, OffsetsQueries offsets, RegistryQueries registry, ComplianceQueries compliance, AllocationQueries allocation,
    ExchangeQueries exchange, CashQueries cash, TimeProvider clock)
{
    /// <summary>
    /// A company representative's accounts at a glance (我的账户): each registry account they represent with what it holds
    /// per unit class, and their organisation's cash when it has a cash account; null for every other role.
    /// </summary>
    public async Task<OwnAccounts?> OwnAccountsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.CompanyRepresentative)
        {
            return null;
        }
        var holdings = await registry.RepresentedHoldingsAsync(actor, ct).ConfigureAwait(false);
        var statement = await cash.OwnStatementAsync(actor, 0, ct).ConfigureAwait(false);
        return new OwnAccounts(holdings, statement is { Account: not null } ? (statement.Balance, statement.Available) : null);
    }

    /// <summary>What waits for <paramref name="actor"/>, most urgent first (a due date before none, earlier before later).</summary>
    public async Task<IReadOnlyList<WorkItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var items = new List<WorkItem>();
        switch (actor.Role)
        {
            case Role.CompanyRepresentative:
                await ReportDueAsync(actor, items, ct).ConfigureAwait(false);
                await ProposalsAsync(actor, items, ct).ConfigureAwait(false);
                await OwedAsync(actor, items, ct).ConfigureAwait(false);
                await QueuesAsync(actor, items, mrvQueue: false, ct).ConfigureAwait(false);
                break;
            case Role.Regulator:
                await QueuesAsync(actor, items, mrvQueue: true, ct).ConfigureAwait(false);
                await UnsubmittedAsync(actor, items, ct).ConfigureAwait(false);
                await ProposalsAsync(actor, items, ct).ConfigureAwait(false);
                await PlansAsync(items, ct).ConfigureAwait(false);
                await ShortListAsync(items, ct).ConfigureAwait(false);
                break;
            case Role.Verifier:
                await QueuesAsync(actor, items, mrvQueue: true, ct).ConfigureAwait(false);
                break;
            case Role.ExchangeMember:
                await ProposalsAsync(actor, items, ct).ConfigureAwait(false);
                await MemberAsync(actor, items, ct).ConfigureAwait(false);
                break;
            default:
                break;
        }
        return [.. items.OrderBy(i => i.Due is null).ThenBy(i => i.Due)];
    }

    // The MRV and offsets queues of the actor's role. A company's own MRV report is its deadline item instead.
    private async Task QueuesAsync(Actor actor, List<WorkItem> items, bool mrvQueue, CancellationToken ct)
    {
        if (mrvQueue && (await mrv.QueueAsync(actor, ct).ConfigureAwait(false)).Count is > 0 and var reports)
        {
            items.Add(new WorkItem(WorkKind.ReportsToAct, reports));
        }
        if ((await offsets.QueueAsync(actor, ct).ConfigureAwait(false)).Count is > 0 and var projects)
        {
            items.Add(new WorkItem(WorkKind.ProjectsToAct, projects));
        }
    }

    // The company's report for the newest reporting year while it is still the company's to submit (none yet, a draft, returned).
    private async Task ReportDueAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        if (ReportingDeadline.Current(await mrv.DeadlinesAsync(ct).ConfigureAwait(false)) is not { } deadline)
        {
            return;
        }
        var status = await mrv.OwnReportStatusAsync(actor, deadline.Year, ct).ConfigureAwait(false);
        if (status is not { } s || MrvRoles.HolderOf(s) == Role.CompanyRepresentative)
        {
            items.Add(new WorkItem(status == ReportStatus.Returned ? WorkKind.ReportReturned : WorkKind.ReportDue, 1,
                deadline.Year, deadline.ReportsDue, Overdue: ReportingDeadline.IsAfter(clock.GetUtcNow(), deadline.ReportsDue)));
        }
    }

    // The covered companies that have not submitted the newest reporting year's report, for the regulator to chase.
    private async Task UnsubmittedAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        if (await mrv.UnsubmittedForNewestAsync(actor, clock.GetUtcNow(), ct).ConfigureAwait(false) is { Companies.Count: > 0 } missing)
        {
            items.Add(new WorkItem(WorkKind.ReportsUnsubmitted, missing.Companies.Count, missing.Deadline.Year, missing.Deadline.ReportsDue,
                Overdue: missing.Overdue));
        }
    }

    private async Task ProposalsAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        var waiting = await registry.ProposalsWaitingAsync(actor, ct).ConfigureAwait(false);
        if (waiting.ToDecide.Count > 0)
        {
            items.Add(new WorkItem(WorkKind.TransfersToDecide, waiting.ToDecide.Count, Tonnes: waiting.ToDecide.Sum(p => p.Quantity),
                Account: waiting.ToDecide[0].From.Value));
        }
        if (waiting.Proposed.Count > 0)
        {
            items.Add(new WorkItem(WorkKind.TransfersProposed, waiting.Proposed.Count, Tonnes: waiting.Proposed.Sum(p => p.Quantity),
                Account: waiting.Proposed[0].From.Value));
        }
    }

    // The newest compliance year in which the company still owes units.
    private async Task OwedAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        if (await compliance.OwedAsync(actor, ct).ConfigureAwait(false) is { } owed)
        {
            items.Add(new WorkItem(WorkKind.UnitsOwed, 1, owed.Year, owed.Deadline, owed.Standing.Remaining, Overdue: owed.Standing.PastDeadline));
        }
    }

    private async Task PlansAsync(List<WorkItem> items, CancellationToken ct)
    {
        if ((await allocation.PlansAsync(ct).ConfigureAwait(false)).Count(p => p.Status == PlanStatus.Draft) is > 0 and var drafts)
        {
            items.Add(new WorkItem(WorkKind.PlansToApprove, drafts));
        }
    }

    // The newest compliance year's entities that still owe units, for the regulator.
    private async Task ShortListAsync(List<WorkItem> items, CancellationToken ct)
    {
        if ((await compliance.YearsAsync(ct).ConfigureAwait(false)).OrderByDescending(y => y.Year).FirstOrDefault() is not { Jurisdiction: not null } newest
            || await compliance.ListAsync(newest.Jurisdiction, newest.Year, ct).ConfigureAwait(false) is not { } list)
        {
            return;
        }
        var shortRows = list.Rows.Where(r => r.Standing.Status == ComplianceStatus.Short).ToList();
        if (shortRows.Count > 0)
        {
            items.Add(new WorkItem(WorkKind.EntitiesShort, shortRows.Count, list.Year, list.Rules.SurrenderDeadline,
                shortRows.Sum(r => r.Standing.Remaining), Overdue: shortRows.Any(r => r.Standing.PastDeadline)));
        }
    }

    // Client moves offered to the member, and block trades proposed to it.
    private async Task MemberAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        if ((await exchange.TransfersOfferedAsync(actor, ct).ConfigureAwait(false)).Count is > 0 and var moves)
        {
            items.Add(new WorkItem(WorkKind.ClientMovesOffered, moves));
        }
        if (await exchange.AccountAsync(actor, ct).ConfigureAwait(false) is { } own)
        {
            var blocks = (await exchange.MyBlockTradesAsync(actor, ct).ConfigureAwait(false))
                .Where(b => b.Status == BlockTradeStatus.Proposed && b.CounterpartyAccount == own.Id).ToList();
            if (blocks.Count > 0)
            {
                items.Add(new WorkItem(WorkKind.BlockTradesToAnswer, blocks.Count, Tonnes: blocks.Sum(b => b.Quantity)));
            }
        }
    }
}

/// <summary>What kind of thing waits on a workbench (<see cref="WorkbenchQueries"/>).</summary>
public enum WorkKind
{
    /// <summary>MRV reports in the actor's role's queue (the regulator's to approve, the verifier's to verify).</summary>
    ReportsToAct = 1,

    /// <summary>Offset projects or their monitoring reports in the actor's role's queue.</summary>
    ProjectsToAct,

    /// <summary>The company's annual report for <see cref="WorkItem.Year"/>, not submitted yet.</summary>
    ReportDue,

    /// <summary>The company's annual report for <see cref="WorkItem.Year"/>, returned for correction.</summary>
    ReportReturned,

    /// <summary>Transfers out of the actor's accounts proposed by another representative, for the actor to decide.</summary>
    TransfersToDecide,

    /// <summary>Transfers the actor proposed, waiting for a second representative.</summary>
    TransfersProposed,

    /// <summary>Units the company still owes for compliance year <see cref="WorkItem.Year"/>.</summary>
    UnitsOwed,

    /// <summary>Allocation plans in draft, for the regulator to approve.</summary>
    PlansToApprove,

    /// <summary>Entities still short of their obligation in the newest compliance year.</summary>
    EntitiesShort,

    /// <summary>Client accounts another member offered to move to the actor's member.</summary>
    ClientMovesOffered,

    /// <summary>Block trades another member proposed to the actor's member.</summary>
    BlockTradesToAnswer,

    /// <summary>Covered companies that have not submitted the report for <see cref="WorkItem.Year"/>, for the regulator to chase.</summary>
    ReportsUnsubmitted,
}

/// <summary>One thing waiting on a workbench.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Count">How many (reports, transfers, entities …).</param>
/// <param name="Year">The reporting or compliance year it belongs to, where it has one.</param>
/// <param name="Due">The day by which it must be done (Beijing time), where a rule sets one.</param>
/// <param name="Tonnes">The tonnes involved (units owed, transferred, offered), where it has some.</param>
/// <param name="Overdue">The due day has passed.</param>
/// <param name="Account">The registry account where the first of them is decided, for transfers.</param>
public sealed record WorkItem(WorkKind Kind, int Count, int? Year = null, DateOnly? Due = null, long? Tonnes = null,
    bool Overdue = false, string? Account = null);
