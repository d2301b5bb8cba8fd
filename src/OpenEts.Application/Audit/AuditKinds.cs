namespace OpenEts.Application.Audit;

/// <summary>
/// Every kind of journal entry the platform writes, with the module it belongs to: what the audit log names, groups and
/// filters by. A new kind written anywhere needs a line here (and its name in the resources), or the audit tests fail.
/// </summary>
public static class AuditKinds
{
    private static readonly (string Module, string[] Codes)[] ByModule =
    [
        ("registry", [
            "registry.initialised", "registry.account.opened", "registry.account.state-changed",
            "registry.account.representative-added", "registry.account.representative-removed", "registry.units.issued",
            "registry.units.allocated", "registry.transfer.proposed", "registry.transfer.executed", "registry.transfer.rejected",
            "registry.transfer.expired", "registry.units.surrendered", "registry.units.cancelled", "registry.units.corrected",
            "registry.offsets.class-defined", "registry.offsets.issued", "registry.units.retired", "registry.units.cleared",
            "snapshot.registry",
        ]),
        ("exchange", [
            "exchange.order.placed", "exchange.order.amended", "exchange.order.cancelled", "exchange.order.expired",
            "exchange.trade.settled", "exchange.instrument.listed", "exchange.instrument.rules-set", "exchange.instrument.halted",
            "exchange.instrument.resumed", "exchange.account.opened", "exchange.account.suspended", "exchange.account.reinstated",
            "exchange.account.closed", "exchange.client.opened", "exchange.client.confirmed", "exchange.client.declined",
            "exchange.client.withdrawn", "exchange.client.transfer.offered",
            "exchange.client.transfer.confirmed", "exchange.client.transfer.refused",
            "exchange.client.transfer.declined", "exchange.client.transfer.withdrawn", "exchange.client.transferred",
            "exchange.block.proposed", "exchange.block.settled", "exchange.block.declined", "exchange.block.withdrawn",
            "exchange.listing.posted", "exchange.listing.picked", "exchange.listing.withdrawn", "exchange.listing.expired",
            "exchange.auction.announced", "exchange.auction.bid", "exchange.auction.bid.withdrawn", "exchange.auction.cleared",
            "exchange.day.closed", "market.statistics.imported", "snapshot.exchange",
        ]),
        ("auction", ["auction.announced", "auction.bid-placed", "auction.cleared", "auction.settled", "auction.failed", "auction.withdrawn"]),
        ("cash", ["cash.deposited", "cash.withdrawn", "cash.fee-paid", "cash.reserved", "cash.released", "cash.settled"]),
        ("allocation", [
            "allocation.plan.saved", "allocation.plan.imported", "allocation.plan.revised", "allocation.plan.approved",
            "allocation.circumstance.recorded", "allocation.pre-allocated", "allocation.trued-up",
        ]),
        ("mrv", [
            "mrv.plan.saved", "mrv.report.saved", "mrv.report.submitted", "mrv.report.verifier-assigned", "mrv.report.verified",
            "mrv.report.approved", "mrv.report.returned", "mrv.report.returned-to-verifier", "mrv.deadline.set",
            "mrv.factors.published",
        ]),
        ("offsets", [
            "offsets.project.submitted", "offsets.project.validated", "offsets.project.returned", "offsets.project.registered",
            "offsets.report.submitted", "offsets.report.verified", "offsets.report.returned", "offsets.credits.issued",
            "offsets.credits.linked", "offsets.document.attached",
        ]),
        ("inclusion", [
            "inclusion.citizen.signed-up", "inclusion.consent.given", "inclusion.consent.withdrawn", "inclusion.citizen.corrected",
            "inclusion.citizen.erased", "inclusion.actions.recorded", "inclusion.actions.refused", "inclusion.actions.purged",
            "inclusion.coins.donated", "inclusion.coins.redeemed", "inclusion.redemption.confirmed", "inclusion.merchant.registered",
            "inclusion.merchant.settled", "inclusion.partner.key-issued", "inclusion.partner.key-revoked",
            "inclusion.period.aggregated", "inclusion.sample.drawn", "inclusion.sample.finding", "inclusion.sample.verified",
        ]),
        ("energy", [
            "energy.plan.adopted", "energy.key-user.designated", "energy.statistics.recorded", "energy.annual-report.filed",
            "energy.assessment.scored", "energy.monitoring.unit.registered", "energy.monitoring.unit.linked",
            "energy.monitoring.meter.registered", "energy.monitoring.limit.set", "energy.monitoring.readings.received",
            "energy.monitoring.calibration.recorded", "energy.monitoring.fault.reported", "energy.monitoring.fault.repaired",
        ]),
        ("cards", [
            "cards.violation.recorded", "cards.card.confirmed", "cards.card.dismissed", "cards.card.escalated",
            "cards.card.lifted", "cards.list.published",
        ]),
        ("identity", [
            "identity.user.created", "user.created", "user.access-changed", "user.disabled", "user.enabled",
            "user.password-reset", "user.password-changed", "user.signed-out", "user.signed-out-everywhere", "user.2fa-enabled",
            "user.2fa-disabled", "user.2fa-reset", "user.2fa-recovery-code-used", "token.created", "token.revoked",
        ]),
        ("organisations", ["entity.created", "entity.updated"]),
        ("journal", ["journal.digest"]),
    ];

    /// <summary>The modules in the order the audit log lists them, each with its kinds.</summary>
    public static IReadOnlyList<(string Module, IReadOnlyList<string> Codes)> Modules { get; } =
        [.. ByModule.Select(m => (m.Module, (IReadOnlyList<string>)m.Codes))];

    /// <summary>Every kind's code.</summary>
    public static IReadOnlySet<string> All { get; } = ByModule.SelectMany(m => m.Codes).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is a kind the platform writes.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
