namespace OpenEts.Application.Registry;

/// <summary>How an all-or-nothing batch of registry commands ended.</summary>
/// <param name="Outcomes">One per command that ran, in order (up to and including the refused one).</param>
/// <param name="RefusedAt">The index of the command that stopped the batch (nothing was stored); null when all were done.</param>
public sealed record RegistryBatchOutcome(IReadOnlyList<RegistryCommandOutcome> Outcomes, int? RefusedAt)
{
    /// <summary>True when every command was done (or had been done before) and the batch was stored.</summary>
    public bool IsStored => RefusedAt is null;
}
