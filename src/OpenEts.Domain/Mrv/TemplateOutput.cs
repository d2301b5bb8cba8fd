namespace OpenEts.Domain.Mrv;

/// <summary>A production output a sector template asks for, with its detail (process, grade, unit category) if any.</summary>
public sealed record TemplateOutput(OutputKind Kind, string? Detail = null)
{
    /// <summary>The unit the output is reported in.</summary>
    public MeasureUnit Unit => OutputKinds.UnitOf(Kind);
}
