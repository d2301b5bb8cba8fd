namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A number a programme or methodology uses, with where it comes from and whether that source was read
/// (<c>[confirmed]</c>) or the value is inferred or the platform's own choice (<c>[UNCONFIRMED]</c>).
/// </summary>
/// <param name="Name">The parameter's name in the programme file, e.g. <c>netFactor</c>.</param>
/// <param name="Value">The value, exact.</param>
/// <param name="Unit">Its unit, e.g. <c>gCO2/person-km</c>.</param>
/// <param name="Source">The document or page it was read in, or why it is the platform's choice.</param>
/// <param name="Confirmed">True when the value was read in the source.</param>
public sealed record SourcedValue(string Name, decimal Value, string Unit, string Source, bool Confirmed);
