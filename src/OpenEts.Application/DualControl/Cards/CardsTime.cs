namespace OpenEts.Application.DualControl.Cards;

/// <summary>Card days are Beijing days (UTC+8): deadlines, quarters and publication dates.</summary>
public static class CardsTime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);
}
