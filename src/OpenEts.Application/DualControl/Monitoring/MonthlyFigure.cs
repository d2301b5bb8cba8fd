using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A meter's monthly figure (月度数据) as the access system reported it, with its timestamp and whether that was on time.</summary>
/// <param name="Month">The first day of the Beijing month.</param>
public sealed record MonthlyFigure(long MeterId, DateOnly Month, MeterQuantity Value, DateTimeOffset At, bool OnTime);
