using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Organisations;

/// <summary>How adding or editing an organisation ended.</summary>
public abstract record OrganisationOutcome
{
    public sealed record Saved(Organisation Organisation) : OrganisationOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : OrganisationOutcome;

    /// <summary>
    /// Another organisation on the list already has the code (rule <c>CodeAlreadyListed</c>, field <c>code</c>): nothing
    /// was written.
    /// </summary>
    public sealed record Conflict(FieldError Error) : OrganisationOutcome;

    public sealed record NotFound : OrganisationOutcome;

    public sealed record Forbidden : OrganisationOutcome;
}

/// <summary>How an import ended. <see cref="Invalid"/> means nothing was written.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(int Added, int Updated, int Unchanged) : ImportOutcome;

    /// <summary>
    /// The file's errors: the first <see cref="TabularLimits.MaxErrorsListed"/> of them, and how many more there were
    /// (<see cref="MoreErrors"/>), so that a file of a hundred thousand bad rows answers with a page, not megabytes.
    /// </summary>
    public sealed record Invalid : ImportOutcome
    {
        public Invalid(IReadOnlyList<RowError> errors)
        {
            ArgumentNullException.ThrowIfNull(errors);
            Errors = errors.Count > TabularLimits.MaxErrorsListed ? [.. errors.Take(TabularLimits.MaxErrorsListed)] : errors;
            MoreErrors = errors.Count - Errors.Count;
        }

        public IReadOnlyList<RowError> Errors { get; }

        /// <summary>How many errors were found beyond <see cref="Errors"/>.</summary>
        public int MoreErrors { get; }
    }

    public sealed record Forbidden : ImportOutcome;
}

/// <summary>A bad cell of an imported file: row (1 = header), column letter, field, rule and message.</summary>
public sealed record RowError(int Row, string Column, string Field, string Rule, string Message)
{
    /// <summary>The figures <see cref="Message"/> names (a limit, the value found), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>The header the file gives <see cref="Column"/> (月份), to name the column as the file does; empty when unknown.</summary>
    public string Header { get; init; } = "";
}
