namespace OpenEts.Domain.Registry;

/// <summary>
/// One account's units of one class: disjoint blocks sorted by first serial, adjacent blocks always merged, so any
/// contiguous held range lies inside exactly one block. Lookups are binary searches; bulk moves are linear merges,
/// so a holder of 10 000 blocks never costs a quadratic pass. Units leave lowest serial first, so the list keeps a
/// moving head: taking the lowest blocks advances it instead of shifting every block behind them, and the dead space
/// in front is reclaimed once it is half the list.
/// </summary>
internal sealed class BlockList
{
    // Per-block binary insert/remove (a search and a short shift each) beats rebuilding the list unless a move brings
    // more than 8 blocks AND more than one for every 16 held: rebuilding allocates a whole new list, which for a large
    // holder lands on the large-object heap and costs a full collection later.
    private const int BulkThreshold = 8;
    private const int BulkFraction = 16;

    // Below this many dead slots in front of the head, reclaiming them is not worth a copy.
    private const int CompactThreshold = 32;

    private List<SerialBlock> _blocks = [];

    // Index of the first live block; _blocks[0.._head) are dead slots.
    private int _head;

    /// <summary>The blocks, lowest serial first.</summary>
    public IReadOnlyList<SerialBlock> Blocks => _head == 0 ? _blocks : _blocks.GetRange(_head, _blocks.Count - _head);

    /// <summary>Units held, in tonnes.</summary>
    public long Total { get; private set; }

    public bool IsEmpty => _blocks.Count == _head;

    /// <summary>The block holding <paramref name="serial"/>, or null.</summary>
    public SerialBlock? Find(long serial)
    {
        var i = IndexAtOrBefore(serial);
        return i >= 0 && _blocks[i].Contains(serial) ? _blocks[i] : null;
    }

