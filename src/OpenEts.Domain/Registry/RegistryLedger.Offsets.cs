namespace OpenEts.Domain.Registry;

// Offsets: fine-grained classes and their attributes, issuance with a buffer share, and retirement for a beneficiary.
public sealed partial class RegistryLedger
{
    private readonly Dictionary<UnitClass, OffsetClassDefined> _definitions = [];
    private readonly Dictionary<UnitClass, BlockList> _retired = [];
    private readonly List<Retirement> _retirements = [];
    private readonly List<OffsetIssuance> _offsetIssuances = [];

    /// <summary>Every offset class definition, sorted by class.</summary>
    public IReadOnlyList<OffsetClassDefined> OffsetClasses => [.. _definitions.Values.OrderBy(d => d.Class)];

    /// <summary>Every retirement, oldest first (<see cref="Retirement.Number"/> 1, 2, …); a list, so a page is a slice.</summary>
    public IReadOnlyList<Retirement> Retirements => _retirements;

    /// <summary>Every offset issuance, oldest first (<see cref="OffsetIssuance.Number"/> 1, 2, …).</summary>
    public IReadOnlyList<OffsetIssuance> OffsetIssuances => _offsetIssuances;

    /// <summary>
    /// What compliance may know of a unit of <paramref name="unitClass"/>: complete for an allowance class or a defined
    /// offset class; for a legacy offset class (or an undefined one) only the programme, with
    /// <see cref="UnitAttributes.Defined"/> false. Null for <c>default</c>.
    /// </summary>
    public UnitAttributes? AttributesOf(UnitClass unitClass)
    {
        if (!unitClass.IsValid)
        {
            return null;
        }
        if (!unitClass.IsOffset)
        {
            return new UnitAttributes(unitClass, UnitType.Allowance, null, null, null, unitClass.Jurisdiction, unitClass.Vintage, null, true);
        }
        return _definitions.TryGetValue(unitClass, out var d)
            ? new UnitAttributes(unitClass, unitClass.Type, unitClass.Project, d.Title, d.Category, d.HostProvince, unitClass.Vintage, d.PreCdm, true)
            : new UnitAttributes(unitClass, unitClass.Type, unitClass.Project, null, null, null,
                unitClass.IsProjectClass ? unitClass.Vintage : null, null, false);
    }

    /// <summary>The serials of a class that were retired (held by the cancellation account for good), sorted.</summary>
    public IReadOnlyList<SerialBlock> RetiredSerials(UnitClass unitClass) =>
        _retired.TryGetValue(unitClass, out var list) ? list.Blocks : [];

