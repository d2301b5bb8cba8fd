using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// One region's statistics for a month (<paramref name="Months"/> = 1) or a quarter (3, starting in January, April, July
/// or October): energy use and GDP (or value added) at comparable prices, when loaded and by whom.
/// </summary>
public sealed record EnergyStatistic(UnitCode Region, int Year, int FirstMonth, int Months, Tce Energy, EconomicOutput Output,
    DateTimeOffset At, string By)
{
    /// <summary>The last month covered.</summary>
    public int LastMonth => FirstMonth + Months - 1;

    /// <summary>The figures.</summary>
    public EnergyFigures Figures => new(Energy, Output);
}
