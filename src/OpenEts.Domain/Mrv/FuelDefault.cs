namespace OpenEts.Domain.Mrv;

/// <summary>
/// The default parameters of one fuel in a factor library: the unit its consumption is reported in, its NCV, its
/// carbon content per unit heat and its oxidation rate, each a <see cref="Figure"/> naming its source.
/// </summary>
/// <param name="Code">The library's code (e.g. "raw-coal"), as report lines name the fuel.</param>
/// <param name="NameZh">The Chinese name as in the guideline tables (原煤).</param>
/// <param name="NameEn">The English name.</param>
/// <param name="AmountUnit">The unit consumption is reported in (t or 10⁴ Nm³).</param>
/// <param name="Ncv">Net calorific value, GJ/t or GJ/10⁴Nm³.</param>
/// <param name="CarbonContent">tC/GJ.</param>
/// <param name="Oxidation">Oxidation rate, a fraction.</param>
public sealed record FuelDefault(
    string Code, string NameZh, string NameEn, MeasureUnit AmountUnit, Figure Ncv, Figure CarbonContent, Figure Oxidation);
