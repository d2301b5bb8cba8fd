using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>How a registry command ended: <see cref="Completed"/>, <see cref="Refused"/> or <see cref="Invalid"/>.</summary>
public abstract record RegistryCommandOutcome
{
    private RegistryCommandOutcome()
    {
    }

    /// <summary>The registry did it (or had done it before: <paramref name="Duplicate"/>).</summary>
    /// <param name="Event">The event raised (the first one, for a duplicate).</param>
    /// <param name="Facts">What the event touched: accounts, class, quantity, serials, proposal.</param>
    /// <param name="Duplicate">True when the same key and request ran before: nothing was done again.</param>
    public sealed record Completed(RegistryEvent Event, RegistryEventFacts Facts, bool Duplicate) : RegistryCommandOutcome;

    /// <summary>The registry refused the request by one of its rules; nothing changed.</summary>
    /// <param name="Reason">The rule, as a code.</param>
    /// <param name="Field">The request's field at fault (<c>actor</c> for who is asking).</param>
    /// <param name="Message">The registry's sentence (English), naming the field and value.</param>
    /// <param name="Kind">Whether the field was malformed, the actor may not do this, or the registry's state forbids it.</param>
    public sealed record Refused(RegistryRejection Reason, string Field, string Message, RefusalKind Kind) : RegistryCommandOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (the quantity held and asked), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];
    }

    /// <summary>The actor's role may not ask for this at all (<paramref name="Allowed"/> may); nothing changed.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : RegistryCommandOutcome;

    /// <summary>A field could not be read (before the registry was asked); nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : RegistryCommandOutcome;
}
