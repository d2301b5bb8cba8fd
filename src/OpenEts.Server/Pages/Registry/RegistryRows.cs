using OpenEts.Domain.Registry;

namespace OpenEts.Server.Pages.Registry;

/// <summary>How the registry pages show what the registry reads give them.</summary>
internal static class RegistryRows
{
    /// <summary>
    /// Serial blocks as every page shows them, class first (<c>GDEA-2017-1-3000000</c>, docs/registry.md), from the
    /// history's <c>first-last</c> form; left as is when the class is unknown.
    /// </summary>
    public static string ShowBlocks(string? unitClass, string blocks) =>
        UnitClass.TryParse(unitClass, out var parsed)
            ? string.Join(' ', blocks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b => parsed + "-" + b))
            : blocks;

    /// <summary>
    /// A class's year as the holdings show it: an allowance's vintage (GDEA-2017) or a project offset class's
    /// (PHCER-GD0001-2017); null for a legacy offset class, which has none.
    /// </summary>
    public static int? Vintage(UnitClass unitClass) =>
        unitClass.Type == UnitType.Allowance || unitClass.IsProjectClass ? unitClass.Vintage : null;
}
