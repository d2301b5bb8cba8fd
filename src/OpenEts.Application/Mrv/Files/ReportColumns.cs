using OpenEts.Application.Files;
using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// The columns of a report sheet (docs/mrv.md, "Template and CSV format"): Chinese headers first, English last; any
/// order; the reader finds them by <see cref="HeaderMap"/>. <see cref="Defaults"/> and <see cref="Note"/> are written
/// for people and ignored when read.
/// </summary>
internal static class ReportColumns
{
    public static readonly HeaderColumn Kind = new("kind", ["类别", "kind"]);
    public static readonly HeaderColumn Id = new("id", ["编号", "id"], Required: false);
    public static readonly HeaderColumn Material = new("material", ["燃料或物料", "物料", "material"]);
    public static readonly HeaderColumn Amount = new("amount", ["数量", "amount"]);
    public static readonly HeaderColumn Unit = new("unit", ["单位", "unit"]);
    public static readonly HeaderColumn Ncv = new(ParameterKinds.Code(ParameterKind.NetCalorificValue), ["实测低位发热量", "measured_ncv"], Required: false);
    public static readonly HeaderColumn Carbon = new(ParameterKinds.Code(ParameterKind.CarbonContent), ["实测单位热值含碳量", "measured_carbon_content"], Required: false);
    public static readonly HeaderColumn Oxidation = new(ParameterKinds.Code(ParameterKind.OxidationRate), ["实测碳氧化率", "measured_oxidation_rate"], Required: false);
    public static readonly HeaderColumn Factor = new(ParameterKinds.Code(ParameterKind.EmissionFactor), ["实测排放因子", "measured_emission_factor"], Required: false);
    public static readonly HeaderColumn Purity = new(ParameterKinds.Code(ParameterKind.MassFraction), ["实测纯度", "measured_purity"], Required: false);
    public static readonly HeaderColumn CaO = new(ParameterKinds.Code(ParameterKind.CaOContent), ["实测氧化钙含量", "measured_cao"], Required: false);
    public static readonly HeaderColumn MgO = new(ParameterKinds.Code(ParameterKind.MgOContent), ["实测氧化镁含量", "measured_mgo"], Required: false);
    public static readonly HeaderColumn Evidence = new("evidence", ["证据", "evidence"], Required: false);
    public static readonly HeaderColumn Rule = new("rule", ["测量规则", "measurement_rule"], Required: false);
    public static readonly HeaderColumn Defaults = new("defaults", ["缺省值", "defaults"], Required: false);
    public static readonly HeaderColumn Note = new("note", ["说明", "note"], Required: false);

    /// <summary>Every column, in the template's order.</summary>
    public static readonly HeaderColumn[] All =
        [Kind, Id, Material, Amount, Unit, Ncv, Carbon, Oxidation, Factor, Purity, CaO, MgO, Evidence, Rule, Defaults, Note];

    /// <summary>The measured-value columns and the parameter each sets, with the unit its value is in.</summary>
    public static readonly (HeaderColumn Column, ParameterKind Parameter)[] Measured =
    [
        (Ncv, ParameterKind.NetCalorificValue), (Carbon, ParameterKind.CarbonContent), (Oxidation, ParameterKind.OxidationRate),
        (Factor, ParameterKind.EmissionFactor), (Purity, ParameterKind.MassFraction), (CaO, ParameterKind.CaOContent),
        (MgO, ParameterKind.MgOContent),
    ];

    /// <summary>The header of a column in a language: Chinese, or English when <paramref name="english"/>.</summary>
    public static string Header(HeaderColumn column, bool english) => english ? column.Names[^1] : column.Names[0];
}
