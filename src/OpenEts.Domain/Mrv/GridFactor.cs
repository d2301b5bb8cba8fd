namespace OpenEts.Domain.Mrv;

/// <summary>The electricity emission factor (tCO2/MWh) for a year and a region ("national", "guangdong", …).</summary>
public sealed record GridFactor(int Year, string Region, Figure Factor);
