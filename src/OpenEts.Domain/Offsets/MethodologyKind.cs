namespace OpenEts.Domain.Offsets;

/// <summary>How a methodology computes a monitoring period's reductions.</summary>
public enum MethodologyKind
{
    /// <summary>The verifier states the verified reductions of the period (every non-forestry methodology here).</summary>
    VerifiedReductions = 1,

    /// <summary>Forestry carbon sinks: computed by <see cref="ForestryCalculator"/> from area, growth and the parameters.</summary>
    ForestrySink,
}
