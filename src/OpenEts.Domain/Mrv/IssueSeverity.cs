namespace OpenEts.Domain.Mrv;

/// <summary>How serious a finding on a report is.</summary>
public enum IssueSeverity
{
    /// <summary>The report cannot be computed or submitted (unknown fuel, wrong unit, negative amount).</summary>
    Error,

    /// <summary>Plausibility: the verifier must acknowledge it with a note.</summary>
    Warning,
}
