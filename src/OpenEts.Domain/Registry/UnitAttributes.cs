namespace OpenEts.Domain.Registry;

/// <summary>
/// What compliance rules may know about a unit of a class: its programme, project, category, host province, vintage
/// and pre-CDM flag. The registry is the only source (<see cref="RegistryLedger.AttributesOf"/>).
/// </summary>
/// <param name="Class">The unit class.</param>
/// <param name="Programme">The unit type: allowance, or the offset programme (CCER, PHCER, FFCER).</param>
/// <param name="Project">The programme's project code; null for allowances and legacy offset classes.</param>
/// <param name="Title">The project's title; null when not defined.</param>
/// <param name="Category">The project category; null for allowances and legacy offset classes (unknown).</param>
/// <param name="HostProvince">
/// The host province of an offset project, or the jurisdiction of an allowance (<c>CN</c> for national); null for a
/// legacy offset class (unknown).
/// </param>
/// <param name="Vintage">The vintage year; null for a legacy offset class (unknown).</param>
/// <param name="PreCdm">The pre-CDM flag of an offset project; null for allowances and legacy offset classes (unknown).</param>
/// <param name="Defined">
/// True when the attributes are complete: an allowance class, or an offset class with its <see cref="OffsetClassDefined"/>.
/// A legacy offset class is never complete: a rule that needs an unknown attribute must refuse the unit.
/// </param>
public sealed record UnitAttributes(
    UnitClass Class, UnitType Programme, string? Project, string? Title, ProjectCategory? Category, string? HostProvince,
    int? Vintage, bool? PreCdm, bool Defined);
