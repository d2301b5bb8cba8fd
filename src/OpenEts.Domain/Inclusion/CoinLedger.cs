namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A user's 碳币 in one programme as lots by day earned. Coins are conserved:
/// credited = spendable + pending + redeemed + donated + expired, at every moment. Redemption and donation spend the
/// lots that lapse first (then the oldest); <see cref="Expire"/> moves what lapsed out of the balance.
/// </summary>
public sealed class CoinLedger
{
    // The lots in order of the day earned, one a day: a citizen holds a handful, and a ledger is made for every citizen of
    // every batch recorded, so a sorted list (searched by halves) rather than a tree of nodes.
    private readonly List<CoinLot> _lots;

    /// <summary>A ledger with its lots and its totals so far.</summary>
    public CoinLedger(IEnumerable<CoinLot> lots, long redeemed = 0, long expired = 0, long donated = 0)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentOutOfRangeException.ThrowIfNegative(redeemed);
        ArgumentOutOfRangeException.ThrowIfNegative(expired);
        ArgumentOutOfRangeException.ThrowIfNegative(donated);
        _lots = [.. lots];
        _lots.Sort((a, b) => a.Earned.CompareTo(b.Earned));
        for (var i = 1; i < _lots.Count; i++)
        {
            if (_lots[i].Earned == _lots[i - 1].Earned)
            {
                throw new ArgumentException($"two lots earned on {_lots[i].Earned:yyyy-MM-dd}", nameof(lots));
            }
        }
        Redeemed = redeemed;
        Expired = expired;
        Donated = donated;
    }

    /// <summary>Every lot, by day earned.</summary>
    public IReadOnlyList<CoinLot> Lots => _lots;

    /// <summary>Coins ever credited.</summary>
    public long Credited => _lots.Sum(l => l.Credited);

    /// <summary>Coins redeemed so far.</summary>
    public long Redeemed { get; private set; }

    /// <summary>Coins donated to public-good causes so far (捐赠).</summary>
    public long Donated { get; private set; }

    /// <summary>Coins that lapsed so far (by <see cref="Expire"/>).</summary>
    public long Expired { get; private set; }

    /// <summary>Coins spendable on <paramref name="today"/>.</summary>
    public long Balance(DateOnly today) => _lots.Where(l => l.SpendableOn(today)).Sum(l => l.Remaining);

    /// <summary>Coins earned but not yet spendable on <paramref name="today"/>.</summary>
    public long Pending(DateOnly today) => _lots.Where(l => l.AvailableOn > today).Sum(l => l.Remaining);

    /// <summary>Coins held (spendable, pending, or lapsed but not yet moved by <see cref="Expire"/>).</summary>
    public long Held => _lots.Sum(l => l.Remaining);

    /// <summary>Adds <paramref name="coins"/> earned on <paramref name="earned"/> under <paramref name="timing"/>.</summary>
    public CoinLot Credit(DateOnly earned, long coins, CoinTiming timing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coins);
        ArgumentNullException.ThrowIfNull(timing);
        var at = IndexOf(earned);
        if (at >= 0)
        {
            var old = _lots[at];
            return _lots[at] = old with { Credited = checked(old.Credited + coins), Remaining = checked(old.Remaining + coins) };
        }
        var lot = new CoinLot(earned, timing.AvailableOn(earned), timing.ExpiresOn(earned), coins, coins);
        _lots.Insert(~at, lot);
        return lot;
    }

    /// <summary>Moves every lapsed lot's remainder to <see cref="Expired"/>; returns the coins that lapsed now.</summary>
    public long Expire(DateOnly today)
    {
        long lapsed = 0;
        List<CoinLot>? lapsing = null;
        foreach (var lot in _lots)
        {
            if (lot.LapsedOn(today) && lot.Remaining > 0)
            {
                (lapsing ??= []).Add(lot);
            }
        }
        foreach (var lot in lapsing ?? [])
        {
            lapsed += lot.Remaining;
            _lots[IndexOf(lot.Earned)] = lot with { Remaining = 0 };
        }
        Expired = checked(Expired + lapsed);
        return lapsed;
    }

    /// <summary>
    /// Spends <paramref name="coins"/> on <paramref name="today"/> for a redemption, from the spendable lots that lapse
    /// first; false (and nothing spent) when the balance is short.
    /// </summary>
    public bool Redeem(DateOnly today, long coins)
    {
        if (!Spend(today, coins))
        {
            return false;
        }
        Redeemed = checked(Redeemed + coins);
        return true;
    }

    /// <summary>
    /// Gives <paramref name="coins"/> on <paramref name="today"/> to a public-good cause, spent like a redemption; false
    /// (and nothing spent) when the balance is short.
    /// </summary>
    public bool Donate(DateOnly today, long coins)
    {
        if (!Spend(today, coins))
        {
            return false;
        }
        Donated = checked(Donated + coins);
        return true;
    }

    // The lot earned on that day's index, or the complement of where it would go.
    private int IndexOf(DateOnly earned)
    {
        var (low, high) = (0, _lots.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var compared = _lots[middle].Earned.CompareTo(earned);
            if (compared == 0)
            {
                return middle;
            }
            (low, high) = compared < 0 ? (middle + 1, high) : (low, middle - 1);
        }
        return ~low;
    }

    private bool Spend(DateOnly today, long coins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coins);
        if (Balance(today) < coins)
        {
            return false;
        }
        var left = coins;
        foreach (var lot in _lots.Where(l => l.SpendableOn(today) && l.Remaining > 0)
            .OrderBy(l => l.ExpiresOn ?? DateOnly.MaxValue).ThenBy(l => l.Earned).ToList())
        {
            var take = Math.Min(left, lot.Remaining);
            _lots[IndexOf(lot.Earned)] = lot with { Remaining = lot.Remaining - take };
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        return true;
    }
}
