namespace OpenEts.Domain.Registry;

// Surrenders by compliance year, in the order they were made: what compliance replays to know each entity's and the
// province's surrendered totals inside the registry's single writer.
public sealed partial class RegistryLedger
{
    private readonly Dictionary<int, List<UnitsSurrendered>> _surrenders = [];

    // What Standing computed for every surrender, and the counts it was computed at (kept until another surrender or a
    // correction that touches the surrender account).
    private Dictionary<UnitsSurrendered, long>? _standing;
    private (long Corrections, long Surrenders) _standingAt = (-1, -1);
    private long _surrenderCount;

    /// <summary>Every surrender for <paramref name="complianceYear"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<UnitsSurrendered> SurrendersFor(int complianceYear) =>
        _surrenders.TryGetValue(complianceYear, out var list) ? list : [];

    /// <summary>
    /// How many corrections have moved units out of or into the surrender account since this ledger object was made (a
    /// ledger restored from a snapshot starts again at 0): while it stays the same, every surrender stands whole.
    /// </summary>
    public long SurrenderCorrections { get; private set; }

    /// <summary>
    /// The tonnes of <paramref name="surrender"/> that still stand: its serials the surrender account holds now, less
    /// those surrendered again by a later surrender (serials a correction moved back out and their holder surrendered
    /// again count for the later one). A correction out of the surrender account (docs/registry.md, "moving units back
    /// out of the surrender account") takes them off the surrender they came from; one moving them back in restores it.
    /// </summary>
    public long Standing(UnitsSurrendered surrender)
    {
        ArgumentNullException.ThrowIfNull(surrender);
        var whole = Sum(surrender.Blocks);
        if (SurrenderCorrections == 0)
        {
            return whole;
        }
        if (_standing is null || _standingAt != (SurrenderCorrections, _surrenderCount))
        {
            _standing = ComputeStanding();
            _standingAt = (SurrenderCorrections, _surrenderCount);
        }
        return _standing.TryGetValue(surrender, out var standing) ? standing : whole;
    }

    // Newest first per class: a surrender stands for its serials the surrender account holds that no later surrender of
    // the class took again. Run only after a correction touched the surrender account.
    private Dictionary<UnitsSurrendered, long> ComputeStanding()
    {
        var standing = new Dictionary<UnitsSurrendered, long>(ReferenceEqualityComparer.Instance);
        var byClass = _surrenders.Values.SelectMany(list => list).Select((s, i) => (s, i))
            .OrderByDescending(x => x.s.At).ThenByDescending(x => x.i).GroupBy(x => x.s.Class);
        foreach (var group in byClass)
        {
            var held = SurrenderAccount is { } account ? HeldBy(account, group.Key) : null;
            var claimed = new List<SerialBlock>();
            foreach (var (s, _) in group)
            {
                long count = 0;
                foreach (var block in s.Blocks)
                {
                    foreach (var part in held?.Overlap(block) ?? [])
                    {
                        count += part.Count - Claimed(claimed, part);
                    }
                }
                foreach (var block in s.Blocks)
                {
                    Claim(claimed, block);
                }
                standing[s] = count;
            }
        }
        return standing;
    }

    // How many serials of part the sorted, disjoint claimed blocks hold.
    private static long Claimed(List<SerialBlock> claimed, SerialBlock part)
    {
        long count = 0;
        foreach (var c in claimed)
        {
            if (c.First > part.Last)
            {
                break;
            }
            if (c.Overlaps(part))
            {
                count += Math.Min(c.Last, part.Last) - Math.Max(c.First, part.First) + 1;
            }
        }
        return count;
    }

    // Adds block to the sorted, disjoint claimed blocks, merging what it overlaps or touches.
    private static void Claim(List<SerialBlock> claimed, SerialBlock block)
    {
        var merged = block;
        var at = 0;
        while (at < claimed.Count && claimed[at].Last < merged.First - 1)
        {
            at++;
        }
        while (at < claimed.Count && claimed[at].First <= merged.Last + 1)
        {
            merged = SerialBlock.Create(Math.Min(merged.First, claimed[at].First), Math.Max(merged.Last, claimed[at].Last));
            claimed.RemoveAt(at);
        }
        claimed.Insert(at, merged);
    }

    // True when the surrender account holds every serial of every surrender and no serial was surrendered twice: no
    // correction has taken anything off a surrender, whatever corrections were made.
    private bool EverySurrenderStandsWhole()
    {
        foreach (var group in _surrenders.Values.SelectMany(list => list).GroupBy(s => s.Class))
        {
            var held = SurrenderAccount is { } account ? HeldBy(account, group.Key) : null;
            var blocks = group.SelectMany(s => s.Blocks).Order().ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (held?.Holds(blocks[i]) != true || (i > 0 && blocks[i - 1].Last >= blocks[i].First))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private void NoteCorrection(UnitsCorrected c)
    {
        if (SurrenderAccount is { } account && (c.From == account || c.To == account))
        {
            SurrenderCorrections++;
        }
    }

    private void RecordSurrender(UnitsSurrendered s)
    {
        if (!_surrenders.TryGetValue(s.ComplianceYear, out var list))
        {
            list = [];
            _surrenders.Add(s.ComplianceYear, list);
        }
        list.Add(s);
        _surrenderCount++;
    }
}
