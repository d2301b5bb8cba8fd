using System.Globalization;

namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// GDP or industrial value added in 万元 (10 000 yuan), at comparable prices, exact to 1 元 (4 decimal places): the
/// denominator of energy intensity. Stored as whole yuan.
/// </summary>
/// <remarks>Never negative. <c>default</c> is zero (an intensity over it is undefined).</remarks>
public readonly record struct EconomicOutput : IComparable<EconomicOutput>
{
    private EconomicOutput(decimal wanYuan) => WanYuan = wanYuan;

    /// <summary>The output in 万元, at most 4 decimal places.</summary>
    public decimal WanYuan { get; }

    /// <summary>The output in whole yuan, as stored.</summary>
    public long Yuan => decimal.ToInt64(WanYuan * 10_000m);

    /// <summary>Wraps trusted data; negative or finer than 1 元 throws.</summary>
    public static EconomicOutput FromWanYuan(decimal wanYuan)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wanYuan);
        if (decimal.Round(wanYuan, 4) != wanYuan)
        {
            throw new ArgumentException("Output is exact to 1 元 (4 decimal places of 万元).", nameof(wanYuan));
        }
        return new EconomicOutput(wanYuan);
    }

    /// <summary>Reads user input in 万元.</summary>
    public static bool TryCreate(decimal? wanYuan, out EconomicOutput output, out string? reason)
    {
        output = default;
        reason = wanYuan switch
        {
            null => "an amount in 万元 is required",
            < 0 => "output cannot be negative",
            { } v when decimal.Round(v, 4) != v => "output is exact to 1 元 (at most 4 decimal places of 万元)",
            _ => null,
        };
        if (reason is null)
        {
            output = new EconomicOutput(wanYuan!.Value);
        }
        return reason is null;
    }

    /// <summary>Reads stored yuan.</summary>
    public static EconomicOutput FromYuan(long yuan) => FromWanYuan(yuan / 10_000m);

    public static EconomicOutput operator +(EconomicOutput a, EconomicOutput b) => new(a.WanYuan + b.WanYuan);

    public static bool operator <(EconomicOutput a, EconomicOutput b) => a.WanYuan < b.WanYuan;

    public static bool operator >(EconomicOutput a, EconomicOutput b) => a.WanYuan > b.WanYuan;

    public static bool operator <=(EconomicOutput a, EconomicOutput b) => a.WanYuan <= b.WanYuan;

    public static bool operator >=(EconomicOutput a, EconomicOutput b) => a.WanYuan >= b.WanYuan;

    public EconomicOutput Add(EconomicOutput other) => this + other;

    public int CompareTo(EconomicOutput other) => WanYuan.CompareTo(other.WanYuan);

    public override string ToString() => WanYuan.ToString("0.####", CultureInfo.InvariantCulture) + " 万元";
}
