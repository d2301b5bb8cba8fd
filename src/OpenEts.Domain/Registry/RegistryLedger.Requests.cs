using System.Globalization;

namespace OpenEts.Domain.Registry;

// The fingerprint of a request: when a key comes again, the text of the new request's arguments is compared with the
// text RequestOf gives for the event the key's first request raised. The first request's own fingerprint is never
// kept, so the same comparison holds live, after a replay and after a restored snapshot.
public sealed partial class RegistryLedger
{
    private static string Request(params object?[] parts) =>
        string.Join('\u001f', parts.Select(p => p switch
        {
            IEnumerable<UserId> users => string.Join(',', users.Select(u => u.Value)),
            IEnumerable<SerialBlock> blocks => string.Join(',', blocks),
            DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(p, CultureInfo.InvariantCulture),
        }));

    // The two requests of every transfer, without Request's boxing: the same text Request gives for the same parts.
    private static string ProposeRequest(
        UserId actor, AccountNumber from, AccountNumber to, UnitClass unitClass, long quantity, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"propose\u001f{actor}\u001f{from}\u001f{to}\u001f{unitClass}\u001f{quantity}\u001f{expiresAt.UtcTicks}");

    private static string ApproveRequest(UserId actor, ProposalId proposal) =>
        string.Create(CultureInfo.InvariantCulture, $"approve\u001f{actor}\u001f{proposal}");

    private static string ShareText(BufferShare share) => share.IsNone ? "none" : share.ToString();

    private static IReadOnlyList<UserId> Normalise(IEnumerable<UserId> users) =>
        [.. users.Distinct().Order()];

    private static long Sum(IReadOnlyList<SerialBlock> blocks)
    {
        var sum = 0L;
        foreach (var block in blocks)
        {
            sum = checked(sum + block.Count);
        }
        return sum;
    }

    private static string RequestOf(RegistryEvent e) => e switch
    {
        RegistryInitialised i => Request("initialise", i.Actor, i.Authority, i.Issuance, i.Surrender, i.Cancellation, i.Regulators),
        AccountOpened o => Request("open", o.Actor, o.Account, o.Kind, o.HolderName, o.Representatives),
        AccountStateChanged s => Request("state", s.Actor, s.Account, s.State, s.Reason),
        RepresentativeAdded a => Request("add-representative", a.Actor, a.Account, a.Representative),
        RepresentativeRemoved r => Request("remove-representative", r.Actor, r.Account, r.Representative),
        UnitsIssued i => Request("issue", i.Actor, i.Class, Sum(i.Blocks)),
        UnitsAllocated a => Request("allocate", a.Actor, a.To, a.Class, Sum(a.Blocks)),
        TransferProposed p => ProposeRequest(p.Actor, p.From, p.To, p.Class, p.Quantity.Value, p.ExpiresAt),
        UnitsTransferred t => ApproveRequest(t.Actor, t.Proposal),
        TransferRejected r => Request("reject", r.Actor, r.Proposal, r.Reason),
        UnitsSurrendered s => Request("surrender", s.Actor, s.From, s.Class, Sum(s.Blocks), s.ComplianceYear),
        UnitsCancelled c => Request("cancel", c.Actor, c.From, c.Class, Sum(c.Blocks), c.Reason),
        UnitsCorrected { BySerials: true } c => Request("correct-serials", c.Actor, c.From, c.To, c.Class, c.Blocks, c.Reason),
        UnitsCorrected c => Request("correct", c.Actor, c.From, c.To, c.Class, Sum(c.Blocks), c.Reason),
        OffsetClassDefined d => Request("define-offset-class", d.Actor, d.Class, d.Title, d.Category, d.HostProvince, d.PreCdm),
        OffsetsIssued o => Request("issue-offsets", o.Actor, o.Class, Sum(o.NewBlocks()), o.Owner, o.Buffer, ShareText(o.Share()),
            o.Reference),
        UnitsCleared c => Request("clear", c.Actor, c.From, c.To, c.Class, Sum(c.Blocks), c.Reference),
        UnitsRetired r => Request("retire", r.Actor, r.From, r.Class, Sum(r.Blocks), r.Beneficiary, r.Purpose),
        _ => throw new InvalidOperationException($"{e.GetType().Name} is not raised by a keyed request."),
    };
}