    /// <summary>
    /// Defines a fine-grained offset class's attributes (regulator only), before any of it is issued. Defining it again
    /// with the same attributes does nothing (the first definition is returned as a duplicate); with different ones it is
    /// refused.
    /// </summary>
    public RegistryOutcome DefineOffsetClass(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        UnitClass unitClass, string title, ProjectCategory category, string hostProvince, bool preCdm)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("define-offset-class", actor, unitClass, title, category, hostProvince, preCdm));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (!unitClass.IsProjectClass)
        {
            return Reject(RegistryRejection.NotAnOffsetClass, "unitClass",
                $"'{unitClass}' is not an offset class of one project and vintage (e.g. CCER-001234-2019).");
        }
        if (CheckText(title, "title", required: true) is { } badTitle)
        {
            return badTitle;
        }
        if (!Enum.IsDefined(category))
        {
            return Reject(RegistryRejection.InvalidText, "category", $"'{category}' is not a project category.");
        }
        if (!Province.IsCode(hostProvince))
        {
            return Reject(RegistryRejection.InvalidText, "hostProvince",
                $"'{hostProvince}' is not a province code (ISO 3166-2:CN without CN-, e.g. GD, FJ).");
        }
        if (_definitions.TryGetValue(unitClass, out var existing))
        {
            return existing.Title == title && existing.Category == category && existing.HostProvince == hostProvince
                && existing.PreCdm == preCdm
                ? new RegistryOutcome.Completed(existing, []) { Duplicate = true }
                : Reject(RegistryRejection.OffsetClassAlreadyDefined, "unitClass",
                    $"{unitClass} is already defined with other attributes; a definition never changes.");
        }
        return Commit(new OffsetClassDefined(now, actor, key, unitClass, title, category, hostProvince, preCdm));
    }

    /// <summary>
    /// Issues <paramref name="verified"/> tonnes of a defined offset class (regulator only): the buffer share withheld
    /// (<see cref="BufferShare.WithheldFrom"/>, whole tonnes) goes to <paramref name="buffer"/>, a buffer account; the
    /// rest to <paramref name="owner"/>, the project owner's holding or investor account. Issued = owner + buffer; the
    /// owner gets at least one tonne. Serials continue the class's last issued serial, the owner's first.
    /// </summary>
    public RegistryOutcome IssueOffsets(
        UserId actor, DateTimeOffset now, IdempotencyKey key, UnitClass unitClass, long verified,
        AccountNumber owner, AccountNumber? buffer, BufferShare share, string reference)
    {
        // No share, no buffer account: the request (and its repeat after a replay) reads the same whatever buffer was named.
        buffer = share.IsNone ? null : buffer;
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("issue-offsets", actor, unitClass, verified, owner, buffer, ShareText(share), reference));
        }
        if ((CheckRegulator(actor) ?? CheckDefined(unitClass) ?? CheckQuantity(verified)
            ?? CheckText(reference, "reference", required: false)) is { } badInput)
        {
            return badInput;
        }
        if (Lookup(owner, "owner", out var ownerAccount) is { } unknownOwner)
        {
            return unknownOwner;
        }
        if (ownerAccount.Kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "owner",
                $"Offsets are issued to holding or investor accounts; '{owner}' is a {ownerAccount.Kind} account.");
        }
        if (CheckNotClosed(ownerAccount, "owner") is { } closed)
        {
            return closed;
        }
        var withheld = share.WithheldFrom(verified);
        if (withheld >= verified)
        {
            return Reject(RegistryRejection.InvalidBuffer, "buffer",
                $"The buffer share {share} withholds {withheld} of {verified} t, leaving the owner nothing.");
        }
        if (withheld > 0 && CheckBufferAccount(buffer) is { } badBuffer)
        {
            return badBuffer;
        }
        var last = _lastSerial.GetValueOrDefault(unitClass);
        if (verified > long.MaxValue - last)
        {
            return Reject(RegistryRejection.InvalidQuantity, "quantity",
                $"Issuing {verified} more of {unitClass} would run past the largest serial number.");
        }
        var ownerBlock = SerialBlock.OfCount(last + 1, verified - withheld);
        IReadOnlyList<SerialBlock> bufferBlocks = withheld > 0 ? [SerialBlock.OfCount(ownerBlock.Last + 1, withheld)] : [];
        return Commit(new OffsetsIssued(now, actor, key, IssuanceAccount!.Value, unitClass, owner, [ownerBlock],
            withheld > 0 ? buffer : null, bufferBlocks, withheld > 0 ? share.Percent : null, reference ?? string.Empty));
    }

    /// <summary>
    /// Retires units (自愿注销) from an open holding or investor account into the cancellation account, naming a
    /// beneficiary and a purpose (both required); any representative. Retired serials never move again.
    /// </summary>
    public RegistryOutcome Retire(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber from, UnitClass unitClass, long quantity, string beneficiary, string purpose)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("retire", actor, from, unitClass, quantity, beneficiary, purpose));
        }
        if (Lookup(from, "from", out var source) is { } unknown)
        {
            return unknown;
        }
        if ((CheckRepresentative(source, actor, "from") ?? CheckClass(unitClass) ?? CheckQuantity(quantity)
            ?? CheckText(beneficiary, "beneficiary", required: true) ?? CheckText(purpose, "purpose", required: true)) is { } badInput)
        {
            return badInput;
        }
        if (source.Kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "from",
                $"Only holding and investor accounts retire units; '{from}' is a {source.Kind} account.");
        }
        if ((CheckCanSend(source, "from") ?? CheckHeld(source, unitClass, quantity, "from")) is { } refused)
        {
            return refused;
        }
        var blocks = LowestSerials(from, unitClass, quantity);
        return Commit(new UnitsRetired(now, actor, key, from, CancellationAccount!.Value, unitClass, blocks, beneficiary, purpose));
    }

    private RegistryOutcome.Rejected? CheckDefined(UnitClass unitClass) =>
        !unitClass.IsProjectClass
            ? Reject(RegistryRejection.NotAnOffsetClass, "unitClass",
                $"'{unitClass}' is not an offset class of one project and vintage (e.g. CCER-001234-2019).")
            : _definitions.ContainsKey(unitClass) ? null
            : Reject(RegistryRejection.OffsetClassNotDefined, "unitClass", $"{unitClass} has not been defined; define it first.");

    private RegistryOutcome.Rejected? CheckBufferAccount(AccountNumber? buffer)
    {
        if (buffer is not { Value: not null } number)
        {
            return Reject(RegistryRejection.InvalidBuffer, "buffer", "A buffer share needs a buffer account.");
        }
        if (Lookup(number, "buffer", out var account) is { } unknown)
        {
            return unknown;
        }
        return account.Kind != AccountKind.Buffer
            ? Reject(RegistryRejection.AccountKindNotAllowed, "buffer", $"'{number}' is a {account.Kind} account, not a buffer account.")
            : CheckNotClosed(account, "buffer");
    }

    // A correction out of the cancellation account must not touch retired serials.
    private RegistryOutcome.Rejected? CheckNotRetired(AccountNumber from, UnitClass unitClass, IReadOnlyList<SerialBlock> blocks) =>
        from == CancellationAccount && IsAnyRetired(unitClass, blocks)
            ? Reject(RegistryRejection.UnitsRetired, "serials", $"Some of these {unitClass} serials were retired; retired units never move.")
            : null;

    private bool IsAnyRetired(UnitClass unitClass, IReadOnlyList<SerialBlock> blocks) =>
        _retired.TryGetValue(unitClass, out var retired) && blocks.Any(retired.Intersects);

    private void ApplyDefined(OffsetClassDefined d)
    {
        Require(d.Class.IsProjectClass && Province.IsCode(d.HostProvince), "an offset class definition needs a project class and a province");
        Require(!_definitions.ContainsKey(d.Class), $"{d.Class} is defined twice");
        _definitions.Add(d.Class, d);
    }

    private void ApplyOffsetsIssued(OffsetsIssued i)
    {
        Require(i.Account == IssuanceAccount && _definitions.ContainsKey(i.Class) && i.OwnerBlocks.Count > 0,
            "offset issuance must name the issuance account and a defined class");
        Require(Existing(i.Owner).Kind is AccountKind.Holding or AccountKind.Investor, "offsets are issued to holding or investor accounts");
        Require((i.Buffer is null) == (i.BufferBlocks.Count == 0)
            && (i.Buffer is not { } b || Existing(b).Kind == AccountKind.Buffer), "a buffer share goes to a buffer account");
        var next = _lastSerial.GetValueOrDefault(i.Class) + 1;
        foreach (var block in i.NewBlocks())
        {
            Require(block.First == next, $"{i.Class} serials must continue from {next - 1}");
            next = block.Last == long.MaxValue ? long.MaxValue : block.Last + 1;
        }
        Holdings(i.Class, i.Owner).Add(i.OwnerBlocks);
        if (i.Buffer is { } buffer)
        {
            Holdings(i.Class, buffer).Add(i.BufferBlocks);
        }
        _lastSerial[i.Class] = i.NewBlocks()[^1].Last;
        _offsetIssuances.Add(new OffsetIssuance(_offsetIssuances.Count + 1L, i.At, i.Class, i.Owner, i.OwnerBlocks, Sum(i.OwnerBlocks),
            i.BufferBlocks, Sum(i.BufferBlocks), i.Reference));
    }

    private void ApplyRetired(UnitsRetired r)
    {
        Require(r.To == CancellationAccount, "units are retired into the cancellation account");
        Move(r);
        if (!_retired.TryGetValue(r.Class, out var retired))
        {
            retired = new BlockList();
            _retired.Add(r.Class, retired);
        }
        retired.Add(r.Blocks);
        _retirements.Add(new Retirement(_retirements.Count + 1L, r.At, r.From, r.Class, r.Blocks, Sum(r.Blocks), r.Beneficiary, r.Purpose));
    }
}
