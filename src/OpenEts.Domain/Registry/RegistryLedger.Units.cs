using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Registry;

// Issuance, allocation, surrender, cancellation and correction: single-step operations.
public sealed partial class RegistryLedger
{
    /// <summary>The first compliance year accepted.</summary>
    public const int MinComplianceYear = 2000;

    /// <summary>The last compliance year accepted.</summary>
    public const int MaxComplianceYear = 2099;

    /// <summary>
    /// Creates <paramref name="quantity"/> new units of a class in the issuance account, serials continuing from the
    /// class's last issued serial (the first issue starts at 1). Regulator only.
    /// </summary>
    public RegistryOutcome Issue(UserId actor, DateTimeOffset now, IdempotencyKey key, UnitClass unitClass, long quantity)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("issue", actor, unitClass, quantity));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (!unitClass.IsValid)
        {
            return Reject(RegistryRejection.UnknownUnitClass, "unitClass", "The unit class is not valid.");
        }
        if (CheckQuantity(quantity) is { } badQuantity)
        {
            return badQuantity;
        }
        if (unitClass.IsProjectClass && CheckDefined(unitClass) is { } undefined)
        {
            return undefined;
        }
        var last = _lastSerial.GetValueOrDefault(unitClass);
        if (quantity > long.MaxValue - last)
        {
            return Reject(RegistryRejection.InvalidQuantity, "quantity",
                $"Issuing {quantity} more of {unitClass} would run past the largest serial number.");
        }
        var block = SerialBlock.OfCount(last + 1, quantity);
        return Commit(new UnitsIssued(now, actor, key, IssuanceAccount!.Value, unitClass, [block]));
    }

    /// <summary>Moves units from the issuance account to a holding account (配额发放). Regulator only.</summary>
    public RegistryOutcome Allocate(
        UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber to, UnitClass unitClass, long quantity)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("allocate", actor, to, unitClass, quantity));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if ((CheckClass(unitClass) ?? CheckQuantity(quantity)) is { } badInput)
        {
            return badInput;
        }
        if (Lookup(to, "to", out var destination) is { } unknown)
        {
            return unknown;
        }
        if (destination.Kind != AccountKind.Holding)
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "to",
                $"Units are allocated to holding accounts only; '{to}' is a {destination.Kind} account.");
        }
        var issuance = _accounts[IssuanceAccount!.Value];
        if ((CheckNotClosed(destination, "to") ?? CheckHeld(issuance, unitClass, quantity, "issuance")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(issuance.Number, unitClass, quantity);
        return Commit(new UnitsAllocated(now, actor, key, issuance.Number, to, unitClass, blocks));
    }

    /// <summary>
    /// Surrenders units for a compliance year (履约清缴) from a holding account into the surrender account. Any
    /// representative may surrender, also while the account is blocked. An allowance's vintage may not be later than
    /// the compliance year (national-ets.md §2.4: 2024 allowances cannot be used for 2023 or earlier). The surrender
    /// keeps <paramref name="entity"/>, the covered entity it counts for (compliance names it; see <see cref="UnitsSurrendered.Entity"/>).
    /// </summary>
    public RegistryOutcome Surrender(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, UnitClass unitClass, long quantity, int complianceYear, CreditCode? entity = null)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("surrender", actor, from, unitClass, quantity, complianceYear));
        }
        if (Lookup(from, "from", out var source) is { } unknown)
        {
            return unknown;
        }
        if ((CheckRepresentative(source, actor, "from") ?? CheckClass(unitClass) ?? CheckQuantity(quantity)) is { } badInput)
        {
            return badInput;
        }
        if (complianceYear is < MinComplianceYear or > MaxComplianceYear)
        {
            return Reject(RegistryRejection.InvalidComplianceYear, "complianceYear",
                $"Compliance year must be {MinComplianceYear}–{MaxComplianceYear} (was {complianceYear}).");
        }
        if (unitClass.Type == UnitType.Allowance && unitClass.Vintage > complianceYear)
        {
            return Reject(RegistryRejection.VintageAfterComplianceYear, "unitClass",
                $"{unitClass} allowances cannot be surrendered for {complianceYear}, an earlier year.");
        }
        if (source.Kind != AccountKind.Holding)
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "from",
                $"Only holding accounts surrender; '{from}' is a {source.Kind} account.");
        }
        if ((CheckNotClosed(source, "from") ?? CheckHeld(source, unitClass, quantity, "from")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(from, unitClass, quantity);
        return Commit(new UnitsSurrendered(now, actor, key, from, SurrenderAccount!.Value, unitClass, complianceYear, blocks, entity));
    }

    /// <summary>Voluntarily cancels units (自愿注销) from an open holding or investor account, for a stated reason. Any representative.</summary>
    public RegistryOutcome Cancel(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, UnitClass unitClass, long quantity, string reason)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("cancel", actor, from, unitClass, quantity, reason));
        }
        if (Lookup(from, "from", out var source) is { } unknown)
        {
            return unknown;
        }
        if ((CheckRepresentative(source, actor, "from") ?? CheckClass(unitClass) ?? CheckQuantity(quantity)
            ?? CheckText(reason, "reason", required: true)) is { } badInput)
        {
            return badInput;
        }
        if (source.Kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "from",
                $"Only holding and investor accounts cancel units; '{from}' is a {source.Kind} account.");
        }
        if ((CheckCanSend(source, "from") ?? CheckHeld(source, unitClass, quantity, "from")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(from, unitClass, quantity);
        return Commit(new UnitsCancelled(now, actor, key, from, CancellationAccount!.Value, unitClass, blocks, reason ?? string.Empty));
    }

    /// <summary>
    /// The regulator moves the lowest <paramref name="quantity"/> serials of a class from any account to any account
    /// that is not closed (e.g. back out of the surrender account), with a written reason. Ignores blocking.
    /// </summary>
    public RegistryOutcome Correct(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, AccountNumber to, UnitClass unitClass, long quantity, string reason)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("correct", actor, from, to, unitClass, quantity, reason));
        }
        if ((CheckCorrection(actor, from, to, unitClass, reason, out var source) ?? CheckQuantity(quantity)) is { } rejected)
        {
            return rejected;
        }
        if (CheckHeld(source, unitClass, quantity, "from") is { } insufficient)
        {
            return insufficient;
        }
        var blocks = LowestSerials(from, unitClass, quantity);
        if (CheckNotRetired(from, unitClass, blocks) is { } retired)
        {
            return retired;
        }
        return Commit(new UnitsCorrected(now, actor, key, from, to, unitClass, blocks, BySerials: false, reason));
    }

    /// <summary>As <see cref="Correct"/>, but moving exactly the named serials, which <paramref name="from"/> must hold.</summary>
    public RegistryOutcome CorrectSerials(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, AccountNumber to, UnitClass unitClass, SerialBlock serials, string reason)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("correct-serials", actor, from, to, unitClass, new[] { serials }, reason));
        }
        if (CheckCorrection(actor, from, to, unitClass, reason, out _) is { } rejected)
        {
            return rejected;
        }
        if (serials.First < 1 || HeldBy(from, unitClass)?.Holds(serials) != true)
        {
            return Reject(RegistryRejection.InsufficientHoldings, "serials",
                $"Account '{from}' does not hold all of {unitClass} serials {serials}.");
        }
        if (CheckNotRetired(from, unitClass, [serials]) is { } retired)
        {
            return retired;
        }
        return Commit(new UnitsCorrected(now, actor, key, from, to, unitClass, [serials], BySerials: true, reason));
    }

    private RegistryOutcome.Rejected? CheckCorrection(
        UserId actor, AccountNumber from, AccountNumber to, UnitClass unitClass, string reason, out Account source)
    {
        source = null!;
        if ((CheckRegulator(actor) ?? CheckText(reason, "reason", required: true) ?? CheckClass(unitClass)) is { } bad)
        {
            return bad;
        }
        if (Lookup(from, "from", out source) is { } unknownFrom)
        {
            return unknownFrom;
        }
        if (Lookup(to, "to", out var destination) is { } unknownTo)
        {
            return unknownTo;
        }
        if (from == to)
        {
            return Reject(RegistryRejection.SameAccount, "to", $"A correction needs two different accounts (both '{to}').");
        }
        return CheckNotClosed(destination, "to");
    }
}
