using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Cash;

/// <summary>How a cash or auction command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="NotFound"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record CashCommandOutcome
{
    private CashCommandOutcome()
    {
    }

    /// <summary>Done and journalled as <paramref name="Event"/> (or, with <paramref name="Duplicate"/>, done before with the same key).</summary>
    /// <param name="Event">The journal kind, e.g. <c>cash.deposited</c>.</param>
    /// <param name="Id">The id of what it made or changed (entry, bid, auction).</param>
    /// <param name="Duplicate">True when the same key was used for the same request before.</param>
    public sealed record Completed(string Event, long Id, bool Duplicate) : CashCommandOutcome;

    /// <summary>Refused by a rule, named by its code; nothing changed.</summary>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : CashCommandOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (a bid's minimum, a bidder's limit), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];

        /// <summary>A refusal whose sentence names figures: the sentence in the invariant culture, and its figures.</summary>
        public static Refused Of(string rule, string field, FormattableString message, RefusalKind kind) =>
            new(rule, field, Domain.Text.Figures.Sentence(message), kind) { Figures = Domain.Text.Figures.Of(message) };
    }

    /// <summary>No such organisation, account or auction (404); nothing changed.</summary>
    public sealed record NotFound(string Field) : CashCommandOutcome;

    /// <summary>The actor's role may not ask for this; nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : CashCommandOutcome;

    /// <summary>Fields that could not be read; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : CashCommandOutcome;

    /// <summary>A refusal from the cash ledger as a command outcome (the rule is the rejection's name).</summary>
    public static CashCommandOutcome From(CashResult.Refused refused, string field)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new Refused(refused.Reason.ToString(), field, refused.Message, RefusalKind.Conflict) { Figures = refused.Figures };
    }
}
