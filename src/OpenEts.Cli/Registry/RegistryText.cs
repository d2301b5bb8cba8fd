using System.Globalization;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

/// <summary>How registry events and outcomes read on the command line.</summary>
internal static class RegistryText
{
    public static string Blocks(IEnumerable<SerialBlock> blocks) => string.Join(' ', blocks.Select(b => b.ToString()));

    public static long Count(IEnumerable<SerialBlock> blocks) => blocks.Sum(b => b.Count);

    /// <summary>One line for a completed request.</summary>
    public static string Outcome(RegistryOutcome.Completed c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var text = Describe(c.Event);
        return c.Duplicate ? text + " (already done earlier with this key; nothing changed)" : text;
    }

    /// <summary>What an event did, in a line.</summary>
    public static string Describe(RegistryEvent e) => e switch
    {
        UnitsIssued i => F($"issued {Count(i.Blocks)} {i.Class} into {i.Account}: serials {Blocks(i.Blocks)}"),
        UnitsAllocated a => F($"allocated {Count(a.Blocks)} {a.Class} from {a.From} to {a.To}: serials {Blocks(a.Blocks)}"),
        TransferProposed p => F($"proposal {p.Proposal}: {p.Quantity} {p.Class} from {p.From} to {p.To}, awaiting approval by another representative of {p.From} until {p.ExpiresAt:yyyy-MM-dd HH:mm}Z"),
        UnitsTransferred t => F($"transfer {t.Proposal} executed: {Count(t.Blocks)} {t.Class} from {t.From} to {t.To}: serials {Blocks(t.Blocks)}"),
        TransferRejected r => F($"proposal {r.Proposal} rejected by {r.Actor}{(r.Reason.Length > 0 ? ": " + r.Reason : "")}"),
        ProposalExpired x => F($"proposal {x.Proposal} expired"),
        UnitsSurrendered s => F($"surrendered {Count(s.Blocks)} {s.Class} from {s.From} for {s.ComplianceYear}: serials {Blocks(s.Blocks)}"),
        UnitsCancelled c => F($"cancelled {Count(c.Blocks)} {c.Class} from {c.From} into {c.To}: serials {Blocks(c.Blocks)}{Why(c.Reason)}"),
        UnitsCorrected c => F($"corrected {Count(c.Blocks)} {c.Class} from {c.From} to {c.To}: serials {Blocks(c.Blocks)}{Why(c.Reason)}"),
        IUnitMovement m => F($"{Count(m.Blocks)} {m.Class} from {m.From} to {m.To}: serials {Blocks(m.Blocks)}"),
        AccountOpened o => F($"opened {o.Kind} account {o.Account} for {o.HolderName} ({string.Join(", ", o.Representatives)})"),
        RepresentativeAdded r => F($"{r.Representative} now represents {r.Account}"),
        RepresentativeRemoved r => F($"{r.Representative} no longer represents {r.Account}"),
        AccountStateChanged s => F($"{s.Account} is now {s.State}{(s.Reason.Length > 0 ? ": " + s.Reason : "")}"),
        RegistryInitialised => "registry initialised",
        _ => RegistryEventJson.KindOf(e),
    };

    private static string Why(string reason) => reason.Length > 0 ? " (" + reason + ")" : "";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
