using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Offsets' JSON shapes, shared by the storage columns, the journal's payloads and the API: a project's details and a
/// forestry input as plain records with enum names, points as <c>lat,lon</c> text and exact decimals.
/// </summary>
public static class OffsetsJson
{
    private static readonly JsonSerializerOptions Options = new(Json.Options)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A project's details as stored and journalled.</summary>
    public sealed record DetailsJson(
        string Title, string Methodology, string SectoralScope, ProjectCategory Category, string Province, string City, string County,
        string? Location, string? Boundary, DateOnly CreditingStart, DateOnly CreditingEnd, long ExpectedPerYear, bool PreCdm,
        decimal GasSharePercent, bool DesignatedArea);

    public static DetailsJson Details(ProjectDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Title, d.Methodology, d.SectoralScope, d.Category, d.Province, d.City, d.County, d.Location?.ToString(),
            d.Boundary.Count == 0 ? null : GeoPoint.BoundaryText(d.Boundary), d.CreditingStart, d.CreditingEnd, d.ExpectedPerYear, d.PreCdm,
            d.GasSharePercent, d.DesignatedArea);
    }

    public static string Write(ProjectDetails details) => JsonSerializer.Serialize(Details(details), Options);

    public static ProjectDetails ReadDetails(string json)
    {
        var d = JsonSerializer.Deserialize<DetailsJson>(json, Options) ?? throw new InvalidOperationException("a stored project has no details");
        GeoPoint? location = null;
        if (d.Location is { } l && GeoPoint.TryParse(l, out var point, out _))
        {
            location = point;
        }
        IReadOnlyList<GeoPoint> boundary = [];
        if (d.Boundary is { } b && !GeoPoint.TryParseBoundary(b, int.MaxValue, out boundary, out var reason))
        {
            throw new InvalidOperationException($"a stored boundary does not read: {reason}");
        }
        return new ProjectDetails(d.Title, d.Methodology, d.SectoralScope, d.Category, d.Province, d.City, d.County, location, boundary,
            d.CreditingStart, d.CreditingEnd, d.ExpectedPerYear, d.PreCdm, d.GasSharePercent, d.DesignatedArea);
    }

    public static string Write(ForestryInput input) => JsonSerializer.Serialize(input, Options);

    public static ForestryInput ReadForestry(string json) =>
        JsonSerializer.Deserialize<ForestryInput>(json, Options) ?? throw new InvalidOperationException("empty forestry input");

    /// <summary>Any value in offsets' JSON (enum names), for payloads and exports.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
