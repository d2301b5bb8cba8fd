namespace OpenEts.Domain.Mrv;

/// <summary>
/// The default emission factor of a carbonate (tCO2 per t of carbonate) for calcination, carbonate use and
/// desulfurisation lines.
/// </summary>
/// <param name="Code">The library's code ("limestone", "dolomite"), as report lines name the material.</param>
/// <param name="NameZh">The Chinese name (石灰石).</param>
/// <param name="NameEn">The English name.</param>
/// <param name="Factor">tCO2/t carbonate, with its source.</param>
public sealed record CarbonateDefault(string Code, string NameZh, string NameEn, Figure Factor);
