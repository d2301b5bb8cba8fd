namespace OpenEts.Domain.DualControl.Targets;

/// <summary>What an assessed unit is: a province (省), a city (市, or a base such as 宁东基地), or a key energy user (重点用能单位).</summary>
public enum UnitKind
{
    Province,
    City,
    KeyEnergyUser,
}
