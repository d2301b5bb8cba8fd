using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Offsets;

/// <summary>
/// The three programmes the platform ships (docs/offsets.md): national CCER, Fujian forestry FFCER and Guangdong 碳普惠
/// PHCER. The platform has no forestry-department or 碳普惠-centre role: each programme's technical reviewer maps onto
/// <see cref="Role.Verifier"/> (the users its reviewing body is given) and its approving authority onto
/// <see cref="Role.Regulator"/>. Methodology codes and buffers that the reference does not show are flagged unconfirmed.
/// </summary>
public static class Programmes
{
    private const string ForestryBufferSource =
        "platform default [UNCONFIRMED]: no buffer rule was retrieved for CCER, FFCER or PHCER forestry; 20 % is the demo figure";

    /// <summary>碳汇造林 (afforestation), national methodology; Fujian's FFCER projects are filed under the national forestry methodologies.</summary>
    public static Methodology Afforestation { get; } = new("AR-CM-001", "V01", "碳汇造林项目方法学", [ProjectCategory.Forestry],
        MethodologyKind.ForestrySink, 20m, "CCER methodology code as commonly quoted [UNCONFIRMED: not in the reference]; " + ForestryBufferSource, false);

    /// <summary>森林经营碳汇 (forest management), national methodology.</summary>
    public static Methodology ForestManagement { get; } = new("AR-CM-003", "V01", "森林经营碳汇项目方法学", [ProjectCategory.Forestry],
        MethodologyKind.ForestrySink, 20m, "CCER methodology code as commonly quoted [UNCONFIRMED: not in the reference]; " + ForestryBufferSource, false);

    /// <summary>All programmes, CCER first.</summary>
    public static IReadOnlyList<Programme> All { get; } =
    [
        new(UnitType.Ccer, "国家核证自愿减排量（CCER）", "审定与核证机构", "国家主管部门（备案、签发）", "国家自愿减排交易注册登记系统",
            Role.Verifier, Role.Regulator, null, "", 6,
            [
                new("CM-001", "V02", "可再生能源并网发电方法学", [ProjectCategory.Hydropower, ProjectCategory.Wind, ProjectCategory.Solar],
                    MethodologyKind.VerifiedReductions, 0m, "CCER methodology code as commonly quoted [UNCONFIRMED: not in the reference]", false),
                new("CM-003", "V02", "回收煤层气、煤矿瓦斯和通风瓦斯用于发电、动力、供热和/或通过火炬或无焰氧化分解",
                    [ProjectCategory.Methane], MethodologyKind.VerifiedReductions, 0m,
                    "CCER methodology code as commonly quoted [UNCONFIRMED: not in the reference]", false),
                new("CM-GEN", "V01", "其他经备案方法学（核证减排量）", [ProjectCategory.EnergyEfficiency, ProjectCategory.Other],
                    MethodologyKind.VerifiedReductions, 0m, "platform's generic path for other filed methodologies", false),
                Afforestation,
                ForestManagement,
            ],
            "Interim Measures for the Administration of Voluntary GHG Emission Reduction Trading (2012): validation and verification by designated bodies, filing and issuance by the national authority [UNCONFIRMED: not in the reference]"),
        new(UnitType.Ffcer, "福建林业碳汇（FFCER）", "福建省林业厅（审核）", "福建省碳排放权交易工作协调小组办公室（省碳交办，审定）", "海峡股权交易中心登记簿",
            Role.Verifier, Role.Regulator, "FJ", "FJ", 4,
            [Afforestation, ForestManagement],
            "《福建省碳排放权抵消管理办法（试行）》 (2016-12): the provincial forestry department reviews FFCER applications and the provincial carbon-trading office approves them (offsets-and-inclusion.md §4.2) [confirmed]"),
        new(UnitType.Phcer, "广东省碳普惠核证减排量（PHCER）", "省发展改革委（审核、备案省级方法学）", "广东省生态环境厅（备案、签发）", "广东省碳普惠创新发展中心（PHCER登记簿系统）",
            Role.Verifier, Role.Regulator, "GD", "GD", 4,
            [
                new("GD-PH-FP", "V01", "森林保护碳普惠方法学", [ProjectCategory.Forestry], MethodologyKind.ForestrySink, 20m,
                    "provincial methodology (listed in offsets-and-inclusion.md §4.1); code is the platform's own, list and factors not retrieved [UNCONFIRMED]; " + ForestryBufferSource, false),
                new("GD-PH-FM", "V01", "森林经营碳普惠方法学", [ProjectCategory.Forestry], MethodologyKind.ForestrySink, 20m,
                    "provincial methodology (listed in offsets-and-inclusion.md §4.1); code is the platform's own [UNCONFIRMED]; " + ForestryBufferSource, false),
                new("GD-PH-AC", "V01", "高效节能空调碳普惠方法学", [ProjectCategory.EnergyEfficiency], MethodologyKind.VerifiedReductions, 0m,
                    "provincial methodology (listed in §4.1); code is the platform's own [UNCONFIRMED]", false),
                new("GD-PH-HP", "V01", "空气源热泵热水器碳普惠方法学", [ProjectCategory.EnergyEfficiency], MethodologyKind.VerifiedReductions, 0m,
                    "provincial methodology (listed in §4.1); code is the platform's own [UNCONFIRMED]", false),
                new("GD-PH-PV", "V01", "分布式光伏发电碳普惠方法学", [ProjectCategory.Solar], MethodologyKind.VerifiedReductions, 0m,
                    "provincial methodology (listed in §4.1); code is the platform's own [UNCONFIRMED]", false),
                new("GD-PH-LT", "V01", "低碳出行碳普惠方法学", [ProjectCategory.LowCarbonBehaviour], MethodologyKind.VerifiedReductions, 0m,
                    "platform's own code for low-carbon travel (a Guangdong methodology of this kind was not retrieved) [UNCONFIRMED]", false),
            ],
            "粤发改气候函〔2017〕210号: the provincial DRC reviews and files provincial methodologies and PHCER; the 广东省碳普惠创新发展中心 keeps the record (offsets-and-inclusion.md §4.1) [confirmed]"),
    ];

    /// <summary>The programme of <paramref name="type"/>; throws for an allowance.</summary>
    public static Programme Of(UnitType type) =>
        All.FirstOrDefault(p => p.Type == type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Not an offset programme.");

    /// <summary>The programme named <paramref name="code"/> (<c>CCER</c>, <c>FFCER</c>, <c>PHCER</c>, case-insensitive), or null.</summary>
    public static Programme? Find(string? code) =>
        All.FirstOrDefault(p => string.Equals(p.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
