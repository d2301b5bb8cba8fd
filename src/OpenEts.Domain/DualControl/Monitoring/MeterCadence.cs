namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>How often a meter point reports (上传频率): one reading per hour or per Beijing day.</summary>
public enum MeterCadence
{
    /// <summary>One reading per hour: 24 expected a day (the reference's example of hourly data).</summary>
    Hourly = 0,

    /// <summary>One reading per Beijing calendar day.</summary>
    Daily,
}
