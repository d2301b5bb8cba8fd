using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// One month's cell of a programme's public statistics, kept as batches and redemptions are written: the citizens behind
/// it — exact below <see cref="MinimumGroup.MaxCitizens"/>, at least that many once there (the minimum group needs no
/// more, so writers stop counting) — and, for <see cref="MonthCellKind.Redeemers"/>, the coins redeemed.
/// <paramref name="Behaviour"/> is meaningful for <see cref="MonthCellKind.Behaviour"/> only; <paramref name="Month"/> is the
/// month's first (Beijing) day. Used as an increment too: the citizens and coins to add.
/// </summary>
public sealed record MonthCell(DateOnly Month, MonthCellKind Kind, Behaviour Behaviour, long Citizens, long Coins)
{
    /// <summary>The first day of <paramref name="day"/>'s month.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>True once the cell counts so many citizens that no minimum group needs the exact number.</summary>
    public bool Saturated => Citizens >= MinimumGroup.MaxCitizens;
}
