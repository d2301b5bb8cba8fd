using System.Globalization;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Mrv;

/// <summary>How MRV's pages write numbers and codes: tonnes to 3 decimals (1 kg), enum names through the resources.</summary>
public static class MrvText
{
    /// <summary>Tonnes CO2 as the pages show them: grouped, 3 decimals.</summary>
    public static string Tonnes(decimal value) => value.ToString("N3", CultureInfo.CurrentCulture);

    /// <summary>An amount as typed back into an input: invariant, no grouping, no trailing zeros.</summary>
    public static string Input(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Status(Application.Mrv.ReportStatus status) => Text.T("mrv.status." + status);

    public static string Kind(SourceKind kind) => SourceKinds.Name(kind, Text.IsEnglish);

    public static string Unit(MeasureUnit unit) => MeasureUnits.Symbol(unit);

    /// <summary>A fuel's or carbonate's name in the page's language (原煤 for <c>raw-coal</c>); null for a code the factor library does not name.</summary>
    public static string? Material(string code) =>
        DefaultFactors.Library.Fuel(code) is { } fuel ? (Text.IsEnglish ? fuel.NameEn : fuel.NameZh)
        : DefaultFactors.Library.Carbonate(code) is { } carbonate ? (Text.IsEnglish ? carbonate.NameEn : carbonate.NameZh)
        : null;

    /// <summary>
    /// A grid factor's region in the page's language (南方区域电网 for <c>south</c>, 广东 for <c>guangdong</c>); null for a
    /// code the resources do not name, such as a region a correction added.
    /// </summary>
    public static string? Region(string code) => Text.NameOf("mrv.region.", code);

    /// <summary>What a correction corrects, named: a grid region or a fuel; null for a code neither names.</summary>
    public static string? Target(string code) => Region(code) ?? Material(code);

    /// <summary>
    /// A default factor's citation (guideline · table · row, <see cref="Api.MrvViews.Factor"/>) in the page's language: in
    /// Chinese the library's English words are replaced by their Chinese, the documents' numbers, the reference file's
    /// section and the flags kept as they are; in English as stored. A correction's source is the regulator's own text
    /// and passes through unchanged, as does any phrase the glossary does not know.
    /// </summary>
    public static string Citation(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Text.IsEnglish)
        {
            return source;
        }
        foreach (var (english, chinese) in CitationGlossary)
        {
            source = source.Replace(english, chinese, StringComparison.Ordinal);
        }
        return source;
    }

    // Longest first where one phrase contains another ("national grid average 2022" before "national grid average").
    // The Chinese names follow reference/mrv.md §3.1 (企业温室气体排放核算方法与报告指南, the NDRC's 24 sector guidelines),
    // §3.3 (the fuel table's own title, already Chinese) and §3.4 (the grid factors' notices).
    private static readonly (string English, string Chinese)[] CitationGlossary =
    [
        ("NDRC 24-sector accounting guidelines, Annex defaults", "国家发展改革委24个行业企业温室气体排放核算方法与报告指南，附录缺省值"),
        ("NDRC sector guidelines (commonly quoted)", "国家发展改革委行业核算指南（通常引用值）"),
        ("NDRC sector guidelines (commonly used value)", "国家发展改革委行业核算指南（常用值）"),
        ("electricity CO2 emission factors", "电力二氧化碳排放因子"),
        ("carbonate emission factors", "碳酸盐排放因子"),
        ("default heat emission factor", "热力缺省排放因子"),
        ("coal oxidation rate", "燃煤碳氧化率"),
        ("clinker calcination, CaO/MgO route", "熟料煅烧（CaO/MgO 法）"),
        ("third-party code (no retrievable notice)", "第三方代码（无可查原文件）"),
        (" (formula not retrieved)", "（公式原文未取得）"),
        (" (not retrieved)", "（原文未取得）"),
        ("2015 baseline national", "2015年基准，全国"),
        ("national grid average 2022", "2022年全国电网平均"),
        ("national grid average", "全国电网平均"),
        ("national average", "全国平均"),
        ("MEE/NBS 公告", "生态环境部、国家统计局公告"),
        ("/ carbon content", "/ 单位热值含碳量"),
        ("/ oxidation rate", "/ 碳氧化率"),
        ("/ NCV", "/ 低位发热量"),
    ];

    public static string Parameter(ParameterKind parameter) => Text.T("mrv.param." + parameter);

    public static string Output(OutputKind kind) => OutputKinds.Name(kind, Text.IsEnglish);
}