    /// <summary>True when any serial of <paramref name="block"/> is held here.</summary>
    public bool Intersects(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.Last);
        return i >= 0 && _blocks[i].Last >= block.First;
    }

    /// <summary>True when every serial of <paramref name="block"/> is held here.</summary>
    public bool Holds(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        return i >= 0 && _blocks[i].Contains(block);
    }

    /// <summary>The parts of <paramref name="block"/> held here, lowest first (empty when none is).</summary>
    public List<SerialBlock> Overlap(SerialBlock block)
    {
        var parts = new List<SerialBlock>();
        for (var i = Math.Max(IndexAtOrBefore(block.First), _head); i < _blocks.Count && _blocks[i].First <= block.Last; i++)
        {
            if (_blocks[i].Overlaps(block))
            {
                parts.Add(SerialBlock.Create(Math.Max(_blocks[i].First, block.First), Math.Min(_blocks[i].Last, block.Last)));
            }
        }
        return parts;
    }

    /// <summary>The lowest <paramref name="quantity"/> serials, without removing them. Caller checks Total first.</summary>
    public List<SerialBlock> PeekLowest(long quantity)
    {
        var taken = new List<SerialBlock>(1); // usually one block: a move mostly takes from the lowest block held
        var left = quantity;
        for (var i = _head; i < _blocks.Count && left != 0; i++)
        {
            var (part, _) = _blocks[i].SplitLowest(Math.Min(left, _blocks[i].Count));
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
        if (!IsBulk(blocks.Count))
        {
            for (var b = 0; b < blocks.Count; b++)
            {
                AddOne(blocks[b]);
            }
            return;
        }
        var merged = new List<SerialBlock>(_blocks.Count - _head + blocks.Count);
        int i = _head, j = 0;
        while (i < _blocks.Count || j < blocks.Count)
        {
            var next = j >= blocks.Count || (i < _blocks.Count && _blocks[i].First < blocks[j].First)
                ? _blocks[i++]
                : blocks[j++];
            Append(merged, next);
        }
        _blocks = merged;
        _head = 0;
        Total = checked(Total + Sum(blocks));
    }

    /// <summary>Removes sorted, disjoint blocks that are all held here; throws (changing nothing) if one is not.</summary>
    public void Remove(IReadOnlyList<SerialBlock> blocks)
    {
        RequireSortedDisjoint(blocks);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (!Holds(block))
            {
                throw new InvalidOperationException($"Serials {block} are not held here.");
            }
        }
        if (!IsBulk(blocks.Count) || IsLowest(blocks))
        {
            for (var b = 0; b < blocks.Count; b++)
            {
                RemoveOne(blocks[b]);
            }
            return;
        }
        var rest = new List<SerialBlock>(_blocks.Count - _head + blocks.Count);
        var j = 0;
        for (var h = _head; h < _blocks.Count; h++)
        {
            var held = _blocks[h];
            var from = held.First;
            // Whether a removed block ended at the largest serial, so that nothing of this one is left above it.
            var toTheEnd = false;
            while (j < blocks.Count && blocks[j].Last <= held.Last)
            {
                if (blocks[j].First > from)
                {
                    rest.Add(SerialBlock.Create(from, blocks[j].First - 1));
                }
                toTheEnd = blocks[j].Last == long.MaxValue;
                from = toTheEnd ? long.MaxValue : blocks[j].Last + 1;
                j++;
            }
            if (!toTheEnd && from <= held.Last)
            {
                rest.Add(SerialBlock.Create(from, held.Last));
            }
        }
        _blocks = rest;
        _head = 0;
        Total = checked(Total - Sum(blocks));
    }

    private bool IsBulk(int moved) => moved > BulkThreshold && (long)moved * BulkFraction > _blocks.Count - _head;

    // True when blocks are the lowest held ones: whole blocks from the head on, the last perhaps only its lower part.
    // Removing them one by one then only moves the head and trims one block: no shifting.
    private bool IsLowest(IReadOnlyList<SerialBlock> blocks)
    {
        if (blocks.Count > _blocks.Count - _head)
        {
            return false;
        }
        for (var k = 0; k < blocks.Count - 1; k++)
        {
            if (blocks[k] != _blocks[_head + k])
            {
                return false;
            }
        }
        return blocks[^1].First == _blocks[_head + blocks.Count - 1].First;
    }

    private void AddOne(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        var at = i < 0 ? _head : i + 1;
        if ((i >= 0 && _blocks[i].Overlaps(block)) || (at < _blocks.Count && _blocks[at].Overlaps(block)))
        {
            throw new InvalidOperationException($"Serials {block} are already held here.");
        }
        var joinsLower = i >= 0 && _blocks[i].IsAdjacentTo(block);
        var joinsUpper = at < _blocks.Count && _blocks[at].IsAdjacentTo(block);
        if (joinsLower && joinsUpper)
        {
            _blocks[i] = _blocks[i].Merge(block).Merge(_blocks[at]);
            _blocks.RemoveAt(at);
        }
        else if (joinsLower)
        {
            _blocks[i] = _blocks[i].Merge(block);
        }
        else if (joinsUpper)
        {
            _blocks[at] = block.Merge(_blocks[at]);
        }
        else if (at == _head && _head > 0)
        {
            _blocks[--_head] = block;
        }
        else
        {
            _blocks.Insert(at, block);
        }
        Total = checked(Total + block.Count);
    }

    private void RemoveOne(SerialBlock block)
    {
        var i = IndexAtOrBefore(block.First);
        var held = _blocks[i];
        var keepsLower = held.First < block.First;
        var keepsUpper = block.Last < held.Last;
        if (keepsLower)
        {
            _blocks[i] = SerialBlock.Create(held.First, block.First - 1);
            if (keepsUpper)
            {
                _blocks.Insert(i + 1, SerialBlock.Create(block.Last + 1, held.Last));
            }
        }
        else if (keepsUpper)
        {
            _blocks[i] = SerialBlock.Create(block.Last + 1, held.Last);
        }
        else if (i == _head)
        {
            _blocks[_head++] = default;
            Compact();
        }
        else
        {
            _blocks.RemoveAt(i);
        }
        Total = checked(Total - block.Count);
    }

    private void Compact()
    {
        if (_head == _blocks.Count)
        {
            _blocks.Clear();
            _head = 0;
        }
        else if (_head >= CompactThreshold && _head * 2 >= _blocks.Count)
        {
            _blocks.RemoveRange(0, _head);
            _head = 0;
        }
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
        for (var b = 0; b < blocks.Count; b++)
        {
            sum = checked(sum + blocks[b].Count);
        }
        return sum;
    }

    // Index (into _blocks) of the last live block whose First ≤ serial, or -1.
    private int IndexAtOrBefore(long serial)
    {
        int lo = _head, hi = _blocks.Count - 1, found = -1;
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
