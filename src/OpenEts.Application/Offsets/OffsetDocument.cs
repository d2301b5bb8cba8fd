namespace OpenEts.Application.Offsets;

/// <summary>A file attached to a project (or one of its monitoring reports), known by its SHA-256; the bytes are stored beside it.</summary>
/// <param name="Id">Storage id, 0 before it is saved.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ReportId">The monitoring report it belongs to, or null.</param>
/// <param name="Kind">What it is.</param>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="ContentType">Its media type as uploaded.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedBy">The user who attached it.</param>
/// <param name="UploadedAt">When.</param>
public sealed record OffsetDocument(
    long Id, long ProjectId, long? ReportId, DocumentKind Kind, string FileName, string ContentType, string Sha256, long Size,
    string UploadedBy, DateTimeOffset UploadedAt);
