namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// Whether a meter's readings over a month agree with the monthly figure reported for it: daily and monthly data must
/// agree within 5 % (<see cref="QualityRules.MonthlyAgreementTolerance"/>, http://m.sanyawang.net/helpdoc/2019/1127/633.html),
/// measured against the monthly figure. A zero monthly figure agrees only with zero readings.
/// </summary>
/// <param name="Month">The first day of the Beijing month.</param>
/// <param name="ReadingsTotal">The sum of the meter's readings in the month.</param>
/// <param name="MonthlyFigure">The monthly figure as reported.</param>
public readonly record struct MonthlyAgreement(DateOnly Month, MeterQuantity ReadingsTotal, MeterQuantity MonthlyFigure)
{
    /// <summary>|readings − monthly| ÷ monthly; 0 when both are zero, 1 when only the monthly figure is zero.</summary>
    public decimal Deviation => MonthlyFigure.Milli == 0
        ? (ReadingsTotal.Milli == 0 ? 0m : 1m)
        : Math.Abs((decimal)ReadingsTotal.Milli - MonthlyFigure.Milli) / MonthlyFigure.Milli;

    /// <summary>True when the deviation is at most 5 % (exactly 5 % agrees).</summary>
    public bool Agrees => Deviation <= QualityRules.MonthlyAgreementTolerance;
}
