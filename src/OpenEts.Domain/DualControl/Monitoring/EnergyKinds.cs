namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>What each <see cref="EnergyKind"/> means for totals and limits.</summary>
public static class EnergyKinds
{
    /// <summary>True for a pollutant meter, which names its pollutant and is not energy use.</summary>
    public static bool IsPollutant(this EnergyKind kind) => kind is EnergyKind.PollutantConcentration or EnergyKind.PollutantLoad;

    /// <summary>
    /// True when a day is judged by the mean of its readings (a concentration) rather than their sum (energy, a load):
    /// a day exceeds a limit when its readings' mean is above it [UNCONFIRMED: emission standards judge some pollutants
    /// by hourly, others by daily means; the platform judges the day's mean of the meter's readings].
    /// </summary>
    public static bool IsJudgedByMean(this EnergyKind kind) => kind == EnergyKind.PollutantConcentration;
}
