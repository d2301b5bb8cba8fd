namespace OpenEts.Matching;

/// <summary>Trading phase of a book (halts are a separate flag, so a halted book resumes into the phase it left).</summary>
public enum TradingPhase
{
    /// <summary>连续竞价: orders match on arrival by price-time priority.</summary>
    Continuous = 0,

    /// <summary>集合竞价: limit orders are collected without matching until the uncross.</summary>
    Call = 1,
}
