using System.Globalization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

/// <summary>
/// How registry events and outcomes read on the command line. Accounts, class, quantity, serials and proposal come
/// from the event's own <see cref="RegistryEventFacts"/>; each kind of event has one sentence in <see cref="Sentences"/>,
/// and a kind without one is told from its facts alone.
/// </summary>
internal static class RegistryText
{
    private static readonly Dictionary<Type, Func<RegistryEvent, RegistryEventFacts, string>> Sentences = new()
    {
        [typeof(UnitsIssued)] = (_, f) => F($"issued {Units(f)} into {f.To}: serials {Serials(f)}"),
        [typeof(UnitsAllocated)] = (_, f) => F($"allocated {Units(f)} from {f.From} to {f.To}: serials {Serials(f)}"),
        [typeof(TransferProposed)] = Of<TransferProposed>((p, f) => F(
            $"proposal {f.Proposal}: {Units(f)} from {f.From} to {f.To}, awaiting approval by another representative of {f.From} until {CliText.Time(p.ExpiresAt)}")),
        [typeof(UnitsTransferred)] = (_, f) => F($"transfer {f.Proposal} executed: {Units(f)} from {f.From} to {f.To}: serials {Serials(f)}"),
        [typeof(TransferRejected)] = Of<TransferRejected>((r, f) => F($"proposal {f.Proposal} rejected by {r.Actor}{Colon(r.Reason)}")),
        [typeof(ProposalExpired)] = (_, f) => F($"proposal {f.Proposal} expired"),
        [typeof(UnitsSurrendered)] = Of<UnitsSurrendered>((s, f) => F(
            $"surrendered {Units(f)} from {f.From} for {s.ComplianceYear}: serials {Serials(f)}{Brackets(s.Entity is { } e ? "for entity " + e.Value : "")}")),
        [typeof(UnitsCancelled)] = Of<UnitsCancelled>((c, f) => F(
            $"cancelled {Units(f)} from {f.From} into {f.To}: serials {Serials(f)}{Brackets(c.Reason)}")),
        [typeof(UnitsCorrected)] = Of<UnitsCorrected>((c, f) => F(
            $"corrected {Units(f)} from {f.From} to {f.To}: serials {Serials(f)}{Brackets(c.Reason)}")),
        [typeof(AccountOpened)] = Of<AccountOpened>((o, f) => F(
            $"opened {o.Kind} account {f.Subject} for {o.HolderName} ({string.Join(", ", o.Representatives)})")),
        [typeof(RepresentativeAdded)] = Of<RepresentativeAdded>((r, f) => F($"{r.Representative} now represents {f.Subject}")),
        [typeof(RepresentativeRemoved)] = Of<RepresentativeRemoved>((r, f) => F($"{r.Representative} no longer represents {f.Subject}")),
        [typeof(AccountStateChanged)] = Of<AccountStateChanged>((s, f) => F($"{f.Subject} is now {s.State}{Colon(s.Reason)}")),
        [typeof(RegistryInitialised)] = (_, _) => "registry initialised",
        [typeof(OffsetClassDefined)] = Of<OffsetClassDefined>((d, _) => F(
            $"defined offset class {d.Class}: {d.Title}, {d.Category}, host province {d.HostProvince}{(d.PreCdm ? ", pre-CDM" : "")}")),
        [typeof(OffsetsIssued)] = Of<OffsetsIssued>((o, f) => F(
            $"issued {Units(f)} to {o.Owner}: serials {Blocks(o.Class, o.OwnerBlocks)}{BufferText(o)}{Brackets(o.Reference)}")),
        [typeof(UnitsCleared)] = Of<UnitsCleared>((c, f) => F(
            $"cleared {Units(f)} from {f.From} to {f.To} for {c.Reference}: serials {Serials(f)}")),
        [typeof(UnitsRetired)] = Of<UnitsRetired>((r, f) => F(
            $"retired {Units(f)} from {f.From} for {r.Beneficiary} ({r.Purpose}): serials {Serials(f)}")),
    };

    /// <summary>Serials as displayed everywhere: class then range, e.g. <c>CCER-001234-2019-1-1000</c>, comma-separated.</summary>
    public static string Blocks(UnitClass unitClass, IEnumerable<SerialBlock> blocks) => RegistryQueries.SerialsText(unitClass, blocks);

    private static string Serials(RegistryEventFacts f) => f.Class is { } c ? Blocks(c, f.Blocks) : "";

    /// <summary>One line for a completed request.</summary>
    public static string Outcome(RegistryCommandOutcome.Completed c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var text = Describe(c.Event, c.Facts);
        return c.Duplicate ? text + " (already done earlier with this key; nothing changed)" : text;
    }

    /// <summary>What an event did, in a line.</summary>
    public static string Describe(RegistryEvent e, RegistryEventFacts facts)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(facts);
        if (Sentences.TryGetValue(e.GetType(), out var sentence))
        {
            return sentence(e, facts);
        }
        var kind = RegistryEventJson.KindOf(e);
        return facts.Class is null ? kind : F($"{kind}: {Units(facts)} from {facts.From} to {facts.To}: serials {Serials(facts)}");
    }

    private static Func<RegistryEvent, RegistryEventFacts, string> Of<T>(Func<T, RegistryEventFacts, string> sentence)
        where T : RegistryEvent => (e, f) => sentence((T)e, f);

    private static string Units(RegistryEventFacts f) => F($"{f.Quantity.Value} {f.Class}");

    private static string BufferText(OffsetsIssued o) => o.Buffer is { } buffer
        ? F($"; {o.BufferBlocks.Sum(b => b.Count)} withheld ({o.Share()}) to buffer {buffer}: serials {Blocks(o.Class, o.BufferBlocks)}")
        : "";

    private static string Colon(string reason) => reason.Length > 0 ? ": " + reason : "";

    private static string Brackets(string reason) => reason.Length > 0 ? " (" + reason + ")" : "";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
