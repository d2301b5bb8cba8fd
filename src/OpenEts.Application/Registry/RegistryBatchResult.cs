using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>The result of an all-or-nothing batch of registry requests.</summary>
/// <param name="Outcomes">The outcome of each request that ran, in order; when refused, the last one is the refusal.</param>
/// <param name="RefusedAt">The index of the refused request, or null when every request completed and was stored.</param>
public sealed record RegistryBatchResult(IReadOnlyList<RegistryOutcome> Outcomes, int? RefusedAt)
{
    /// <summary>True when every request completed and the batch was stored; false when nothing of it was.</summary>
    public bool Stored => RefusedAt is null;
}
