using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Registry;

// Read-only views. Results are sorted (classes by type, jurisdiction, vintage; accounts by number), never hash order.
public sealed partial class RegistryLedger
{
    /// <summary>Every class ever issued, sorted.</summary>
    public IReadOnlyList<UnitClass> IssuedClasses => [.. _lastSerial.Keys.Order()];

    /// <summary>What an account holds, one <see cref="Holding"/> per class it holds any of, sorted by class.</summary>
    public IReadOnlyList<Holding> HoldingsOf(AccountNumber account)
    {
        var result = new List<Holding>();
        foreach (var unitClass in IssuedClasses)
        {
            if (HeldBy(account, unitClass) is { IsEmpty: false } list)
            {
                result.Add(new Holding(account, unitClass, AllowanceCount.From(list.Total), [.. list.Blocks]));
            }
        }
        return result;
    }

    /// <summary>Units of one class an account holds (zero when none or unknown).</summary>
    public AllowanceCount QuantityHeld(AccountNumber account, UnitClass unitClass) =>
        AllowanceCount.From(HeldBy(account, unitClass)?.Total ?? 0);

    /// <summary>
    /// The account holding serial <paramref name="serial"/> of a class, or null when it was never issued. Costs a
    /// binary search per account holding the class.
    /// </summary>
    public AccountNumber? HolderOf(UnitClass unitClass, long serial)
    {
        if (!_holdings.TryGetValue(unitClass, out var byAccount))
        {
            return null;
        }
        foreach (var (account, list) in byAccount)
        {
            if (list.Find(serial) is not null)
            {
                return account;
            }
        }
        return null;
    }

    /// <summary>Units of a class issued so far (= its last serial).</summary>
    public AllowanceCount TotalIssued(UnitClass unitClass) => AllowanceCount.From(_lastSerial.GetValueOrDefault(unitClass));

    /// <summary>
    /// Units of a class held across all accounts, the issuance, surrender and cancellation accounts included; always
    /// equal to <see cref="TotalIssued"/> (units are conserved).
    /// </summary>
    public AllowanceCount TotalHeld(UnitClass unitClass)
    {
        var total = AllowanceCount.Zero;
        if (_holdings.TryGetValue(unitClass, out var byAccount))
        {
            foreach (var list in byAccount.Values)
            {
                total += AllowanceCount.From(list.Total);
            }
        }
        return total;
    }

    /// <summary>Accounts holding any unit of a class, sorted by number.</summary>
    public IReadOnlyList<AccountNumber> HoldersOf(UnitClass unitClass) =>
        _holdings.TryGetValue(unitClass, out var byAccount) ? [.. byAccount.Keys.Order()] : [];
}
