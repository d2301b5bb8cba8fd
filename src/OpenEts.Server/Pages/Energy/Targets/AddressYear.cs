using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// A year in a targets page's address that is no number (<c>?year=abc</c>): the binder leaves the year empty and the page
/// shows its default year. It is named beside the year filter, which keeps the text as typed, and the page says which
/// year it shows instead.
/// </summary>
public sealed record AddressYear(FieldError? Error, string? Typed)
{
    public static AddressYear None { get; } = new(null, null);

    /// <summary>The year the address asked for, from the binder's state: <see cref="None"/> when it was read or not given.</summary>
    public static AddressYear Read(ModelStateDictionary state) =>
        Unbound.Errors(state).FirstOrDefault(e => e.Field == "year") is { } error ? new(error, Unbound.Typed(state, "Year", "")) : None;

    /// <summary>The error's text, in the page's language; null when the year was read.</summary>
    public string? Message => Error is null ? null : RuleText.Field(Error);

    /// <summary>The year filter's input: the text as typed when it was not read, else <paramref name="shown"/>.</summary>
    public FilterInput Input(int? shown) =>
        new("year", "Year", Text.T("energy.year"), Typed ?? shown?.ToString(CultureInfo.InvariantCulture), Message, "number");
}
