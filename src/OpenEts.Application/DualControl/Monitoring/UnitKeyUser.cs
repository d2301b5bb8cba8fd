namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A monitored unit's link to the designation of the key energy user it is (Targets' unit code, e.g. <c>NX-KU-01</c>).</summary>
public sealed record UnitKeyUser(long UnitId, string KeyUserCode, DateTimeOffset LinkedAt, string LinkedBy);
