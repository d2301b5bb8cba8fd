using System.Globalization;
using OpenEts.Domain.Offsets;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>
/// A project boundary drawn as an SVG polygon on a plain background (no tiles, no script): longitude to x, latitude to
/// y (north up), scaled to fit with the aspect of the degrees corrected by cos(latitude). With script, the page draws
/// the same boundary from <see cref="GeoJson"/> with Leaflet (wwwroot/js/boundary-map.js).
/// </summary>
public static class BoundaryMap
{
    public const int Width = 480, Height = 320, Margin = 20;

    /// <summary>
    /// The boundary as a GeoJSON Polygon (RFC 7946: [longitude, latitude], the ring closed on its first point), exact
    /// decimals as entered.
    /// </summary>
    public static string GeoJson(IReadOnlyList<GeoPoint> boundary)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        if (boundary.Count == 0)
        {
            return "";
        }
        var ring = boundary.Append(boundary[0]).Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Longitude},{p.Latitude}]"));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(',', ring) + "]]}";
    }

    /// <summary>The polygon's <c>points</c> attribute, or empty for fewer than 3 points.</summary>
    public static string Points(IReadOnlyList<GeoPoint> boundary)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        if (boundary.Count < 3)
        {
            return "";
        }
        var minLat = boundary.Min(p => p.Latitude);
        var maxLat = boundary.Max(p => p.Latitude);
        var minLon = boundary.Min(p => p.Longitude);
        var maxLon = boundary.Max(p => p.Longitude);
        var cos = Math.Cos((double)((minLat + maxLat) / 2) * Math.PI / 180);
        var spanX = Math.Max((double)(maxLon - minLon) * cos, 1e-9);
        var spanY = Math.Max((double)(maxLat - minLat), 1e-9);
        var scale = Math.Min((Width - (2 * Margin)) / spanX, (Height - (2 * Margin)) / spanY);
        return string.Join(' ', boundary.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{Margin + ((double)(p.Longitude - minLon) * cos * scale):0.0},{Height - Margin - ((double)(p.Latitude - minLat) * scale):0.0}")));
    }
}
