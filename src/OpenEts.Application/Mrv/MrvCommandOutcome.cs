using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>How an MRV command ended: <see cref="Completed"/>, <see cref="Refused"/>, <see cref="NotFound"/>, <see cref="Forbidden"/> or <see cref="Invalid"/>.</summary>
public abstract record MrvCommandOutcome
{
    private MrvCommandOutcome()
    {
    }

    /// <summary>Done and journalled as <paramref name="Event"/>; <paramref name="Report"/> as saved (null for a plan or deadline).</summary>
    public sealed record Completed(string Event, MrvReport? Report) : MrvCommandOutcome;

    /// <summary>Refused by a rule; nothing changed.</summary>
    /// <param name="Rule">The rule, as a code (e.g. <c>ConflictOfInterest</c>).</param>
    /// <param name="Field">The request's field at fault (<c>actor</c> for who is asking, <c>report</c> for its state).</param>
    /// <param name="Message">The use case's sentence (English).</param>
    /// <param name="Kind">Malformed (400), forbidden for this actor (403) or refused by the report's state (409).</param>
    public sealed record Refused(string Rule, string Field, string Message, RefusalKind Kind) : MrvCommandOutcome;

    /// <summary>No such report (404); nothing changed.</summary>
    public sealed record NotFound : MrvCommandOutcome;

    /// <summary>The actor's role may not ask for this at all (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : MrvCommandOutcome;

    /// <summary>Fields that could not be read or break their rules; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : MrvCommandOutcome;
}
