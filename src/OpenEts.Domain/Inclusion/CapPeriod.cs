namespace OpenEts.Domain.Inclusion;

/// <summary>The window a cap counts over, in Beijing calendar days.</summary>
public enum CapPeriod
{
    /// <summary>The calendar day of the action.</summary>
    Day = 1,

    /// <summary>The calendar month of the action.</summary>
    Month,
}
