using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>How adding or editing an organisation ended.</summary>
public abstract record OrganisationOutcome
{
    public sealed record Saved(Organisation Organisation) : OrganisationOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : OrganisationOutcome;

    public sealed record NotFound : OrganisationOutcome;

    public sealed record Forbidden : OrganisationOutcome;
}

/// <summary>How an import ended. <see cref="Invalid"/> means nothing was written.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(int Added, int Updated, int Unchanged) : ImportOutcome;

    public sealed record Invalid(IReadOnlyList<RowError> Errors) : ImportOutcome;

    public sealed record Forbidden : ImportOutcome;
}

/// <summary>A bad cell of an imported file: row (1 = header), column letter, field, rule and message.</summary>
public sealed record RowError(int Row, string Column, string Field, string Rule, string Message);
