using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Text;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Attaches a file to a project or one of its monitoring reports, stored with its SHA-256 (shown on the project page
/// and in the journal, so that anyone can check a copy): the owner its own project's files, the programme's reviewers
/// their opinions and evidence. Documents are never replaced; a new version is a new document.
/// </summary>
public sealed record AttachDocument(long Project, long? Report, DocumentKind Kind, string FileName, string ContentType, byte[] Content)
    : IOffsetsCommand
{
    public sealed record Form(long? Project, long? Report, string? Kind, string? FileName, string? ContentType, byte[]? Content);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Attachers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AttachDocument? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var project = read.Id(form.Project, "project");
        var kind = read.Choice(form.Kind, "kind", Enum.GetValues<DocumentKind>());
        var name = ReadFileName(read, form.FileName);
        var type = FieldReader.Text(form.ContentType);
        if (form.Content is not { Length: > 0 } content)
        {
            read.Fail("content", "Required", "the file is empty");
            content = [];
        }
        else if (content.Length > OffsetsFields.MaxDocumentBytes)
        {
            read.Fail("content", "FileTooLarge", $"a document is at most {OffsetsFields.MaxDocumentBytes / 1024 / 1024} MB");
        }
        command = read.IsValid
            ? new AttachDocument(project, form.Report, kind, name, type.Length == 0 ? "application/octet-stream" : type, content)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    // The name as shown on the project page and in the journal: the last part of a path, visible characters only (a line
    // break or a NUL would forge a line of the journal or cut the name short), 1–200 of them.
    private static string ReadFileName(FieldReader read, string? given)
    {
        if (DisplayText.FindForbidden(given ?? "", allowLineBreaks: false) is { } bad)
        {
            read.FailOf("fileName", "ForbiddenCharacter",
                $"fileName: visible characters only, no control or format character ({bad.CodePoint} at position {bad.Index + 1})");
            return "";
        }
        return read.Words(Path.GetFileName(given ?? ""), "fileName", OffsetsFields.ShortText);
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (project, _, refusal) = await work.ProjectAsync(Project).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (work.Actor.Role == Role.CompanyRepresentative && !work.IsOwner(project!))
        {
            return OffsetsWork.NotOwner(project!);
        }
        if (Report is { } reportId && (await work.Session.Offsets.FindReportAsync(reportId).ConfigureAwait(false))?.ProjectId != project!.Id)
        {
            return new OffsetsDecision.Missing();
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(Content));
        var document = new OffsetDocument(0, project!.Id, Report, Kind, FileName, ContentType, sha, Content.Length, work.Actor.UserName, work.Now);
        return work.Write(project, Report, "document.attached", FileName, new
        {
            kind = Kind.ToString(), fileName = FileName, sha256 = sha, size = Content.Length,
        }) with { Document = (document, Content) };
    }
}
