namespace OpenEts.Domain.Mrv;

/// <summary>An emission source a sector template lists: its kind, the library code of its fuel or material, its unit.</summary>
public sealed record TemplateSource(SourceKind Kind, string Material, MeasureUnit Unit);
