using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// One surrender for a compliance year, as compliance reads it: the account (with its representatives), the class with
/// its attributes, the quantity that still stands (<see cref="RegistryLedger.Standing"/>: less what a regulator's
/// correction moved back out of the surrender account), when, and the entity it was made for (null when the surrender
/// names none: <see cref="UnitsSurrendered.Entity"/>).
/// </summary>
public sealed record SurrenderRecord(
    Account From, UnitAttributes Attributes, long Quantity, DateTimeOffset At, UserId Actor, IdempotencyKey? Key, CreditCode? Entity = null)
{
    /// <summary>The surrenders of <paramref name="complianceYear"/> in <paramref name="ledger"/>, oldest first.</summary>
    public static IReadOnlyList<SurrenderRecord> Of(RegistryLedger ledger, int complianceYear)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return [.. ledger.SurrendersFor(complianceYear).Select(s => Of(ledger, s))];
    }

    /// <summary>The surrender <paramref name="s"/> of <paramref name="ledger"/>, with its account, class attributes and standing tonnes as they are now.</summary>
    public static SurrenderRecord Of(RegistryLedger ledger, UnitsSurrendered s)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(s);
        return new(ledger.FindAccount(s.From)!, ledger.AttributesOf(s.Class)!, ledger.Standing(s), s.At, s.Actor, s.Key, s.Entity);
    }
}
