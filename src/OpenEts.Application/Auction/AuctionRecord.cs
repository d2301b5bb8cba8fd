using OpenEts.Domain.Allocation.Auction;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Auction;

/// <summary>One allowance auction (有偿发放) as stored.</summary>
/// <param name="Id">Its id (0 before it is stored).</param>
/// <param name="Jurisdiction">Whose plan it follows (the plan's jurisdiction code, e.g. <c>guangdong</c>).</param>
/// <param name="Year">The allocation year it sells for.</param>
/// <param name="Class">The unit class offered (e.g. GDEA-2017); units come from the registry's issuance account.</param>
/// <param name="VolumeTonnes">The volume offered.</param>
/// <param name="OpensAt">Bids are taken from here…</param>
/// <param name="ClosesAt">…until here (exclusive).</param>
/// <param name="Reserve">The reserve price per tonne, computed from the rules and the inputs.</param>
/// <param name="Rules">The rules it runs under (from the approved plan, or Guangdong's as found).</param>
/// <param name="ReserveInputs">The monthly market figures the regulator gave for the reserve.</param>
/// <param name="Status">Where it is.</param>
/// <param name="AnnouncedAt">When it was announced.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
public sealed record AuctionRecord(
    long Id, string Jurisdiction, int Year, UnitClass Class, long VolumeTonnes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    Yuan Reserve, AuctionRules Rules, IReadOnlyList<ReservePriceInput> ReserveInputs, AuctionStatus Status,
    DateTimeOffset AnnouncedAt, string AnnouncedBy)
{
    /// <summary>The uniform clearing price, once cleared (null when nothing sold).</summary>
    public Yuan? ClearingPrice { get; init; }

    /// <summary>What sold, once cleared.</summary>
    public long? SoldTonnes { get; init; }

    /// <summary>When it was cleared (cash settled).</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>When every award was delivered.</summary>
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>
    /// Why its close could not deliver, when <see cref="AuctionStatus.Failed"/>; why the regulator withdrew it (null when no
    /// reason was given), when <see cref="AuctionStatus.Withdrawn"/>; null otherwise.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>The idempotency key it was announced with.</summary>
    public string Key { get; init; } = "";

    /// <summary>True when bids are taken at <paramref name="now"/>.</summary>
    public bool TakesBidsAt(DateTimeOffset now) => Status == AuctionStatus.Open && now >= OpensAt && now < ClosesAt;
}
