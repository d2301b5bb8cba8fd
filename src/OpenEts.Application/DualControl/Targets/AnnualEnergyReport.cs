using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>A key energy user's annual energy report (能源利用状况报告): energy used and industrial value added in a year.</summary>
public sealed record AnnualEnergyReport(UnitCode KeyUser, int Year, Tce Energy, EconomicOutput ValueAdded, DateTimeOffset At, string By)
{
    public EnergyFigures Figures => new(Energy, ValueAdded);
}
