namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>A meter point with the organisation its unit belongs to (whether a sender may send for it).</summary>
public sealed record OwnedMeter(MeterPoint Meter, long OrganisationId);
