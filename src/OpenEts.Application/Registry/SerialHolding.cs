using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>Who holds a serial, as the asking actor may know it.</summary>
public abstract record SerialHolding
{
    private SerialHolding()
    {
    }

    /// <summary>The serial was never issued.</summary>
    public sealed record NotIssued : SerialHolding;

    /// <summary>An account the actor may see holds it.</summary>
    public sealed record HeldBy(Account Account) : SerialHolding;

    /// <summary>An account the actor may not see holds it.</summary>
    public sealed record HeldElsewhere : SerialHolding;
}
