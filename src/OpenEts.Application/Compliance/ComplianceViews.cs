using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>One entity's line of a compliance list: who it is and where it stands.</summary>
public sealed record ComplianceRow(CreditCode Entity, string Name, Sector Sector, EntityCompliance Standing);

/// <summary>
/// A jurisdiction's compliance year as of <paramref name="At"/> (履约情况): the rules, each entity's standing in code
/// order, and the province's offset totals.
/// </summary>
public sealed record ComplianceList(
    string Jurisdiction, int Year, ComplianceRules Rules, DateTimeOffset At, IReadOnlyList<ComplianceRow> Rows,
    long ProvinceOffsets, long? OutOfProvinceLimit)
{
    /// <summary>How many entities stand at <paramref name="status"/>.</summary>
    public int Count(ComplianceStatus status) => Rows.Count(r => r.Standing.Status == status);

    /// <summary>The share of entities that met their obligation by the deadline (0–1); 0 when there are none.</summary>
    public decimal CompliantShare => Rows.Count == 0 ? 0m : (decimal)Count(ComplianceStatus.Compliant) / Rows.Count;
}

/// <summary>One surrender of the entity's for the year and whether it counted.</summary>
public sealed record OwnSurrender(AccountNumber From, UnitAttributes Attributes, long Quantity, DateTimeOffset At, ComplianceRefusal? NotCounted);

/// <summary>
/// One holding of the entity's, with whether its class may count for the year (<paramref name="Refusal"/> null) and
/// the most that could be surrendered of it now under every rule (<paramref name="Surrenderable"/>).
/// </summary>
public sealed record OwnHolding(AccountNumber Account, UnitAttributes Attributes, long Held, ComplianceRefusal? Refusal, long Surrenderable);

/// <summary>A company's own compliance page: its standing, its surrenders, its holdings with eligibility, and the rules.</summary>
public sealed record OwnCompliance(
    string Jurisdiction, int Year, ComplianceRules Rules, ComplianceRow Row, IReadOnlyList<OwnSurrender> Surrenders,
    IReadOnlyList<OwnHolding> Holdings)
{
    /// <summary>
    /// The classes of which something may be surrendered now, each once in the holdings' order: those a surrender form
    /// offers. A holding the year's rules refuse, or of which nothing more may count, is listed with why but not offered.
    /// </summary>
    public IReadOnlyList<UnitClass> SurrenderableClasses => [.. Holdings.Where(h => h.Surrenderable > 0).Select(h => h.Attributes.Class).Distinct()];

    /// <summary>The accounts that hold something that may be surrendered now, each once in the holdings' order: those a surrender form offers to surrender from.</summary>
    public IReadOnlyList<AccountNumber> SurrenderableAccounts => [.. Holdings.Where(h => h.Surrenderable > 0).Select(h => h.Account).Distinct()];
}

/// <summary>What an entity still owes for a compliance year (<see cref="ComplianceQueries.OwedAsync"/>).</summary>
/// <param name="Jurisdiction">The jurisdiction whose rules set the obligation.</param>
/// <param name="Year">The compliance year.</param>
/// <param name="Deadline">The surrender deadline the year's rules set (Beijing time).</param>
/// <param name="Standing">The entity's standing: short, with the tonnes remaining and whether the deadline has passed.</param>
public sealed record OwedUnits(string Jurisdiction, int Year, DateOnly Deadline, EntityCompliance Standing);
