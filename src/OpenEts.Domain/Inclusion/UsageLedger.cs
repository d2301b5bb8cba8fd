namespace OpenEts.Domain.Inclusion;

/// <summary>
/// What one user has already counted in a programme, by day, behaviour and source: the daily rollup rows of the months
/// being recorded into. Caps are checked against it and it grows as actions are counted, so a batch never passes a cap
/// that its earlier actions reached. It also keeps what the counted actions measured, by day and behaviour across sources
/// (<see cref="Measured"/>): a day's steps summed (<see cref="InclusionMethodology.SumsTheDay"/>), and the household's
/// earlier electricity readings (<see cref="OwnAverage"/>).
/// </summary>
public sealed class UsageLedger
{
    // Grown past this many rows, a ledger is replaced rather than cleared by Reset (clearing costs its capacity).
    private const int KeptCapacity = 64;

    private Dictionary<(DateOnly Day, Behaviour Behaviour, string Source), (long Actions, long Coins)> _rows;

    private Dictionary<(DateOnly Day, Behaviour Behaviour), decimal> _measured = [];

    /// <summary>A ledger holding <paramref name="rows"/> (rows with the same key add up).</summary>
    public UsageLedger(IEnumerable<UsageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [];
        foreach (var r in rows)
        {
            Add(r.Day, r.Behaviour, r.Source, r.Actions, r.Coins);
        }
    }

    /// <summary>An empty ledger sized for about <paramref name="capacity"/> rows, to be filled by <see cref="Add"/>.</summary>
    public UsageLedger(int capacity) => _rows = new(capacity);

    /// <summary>
    /// Empties the ledger for another citizen's rows, sized for about <paramref name="capacity"/>: one ledger serves a
    /// batch's citizens one after another instead of one made for each.
    /// </summary>
    public void Reset(int capacity)
    {
        if (_measured.Count > KeptCapacity)
        {
            _measured = [];
        }
        _measured.Clear();
        if (_rows.Count > KeptCapacity || capacity > KeptCapacity)
        {
            _rows = new(capacity);
            return;
        }
        _rows.Clear();
    }

    /// <summary>The rows held, one per day, behaviour and source.</summary>
    public IEnumerable<UsageRow> Rows => _rows.Select(kv => new UsageRow(kv.Key.Day, kv.Key.Behaviour, kv.Key.Source, kv.Value.Actions, kv.Value.Coins));

    /// <summary>Adds counted actions and coins.</summary>
    public void Add(DateOnly day, Behaviour behaviour, string source, long actions, long coins)
    {
        ArgumentNullException.ThrowIfNull(source);
        _rows.TryGetValue((day, behaviour, source), out var now);
        _rows[(day, behaviour, source)] = (checked(now.Actions + actions), checked(now.Coins + coins));
    }

    /// <summary>
    /// Counts one action: its coins in its row, and its <paramref name="quantity"/> in the day's measure of its behaviour.
    /// </summary>
    public void Count(DateOnly day, Behaviour behaviour, string source, decimal quantity, long coins)
    {
        Add(day, behaviour, source, 1, coins);
        AddMeasured(day, behaviour, quantity);
    }

    /// <summary>Adds what counted actions of <paramref name="behaviour"/> measured on <paramref name="day"/> (steps, kWh), whatever their source.</summary>
    public void AddMeasured(DateOnly day, Behaviour behaviour, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        _measured[(day, behaviour)] = _measured.GetValueOrDefault((day, behaviour)) + quantity;
    }

    /// <summary>What the counted actions of <paramref name="behaviour"/> measured on <paramref name="day"/>, all sources summed; 0 when none.</summary>
    public decimal Measured(DateOnly day, Behaviour behaviour) => _measured.GetValueOrDefault((day, behaviour));

    /// <summary>
    /// The household's own average daily reading of <paramref name="behaviour"/> over the
    /// <see cref="InclusionMethodology.OwnAverageDays"/> days before <paramref name="day"/>, from the readings counted
    /// (Shenzhen 2022: "the user's own previous 7-day average", cards A1); null when a day of them has no reading, so that
    /// a household with less history is held to the city's baseline.
    /// </summary>
    public decimal? OwnAverage(DateOnly day, Behaviour behaviour)
    {
        var sum = 0m;
        for (var back = 1; back <= InclusionMethodology.OwnAverageDays; back++)
        {
            if (!_measured.TryGetValue((day.AddDays(-back), behaviour), out var reading))
            {
                return null;
            }
            sum += reading;
        }
        return sum / InclusionMethodology.OwnAverageDays;
    }

    /// <summary>
    /// The latest of the <see cref="InclusionMethodology.OwnAverageDays"/> days after <paramref name="day"/> with a counted
    /// reading of <paramref name="behaviour"/>, or null when none: a reading for <paramref name="day"/> belongs to those
    /// days' own averages (<see cref="OwnAverage"/>), which were counted without it.
    /// </summary>
    public DateOnly? LaterReading(DateOnly day, Behaviour behaviour)
    {
        for (var ahead = InclusionMethodology.OwnAverageDays; ahead >= 1; ahead--)
        {
            if (_measured.ContainsKey((day.AddDays(ahead), behaviour)))
            {
                return day.AddDays(ahead);
            }
        }
        return null;
    }

    /// <summary>The actions and coins that count toward <paramref name="cap"/> for an action of <paramref name="behaviour"/> from <paramref name="source"/> on <paramref name="day"/>.</summary>
    public (long Actions, long Coins) Used(Cap cap, DateOnly day, Behaviour behaviour, string source)
    {
        ArgumentNullException.ThrowIfNull(cap);
        long actions = 0, coins = 0;
        foreach (var (key, value) in _rows)
        {
            if (cap.InWindow(day, key.Day) && (cap.Behaviour is null || key.Behaviour == cap.Behaviour)
                && (cap.Scope == CapScope.User || (key.Source == source && key.Behaviour == behaviour)))
            {
                actions += value.Actions;
                coins += value.Coins;
            }
        }
        return (actions, coins);
    }

    /// <summary>
    /// The coin cap that <paramref name="programme"/>'s counted usage has reached for an action of <paramref name="behaviour"/>
    /// from <paramref name="source"/> on <paramref name="day"/> (its window holds as many coins as it allows: later
    /// actions in the window earn none), the tightest when several have; null when none has.
    /// </summary>
    public Cap? CoinCapReached(InclusionProgramme programme, DateOnly day, Behaviour behaviour, string source)
    {
        ArgumentNullException.ThrowIfNull(programme);
        Cap? reached = null;
        foreach (var cap in programme.Caps)
        {
            if (cap.MaxCoins is { } max && cap.Covers(behaviour) && Used(cap, day, behaviour, source).Coins >= max
                && (reached is null || max < reached.MaxCoins))
            {
                reached = cap;
            }
        }
        return reached;
    }
}
