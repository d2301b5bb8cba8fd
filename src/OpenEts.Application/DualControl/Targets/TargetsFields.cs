using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>Reading the targets' typed fields (unit codes, years), each error naming its field.</summary>
public static class TargetsFields
{
    /// <summary>The first and last year a target, report or assessment may name.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>A unit code (<c>NX-YC</c>), or a UnitCode error naming the field.</summary>
    public static UnitCode UnitCode(this FieldReader read, string? text, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Domain.DualControl.Targets.UnitCode.TryCreate(text, out var code, out var reason))
        {
            read.Fail(field, "UnitCode", $"{field}: {reason}");
        }
        return code;
    }

    /// <summary>A year from 2000 to 2100, or a Year error naming the field (0 then).</summary>
    public static int TargetYear(this FieldReader read, int? value, string field = "year")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is not (>= FirstYear and <= LastYear))
        {
            read.Fail(field, "Year", $"{field}: {FirstYear}–{LastYear}");
            return 0;
        }
        return value.Value;
    }
}
