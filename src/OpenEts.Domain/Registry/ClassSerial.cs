namespace OpenEts.Domain.Registry;

/// <summary>The last serial issued of a class (= units issued so far).</summary>
/// <param name="Class">The unit class.</param>
/// <param name="Last">The last serial, ≥ 1.</param>
public sealed record ClassSerial(UnitClass Class, long Last);
