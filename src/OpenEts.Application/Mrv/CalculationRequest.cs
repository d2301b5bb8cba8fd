using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// A report as typed, to be computed and stored nowhere (the live recompute while a company edits its lines). Read by
/// the same rules as <see cref="SaveDraftReport"/>; the sector defaults to <see cref="Sector.Other"/>.
/// </summary>
public sealed record CalculationRequest(ReportInput Input)
{
    public sealed record Form(string? Sector, int? Year, string? Region, IReadOnlyList<LineForm>? Lines, IReadOnlyList<OutputForm>? Outputs);

    public static bool TryParse(Form form, [NotNullWhen(true)] out CalculationRequest? request, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var sector = string.IsNullOrWhiteSpace(form.Sector) ? Sector.Other : read.Enum<Sector>(form.Sector, "sector");
        var year = read.ReportingYear(form.Year);
        var region = read.Region(form.Region);
        var lines = read.Lines(form.Lines);
        var outputs = read.Outputs(form.Outputs);
        request = read.IsValid
            ? new CalculationRequest(new ReportInput(sector, year, region, lines, outputs))
            : null;
        errors = read.Errors;
        return request is not null;
    }
}
