namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// The schemes that ship: Ningxia's city scheme (40 target + 60 measures over its nine measure areas) and the
/// sector-department variant (60 target + 40 measures). Every number's source is in docs/dual-control.md; those
/// marked [UNCONFIRMED] are inferred and editable.
/// </summary>
public static class AssessmentSchemes
{
    /// <summary>
    /// Completion → points, 40-point target (county table, 十一五, www.lawyee.com.cn/html/text/lar/170641/17064108_2.html):
    /// 100 % → 40, 90 % → 36, 80 % → 32, 70 % → 28, 60 % → 24, 50 % → 20, below 50 % → 0.
    /// </summary>
    public static IReadOnlyList<CompletionStep> FortyPointTable { get; } =
        [new(100m, 40m), new(90m, 36m), new(80m, 32m), new(70m, 28m), new(60m, 24m), new(50m, 20m)];

    /// <summary>
    /// Grades (fw.nseac.com/html/478/295884.html, citing 国发〔2007〕36号): 超额完成 ≥ 95, 完成 80–95, 基本完成 60–80, 未完成 &lt; 60.
    /// Consequences (cspplaza.com/article-3883-1.html, the 2013 national results); those for 超额完成 and 完成 are Ningxia's
    /// public praise (gxt.nx.gov.cn, 2017-08-28).
    /// </summary>
    public static IReadOnlyList<GradeBand> Bands { get; } =
    [
        new(Grade.Exceeded, 95m, ["consequence.praise"]),
        new(Grade.Completed, 80m, ["consequence.praise"]),
        new(Grade.BasicallyCompleted, 60m, ["consequence.stricter-review"]),
        new(Grade.NotCompleted, decimal.MinValue, ["consequence.accountability", "consequence.no-promotion", "consequence.suspend-review"]),
    ];

    /// <summary>
    /// Ningxia's nine measure areas (gxt.nx.gov.cn/xwzx/gzdt/201708/t20170828_3623713.html). Their points are
    /// [UNCONFIRMED]: Ningxia's table was not found; these split the 60 measure points evenly-ish and are editable data.
    /// </summary>
    public static IReadOnlyList<MeasureArea> NingxiaAreas { get; } =
    [
        new("responsibility", "目标责任", 6m),
        new("structure", "结构调整", 10m),
        new("key-sectors", "重点领域节能", 8m),
        new("key-projects", "重点工程", 8m),
        new("technology", "技术推广", 6m),
        new("policy", "支持政策", 6m),
        new("market", "市场化机制", 5m),
        new("supervision", "监督检查", 6m),
        new("management", "节能管理与服务", 5m),
    ];

    /// <summary>Ningxia's 十三五 scheme for city governments and 宁东基地: 40 + 60, +3 per 10 % over target up to +9, intensity veto.</summary>
    public static AssessmentScheme NingxiaCity { get; } = new(
        "nx-city", "宁夏 市级节能目标责任评价考核", 40m, 60m, FortyPointTable, 3m, 9m, NingxiaAreas, Bands, IntensityVeto: true,
        "gxt.nx.gov.cn 2017-08-28 (100 points, veto, nine areas); lawyee.com.cn (40-point table, bonus +3/10 %, cap +9); "
        + "fw.nseac.com (grades); area points [UNCONFIRMED]");

    /// <summary>
    /// The sector-department variant: 60 target + 40 measures (m.1wenmi.com/doc/98133.html). Its completion table is the
    /// 40-point table scaled to 60 and its measure areas the nine areas re-weighted to 40 [UNCONFIRMED: only the 60/40 split is sourced].
    /// </summary>
    public static AssessmentScheme SectorDepartment { get; } = new(
        "sector", "行业主管部门节能目标责任评价考核", 60m, 40m,
        [.. FortyPointTable.Select(s => s with { Points = s.Points * 1.5m })], 3m, 9m,
        [.. NingxiaAreas.Zip([4m, 7m, 5m, 5m, 4m, 4m, 3m, 5m, 3m], (a, p) => a with { MaxPoints = p })], Bands, IntensityVeto: true,
        "m.1wenmi.com/doc/98133.html (60/40); table and area points scaled [UNCONFIRMED]");

    /// <summary>
    /// An enterprise's measure areas (千家企业节能目标责任评价考核计分表, 2007): 节能工作组织和领导, 节能目标分解和落实,
    /// 节能技术进步和节能技改实施, 节能法律法规执行情况, 节能管理工作执行情况; their points [UNCONFIRMED].
    /// </summary>
    public static IReadOnlyList<MeasureArea> EnterpriseAreas { get; } =
    [
        new("organisation", "节能工作组织和领导", 5m),
        new("target-split", "节能目标分解和落实", 10m),
        new("retrofits", "节能技术进步和节能技改实施", 25m),
        new("law", "节能法律法规执行情况", 15m),
        new("management", "节能管理工作执行情况", 5m),
    ];

    /// <summary>
    /// An enterprise's grades are the regions' bands; its consequences its own (国发〔2007〕36号, 千家企业): 未完成 → public
    /// criticism, no annual awards or honours, new energy-intensive projects not approved; 完成 and 超额完成 → praise.
    /// </summary>
    public static IReadOnlyList<GradeBand> EnterpriseBands { get; } =
    [
        new(Grade.Exceeded, 95m, ["consequence.praise"]),
        new(Grade.Completed, 80m, ["consequence.praise"]),
        new(Grade.BasicallyCompleted, 60m, []),
        new(Grade.NotCompleted, decimal.MinValue, ["consequence.public-criticism", "consequence.no-awards", "consequence.suspend-project-approval"]),
    ];

    /// <summary>
    /// The key energy users' scheme (重点用能单位): 40 target + 60 measures with the 40-point table and the intensity veto,
    /// the enterprise's areas and consequences. The only scheme that fits a key energy user.
    /// </summary>
    public static AssessmentScheme KeyEnergyUser { get; } = new(
        "key-user", "重点用能单位节能目标责任评价考核", 40m, 60m, FortyPointTable, 3m, 9m, EnterpriseAreas, EnterpriseBands, IntensityVeto: true,
        "国发〔2007〕36号 (千家企业: 40 + 60, grades, consequences); area points and bonus [UNCONFIRMED]")
    {
        Kinds = [UnitKind.KeyEnergyUser],
    };

    /// <summary>The schemes by code.</summary>
    public static IReadOnlyList<AssessmentScheme> All { get; } = [NingxiaCity, SectorDepartment, KeyEnergyUser];
}
