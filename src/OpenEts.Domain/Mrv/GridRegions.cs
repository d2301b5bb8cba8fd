namespace OpenEts.Domain.Mrv;

/// <summary>Region codes used by grid factors.</summary>
public static class GridRegions
{
    /// <summary>The national average grid factor.</summary>
    public const string National = "national";
}
