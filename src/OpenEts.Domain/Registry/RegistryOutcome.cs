namespace OpenEts.Domain.Registry;

/// <summary>What a registry request came to: <see cref="Completed"/> or <see cref="Rejected"/>.</summary>
public abstract record RegistryOutcome
{
    private RegistryOutcome()
    {
    }

    /// <summary>True for <see cref="Completed"/>.</summary>
    public bool IsCompleted => this is Completed;

    /// <summary>The request was carried out.</summary>
    /// <param name="Event">The change, for storage to journal (unless <c>Duplicate</c> is true).</param>
    /// <param name="Blocks">The serials that moved or were created, sorted; empty when no units moved.</param>
    public sealed record Completed(RegistryEvent Event, IReadOnlyList<SerialBlock> Blocks) : RegistryOutcome
    {
        /// <summary>True when this is a repeat of an earlier request with the same key: nothing was done again.</summary>
        public bool Duplicate { get; init; }
    }

    /// <summary>The request was refused and nothing changed.</summary>
    /// <param name="Reason">Why, as a code.</param>
    /// <param name="Field">The request field at fault, e.g. <c>quantity</c>, <c>from</c>, <c>actor</c>.</param>
    /// <param name="Message">A sentence for a person, naming the field and value.</param>
    public sealed record Rejected(RegistryRejection Reason, string Field, string Message) : RegistryOutcome
    {
        /// <summary>The figures <see cref="Message"/> names (the quantity held and asked), for a message in another language.</summary>
        public IReadOnlyList<string> Figures { get; init; } = [];
    }
}
