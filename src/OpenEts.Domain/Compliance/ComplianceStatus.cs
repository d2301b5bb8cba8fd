namespace OpenEts.Domain.Compliance;

/// <summary>Where an entity stands for a compliance year (履约状态).</summary>
public enum ComplianceStatus
{
    /// <summary>Eligible units ≥ the obligation, met by the deadline (按时履约).</summary>
    Compliant = 1,

    /// <summary>Eligible units &lt; the obligation (未足额清缴); see the shortfall, and whether the deadline has passed.</summary>
    Short,

    /// <summary>Eligible units ≥ the obligation, but met only after the deadline (逾期履约).</summary>
    Late,
}
