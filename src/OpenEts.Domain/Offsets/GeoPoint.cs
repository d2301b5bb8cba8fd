using System.Globalization;

namespace OpenEts.Domain.Offsets;

/// <summary>A point in WGS 84 degrees: latitude −90…90, longitude −180…180, at most 6 decimals (about 0.1 m).</summary>
public readonly record struct GeoPoint
{
    private GeoPoint(decimal latitude, decimal longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public decimal Latitude { get; }

    public decimal Longitude { get; }

    /// <summary>Reads a point, or says why not.</summary>
    public static bool TryCreate(decimal latitude, decimal longitude, out GeoPoint point, out string? reason)
    {
        point = default;
        reason = latitude is < -90 or > 90 ? "latitude is from -90 to 90"
            : longitude is < -180 or > 180 ? "longitude is from -180 to 180"
            : decimal.Round(latitude, 6) != latitude || decimal.Round(longitude, 6) != longitude ? "at most 6 decimals"
            : null;
        if (reason is null)
        {
            point = new GeoPoint(latitude, longitude);
        }
        return reason is null;
    }

    /// <summary>A trusted point; throws when out of range.</summary>
    public static GeoPoint From(decimal latitude, decimal longitude) =>
        TryCreate(latitude, longitude, out var p, out var reason) ? p : throw new ArgumentOutOfRangeException(nameof(latitude), reason);

    /// <summary>Reads <c>latitude,longitude</c>, or says why not.</summary>
    public static bool TryParse(string? text, out GeoPoint point, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        point = default;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !decimal.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            reason = $"'{text}' is not 'latitude,longitude'";
            return false;
        }
        if (!TryCreate(lat, lon, out point, out var why))
        {
            reason = $"'{text}': {why}";
            return false;
        }
        reason = null;
        return true;
    }

    /// <summary>Reads a boundary written as <c>lat,lon; lat,lon; …</c>: at least 3 points (closing point optional), at most <paramref name="max"/>.</summary>
    public static bool TryParseBoundary(string? text, int max, out IReadOnlyList<GeoPoint> boundary, out string? reason)
    {
        boundary = [];
        var points = new List<GeoPoint>();
        foreach (var pair in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(pair, out var p, out var why))
            {
                reason = why;
                return false;
            }
            points.Add(p);
        }
        if (points.Count > 1 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1);
        }
        reason = points.Count < 3 ? "a boundary has at least 3 points ('lat,lon; lat,lon; lat,lon')"
            : points.Count > max ? $"a boundary has at most {max} points" : null;
        if (reason is null)
        {
            boundary = points;
        }
        return reason is null;
    }

    /// <summary>A boundary as text, <c>lat,lon; lat,lon; …</c> (what <see cref="TryParseBoundary"/> reads).</summary>
    public static string BoundaryText(IEnumerable<GeoPoint> boundary) => string.Join("; ", boundary.Select(p => p.ToString()));

    /// <summary><c>26.650000,117.950000</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}
