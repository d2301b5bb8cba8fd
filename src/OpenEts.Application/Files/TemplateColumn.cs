namespace OpenEts.Application.Files;

/// <summary>
/// One column of a downloadable template as its instructions sheet (填写说明) explains it: the header as the data sheet
/// shows it, the unit, whether it must be filled, the values or range allowed, where that rule comes from, and the
/// example value (shown on the instructions sheet only, never in the data sheet, so the importer never reads it).
/// </summary>
public sealed record TemplateColumn(string Header, string Unit, bool Required, string Allowed, string Rule, object? Example);
