using OpenEts.Domain.Text;

namespace OpenEts.Domain.Organisations;

/// <summary>
/// An organisation as typed into a form or read from a file row, before validation. <see cref="Validate"/> names
/// each bad field and the rule it breaks.
/// </summary>
/// <param name="Code">统一社会信用代码 as typed.</param>
/// <param name="Name">Registered name.</param>
/// <param name="Sector">Sector, English or Chinese (<see cref="DomainNames.SectorChoices"/>).</param>
/// <param name="Region">City or district.</param>
/// <param name="Status">Coverage status; blank is covered.</param>
/// <param name="Kind">Organisation kind; blank is a company (an edit keeps the organisation's).</param>
/// <param name="Jurisdiction">
/// The market's code (<see cref="MarketJurisdiction.Codes"/>, any case), <c>none</c>/<c>无</c> for none, or blank: none
/// for a new organisation, unchanged for an edit (<see cref="KeepsJurisdiction"/>).
/// </param>
public sealed record OrganisationDraft(string? Code, string? Name, string? Sector, string? Region, string? Status,
    string? Kind = null, string? Jurisdiction = null)
{
    public const int MaxNameLength = 100;
    public const int MaxRegionLength = 50;

    /// <summary>True when the draft leaves the jurisdiction as it is (blank): an edit keeps the organisation's.</summary>
    public bool KeepsJurisdiction => string.IsNullOrWhiteSpace(Jurisdiction);

    /// <summary>Checks every field; returns the organisation (with id 0) or the list of field errors.</summary>
    public OrganisationValidation Validate()
    {
        var errors = new List<FieldError>();
        var code = CreditCode.Parse(Code);
        if (!code.Success)
        {
            errors.Add(new FieldError("code", code.Error.ToString(), "credit code: " + code.Message) { Figures = code.Figures });
        }
        var name = (Name ?? "").Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            errors.Add(FieldError.Of("name", "Length", $"name must be 1–{MaxNameLength} characters"));
        }
        else if (DisplayText.Explain(name, "name", allowLineBreaks: false) is { } badName)
        {
            errors.Add(new FieldError("name", "ForbiddenCharacter", badName));
        }
        var region = (Region ?? "").Trim();
        if (region.Length == 0 || region.Length > MaxRegionLength)
        {
            errors.Add(FieldError.Of("region", "Length", $"region must be 1–{MaxRegionLength} characters"));
        }
        else if (DisplayText.Explain(region, "region", allowLineBreaks: false) is { } badRegion)
        {
            errors.Add(new FieldError("region", "ForbiddenCharacter", badRegion));
        }
        if (!DomainNames.TryParseSector(Sector, out var sector))
        {
            errors.Add(FieldError.Of("sector", "UnknownValue",
                $"sector '{Sector}' is not one of {string.Join(", ", DomainNames.SectorChoices)}"));
        }
        var status = CoverageStatus.Covered;
        if (!string.IsNullOrWhiteSpace(Status) && !DomainNames.TryParseStatus(Status, out status))
        {
            errors.Add(FieldError.Of("status", "UnknownValue",
                $"status '{Status}' is not one of {string.Join(", ", DomainNames.StatusChoices)}"));
        }
        var kind = OrganisationKind.Company;
        if (!string.IsNullOrWhiteSpace(Kind) && !Enum.TryParse(Kind, true, out kind))
        {
            errors.Add(new FieldError("kind", "UnknownValue", $"kind '{Kind}' is not an organisation kind"));
        }
        MarketJurisdiction? jurisdiction = null;
        if (!KeepsJurisdiction && !MarketJurisdiction.IsNone(Jurisdiction))
        {
            if (MarketJurisdiction.TryParse(Jurisdiction, out var market, out _))
            {
                jurisdiction = market;
            }
            else
            {
                // The value and the choices are figures, so that the message in the reader's language names them too.
                errors.Add(FieldError.Of("jurisdiction", "UnknownValue",
                    $"jurisdiction '{Jurisdiction?.Trim()}' is not one of {MarketJurisdiction.Choices}"));
            }
        }
        return errors.Count > 0
            ? new OrganisationValidation(null, errors)
            : new OrganisationValidation(new Organisation(0, code.Code, name, kind, sector, region, status, jurisdiction), errors);
    }
}

/// <summary>A field that failed validation: which field, which rule, a message for people.</summary>
public sealed record FieldError(string Field, string Rule, string Message)
{
    /// <summary>
    /// The figures <see cref="Message"/> names (limits, the value found), so that a message in another language can give
    /// them too (<see cref="Text.Figures"/>); empty when it names none.
    /// </summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>A field error whose message names figures: the message in the invariant culture, and its figures.</summary>
    public static FieldError Of(string field, string rule, FormattableString message) =>
        new(field, rule, Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) };
}

/// <summary>The result of validating a draft.</summary>
public sealed record OrganisationValidation(Organisation? Organisation, IReadOnlyList<FieldError> Errors);
