using OpenEts.Domain.Cash;

namespace OpenEts.Application.Cash;

/// <summary>How one cash ledger operation ended.</summary>
public abstract record CashResult
{
    private CashResult()
    {
    }

    /// <summary>Done (or, with <paramref name="Duplicate"/>, done before with the same key): the entry and/or reservation.</summary>
    public sealed record Done(CashEntry? Entry, CashReservation? Reservation, bool Duplicate) : CashResult;

    /// <summary>Refused by <paramref name="Reason"/>; nothing changed.</summary>
    public sealed record Refused(CashRejection Reason, string Message) : CashResult
    {
        /// <summary>The figures <see cref="Message"/> names, for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];
    }
}
