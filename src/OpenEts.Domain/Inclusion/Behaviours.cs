namespace OpenEts.Domain.Inclusion;

/// <summary>The behaviours' text codes (as in programme files and uploads) and units.</summary>
public static class Behaviours
{
    private static readonly (Behaviour Behaviour, string Code, string Unit)[] Table =
    [
        (Behaviour.Metro, "metro", "km"),
        (Behaviour.Bus, "bus", "km"),
        (Behaviour.Bike, "bike", "km"),
        (Behaviour.Walk, "walk", "steps"),
        (Behaviour.HospitalBooking, "hospital-booking", "actions"),
        (Behaviour.WasteSorting, "waste-sorting", "actions"),
        (Behaviour.Electricity, "electricity", "kWh"),
        (Behaviour.SolarPv, "solar-pv", "kWh"),
    ];

    /// <summary>The unit of an action a methodology counts as one trip (<see cref="InclusionMethodology.CountsTrips"/>).</summary>
    public const string Trips = "trips";

    /// <summary>Every behaviour's code, in order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Table.Select(t => t.Code)];

    /// <summary>The code of <paramref name="behaviour"/>, e.g. <c>hospital-booking</c>.</summary>
    public static string CodeOf(Behaviour behaviour) => Table.First(t => t.Behaviour == behaviour).Code;

    /// <summary>The unit an action of <paramref name="behaviour"/> is measured in.</summary>
    public static string UnitOf(Behaviour behaviour) => Table.First(t => t.Behaviour == behaviour).Unit;

    /// <summary>The behaviour with this code (case-insensitive), or null.</summary>
    public static Behaviour? Find(string? code)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return t.Behaviour;
            }
        }
        return null;
    }
}
