using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// What a sector's report template asks for (报告模板): the emission sources it lists and the production outputs that
/// allocation reads. <see cref="SectorTemplates"/> holds one per covered sector of the Guangdong market.
/// </summary>
/// <param name="Sector">The sector.</param>
/// <param name="Sources">The sources listed, each with its fuel or material and unit.</param>
/// <param name="Outputs">The production outputs asked for.</param>
/// <param name="Guideline">The NDRC sector guideline the template follows (reference/mrv.md §3.1).</param>
public sealed record SectorTemplate(
    Sector Sector, IReadOnlyList<TemplateSource> Sources, IReadOnlyList<TemplateOutput> Outputs, string Guideline);
