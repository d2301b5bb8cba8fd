namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A user's 碳币 in one programme as lots by day earned. Coins are conserved:
/// credited = spendable + pending + redeemed + donated + expired, at every moment. Redemption and donation spend the
/// lots that lapse first (then the oldest); <see cref="Expire"/> moves what lapsed out of the balance.
/// </summary>
public sealed class CoinLedger
{
    private readonly SortedDictionary<DateOnly, CoinLot> _lots = [];

    /// <summary>A ledger with its lots and its totals so far.</summary>
    public CoinLedger(IEnumerable<CoinLot> lots, long redeemed = 0, long expired = 0, long donated = 0)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentOutOfRangeException.ThrowIfNegative(redeemed);
        ArgumentOutOfRangeException.ThrowIfNegative(expired);
        ArgumentOutOfRangeException.ThrowIfNegative(donated);
        foreach (var lot in lots)
        {
            _lots.Add(lot.Earned, lot);
        }
        Redeemed = redeemed;
        Expired = expired;
        Donated = donated;
    }

    /// <summary>Every lot, by day earned.</summary>
    public IEnumerable<CoinLot> Lots => _lots.Values;

    /// <summary>Coins ever credited.</summary>
    public long Credited => _lots.Values.Sum(l => l.Credited);

    /// <summary>Coins redeemed so far.</summary>
    public long Redeemed { get; private set; }

    /// <summary>Coins donated to public-good causes so far (捐赠).</summary>
    public long Donated { get; private set; }

    /// <summary>Coins that lapsed so far (by <see cref="Expire"/>).</summary>
    public long Expired { get; private set; }

    /// <summary>Coins spendable on <paramref name="today"/>.</summary>
    public long Balance(DateOnly today) => _lots.Values.Where(l => l.SpendableOn(today)).Sum(l => l.Remaining);

    /// <summary>Coins earned but not yet spendable on <paramref name="today"/>.</summary>
    public long Pending(DateOnly today) => _lots.Values.Where(l => l.AvailableOn > today).Sum(l => l.Remaining);

    /// <summary>Coins held (spendable, pending, or lapsed but not yet moved by <see cref="Expire"/>).</summary>
    public long Held => _lots.Values.Sum(l => l.Remaining);

    /// <summary>Adds <paramref name="coins"/> earned on <paramref name="earned"/> under <paramref name="timing"/>.</summary>
    public CoinLot Credit(DateOnly earned, long coins, CoinTiming timing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coins);
        ArgumentNullException.ThrowIfNull(timing);
        var lot = _lots.TryGetValue(earned, out var old)
            ? old with { Credited = checked(old.Credited + coins), Remaining = checked(old.Remaining + coins) }
            : new CoinLot(earned, timing.AvailableOn(earned), timing.ExpiresOn(earned), coins, coins);
        _lots[earned] = lot;
        return lot;
    }

    /// <summary>Moves every lapsed lot's remainder to <see cref="Expired"/>; returns the coins that lapsed now.</summary>
    public long Expire(DateOnly today)
    {
        long lapsed = 0;
        List<CoinLot>? lapsing = null;
        foreach (var lot in _lots.Values)
        {
            if (lot.LapsedOn(today) && lot.Remaining > 0)
            {
                (lapsing ??= []).Add(lot);
            }
        }
        foreach (var lot in lapsing ?? [])
        {
            lapsed += lot.Remaining;
            _lots[lot.Earned] = lot with { Remaining = 0 };
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

    private bool Spend(DateOnly today, long coins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coins);
        if (Balance(today) < coins)
        {
            return false;
        }
        var left = coins;
        foreach (var lot in _lots.Values.Where(l => l.SpendableOn(today) && l.Remaining > 0)
            .OrderBy(l => l.ExpiresOn ?? DateOnly.MaxValue).ThenBy(l => l.Earned).ToList())
        {
            var take = Math.Min(left, lot.Remaining);
            _lots[lot.Earned] = lot with { Remaining = lot.Remaining - take };
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        return true;
    }
}
