namespace OpenEts.Domain.Registry;

/// <summary>
/// One account's units of one class: disjoint blocks sorted by first serial, adjacent blocks always merged, so any
/// contiguous held range lies inside exactly one block. Lookups are binary searches; bulk moves are linear merges,
/// so a holder of 10 000 blocks never costs a quadratic pass.
/// </summary>
internal sealed class BlockList
{
    // Below this many blocks per move, per-block binary insert/remove beats rebuilding the list.
    private const int BulkThreshold = 8;

    private List<SerialBlock> _blocks = [];

    public IReadOnlyList<SerialBlock> Blocks => _blocks;

    /// <summary>Units held, in tonnes.</summary>
    public long Total { get; private set; }

    public bool IsEmpty => _blocks.Count == 0;

    /// <summary>The block holding <paramref name="serial"/>, or null.</summary>
    public SerialBlock? Find(long serial)
    {
        var i = IndexAtOrBefore(serial);
        return i >= 0 && _blocks[i].Contains(serial) ? _blocks[i] : null;
    }

    /// <summary>True when every serial of <paramref name="block"/> is held here.</summary>
    public bool Holds(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        return i >= 0 && _blocks[i].Contains(block);
    }

    /// <summary>The lowest <paramref name="quantity"/> serials, without removing them. Caller checks Total first.</summary>
    public List<SerialBlock> PeekLowest(long quantity)
    {
        var taken = new List<SerialBlock>();
        var left = quantity;
        foreach (var block in _blocks)
        {
            if (left == 0)
            {
                break;
            }
            var (part, _) = block.SplitLowest(Math.Min(left, block.Count));
            taken.Add(part);
            left -= part.Count;
        }
        if (left != 0)
        {
            throw new InvalidOperationException("Fewer units held than asked for.");
        }
        return taken;
    }

    /// <summary>Adds sorted, disjoint blocks none of which is held yet; throws if a serial would be held twice.</summary>
    public void Add(IReadOnlyList<SerialBlock> blocks)
    {
        RequireSortedDisjoint(blocks);
        if (blocks.Count <= BulkThreshold)
        {
            foreach (var block in blocks)
            {
                AddOne(block);
            }
            return;
        }
        var merged = new List<SerialBlock>(_blocks.Count + blocks.Count);
        int i = 0, j = 0;
        while (i < _blocks.Count || j < blocks.Count)
        {
            var next = j >= blocks.Count || (i < _blocks.Count && _blocks[i].First < blocks[j].First)
                ? _blocks[i++]
                : blocks[j++];
            Append(merged, next);
        }
        _blocks = merged;
        Total = checked(Total + Sum(blocks));
    }

    /// <summary>Removes sorted, disjoint blocks that are all held here; throws (changing nothing) if one is not.</summary>
    public void Remove(IReadOnlyList<SerialBlock> blocks)
    {
        RequireSortedDisjoint(blocks);
        foreach (var block in blocks)
        {
            if (!Holds(block))
            {
                throw new InvalidOperationException($"Serials {block} are not held here.");
            }
        }
        if (blocks.Count <= BulkThreshold)
        {
            foreach (var block in blocks)
            {
                RemoveOne(block);
            }
            return;
        }
        var rest = new List<SerialBlock>(_blocks.Count + blocks.Count);
        var j = 0;
        foreach (var held in _blocks)
        {
            var from = held.First;
            while (j < blocks.Count && blocks[j].Last <= held.Last)
            {
                if (blocks[j].First > from)
                {
                    rest.Add(SerialBlock.Create(from, blocks[j].First - 1));
                }
                from = blocks[j].Last + 1;
                j++;
            }
            if (from <= held.Last)
            {
                rest.Add(SerialBlock.Create(from, held.Last));
            }
        }
        _blocks = rest;
        Total = checked(Total - Sum(blocks));
    }

    private void AddOne(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        if ((i >= 0 && _blocks[i].Overlaps(block)) || (i + 1 < _blocks.Count && _blocks[i + 1].Overlaps(block)))
        {
            throw new InvalidOperationException($"Serials {block} are already held here.");
        }
        var merged = block;
        var at = i + 1;
        if (i >= 0 && _blocks[i].IsAdjacentTo(merged))
        {
            merged = _blocks[i].Merge(merged);
            _blocks.RemoveAt(i);
            at = i;
        }
        if (at < _blocks.Count && _blocks[at].IsAdjacentTo(merged))
        {
            merged = merged.Merge(_blocks[at]);
            _blocks.RemoveAt(at);
        }
        _blocks.Insert(at, merged);
        Total = checked(Total + block.Count);
    }

    private void RemoveOne(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        var held = _blocks[i];
        _blocks.RemoveAt(i);
        if (block.Last < held.Last)
        {
            _blocks.Insert(i, SerialBlock.Create(block.Last + 1, held.Last));
        }
        if (held.First < block.First)
        {
            _blocks.Insert(i, SerialBlock.Create(held.First, block.First - 1));
        }
        Total = checked(Total - block.Count);
    }

    private static void Append(List<SerialBlock> list, SerialBlock next)
    {
        if (list.Count > 0)
        {
            var last = list[^1];
            if (last.Overlaps(next) || next.First < last.First)
            {
                throw new InvalidOperationException($"Serials {next} are already held here.");
            }
            if (last.IsAdjacentTo(next))
            {
                list[^1] = last.Merge(next);
                return;
            }
        }
        list.Add(next);
    }

    private static void RequireSortedDisjoint(IReadOnlyList<SerialBlock> blocks)
    {
        for (var k = 1; k < blocks.Count; k++)
        {
            if (blocks[k - 1].Last >= blocks[k].First)
            {
                throw new InvalidOperationException("Blocks must be sorted by serial and must not overlap.");
            }
        }
    }

    private static long Sum(IReadOnlyList<SerialBlock> blocks)
    {
        var sum = 0L;
        foreach (var block in blocks)
        {
            sum = checked(sum + block.Count);
        }
        return sum;
    }

    // Index of the last block whose First ≤ serial, or -1.
    private int IndexAtOrBefore(long serial)
    {
        int lo = 0, hi = _blocks.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_blocks[mid].First <= serial)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
