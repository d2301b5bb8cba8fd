namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// A 晴雨表 level (发改办环资〔2021〕629号 wording, m.caixin.com/m/2021-06-04/101723094.html): red = level 1 (一级预警, the
/// progress target missed by more than 10 % of it), yellow = level 2 (missed within 10 %), green = level 3 (met). A unit
/// exempt from an indicator, or without the data to rate it, shows <see cref="Exempt"/> or <see cref="NoData"/>.
/// Ordered from worst to best among the rated levels.
/// </summary>
public enum WarningLevel
{
    Red,
    Yellow,
    Green,
    Exempt,
    NoData,
}
