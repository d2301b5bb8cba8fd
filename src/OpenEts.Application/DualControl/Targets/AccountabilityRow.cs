using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// One line of the accountability list (考核结果): the unit, its score and grade, whether the veto applied, the
/// consequences its grade brings, and whether it is publicly praised (完成 and 超额完成; Ningxia, gxt.nx.gov.cn 2017-08-28).
/// </summary>
public sealed record AccountabilityRow(UnitCode Unit, string Name, UnitKind Kind, int Year, decimal Total, Grade Grade, bool Vetoed,
    IReadOnlyList<string> Consequences)
{
    public bool Praised => Grade is Grade.Exceeded or Grade.Completed;
}
