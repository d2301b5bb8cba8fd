using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Domain.Offsets;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Reads offsets' fields by one rule for the API, the pages, the CLI and the workbook: ids, dates, bounded text, numbers
/// in range, a programme, a boundary. Errors name the field as the JSON API does.
/// </summary>
public static partial class OffsetsFields
{
    /// <summary>Lengths of free text: short (names, places), long (opinions, comments).</summary>
    public const int ShortText = 200, LongText = 4000;

    /// <summary>The largest document accepted (bytes): 10 MB.</summary>
    public const int MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>At most this many boundary points.</summary>
    public const int MaxBoundaryPoints = 2000;

    /// <summary>The largest quantity in one report or per year (tCO2e): 100 Mt.</summary>
    public const long MaxTonnes = 100_000_000;

    /// <summary>
    /// The text that supports parameters (the owner's evidence of measured values, the verifier's basis of restated
    /// ones), read from <paramref name="field"/>: required when any parameter is stated (<paramref name="missing"/>),
    /// refused when none is (<paramref name="unused"/>: it would be kept with nothing it supports).
    /// </summary>
    public static string Support(this FieldReader read, string? text, string field, bool stated,
        (string Rule, string Message) missing, (string Rule, string Message) unused)
    {
        ArgumentNullException.ThrowIfNull(read);
        var support = read.Words(text, field, LongText, required: false);
        if (stated && support.Length == 0)
        {
            read.Fail(field, missing.Rule, missing.Message);
        }
        else if (!stated && support.Length > 0)
        {
            read.Fail(field, unused.Rule, unused.Message);
        }
        return support;
    }

    public static long Id(this FieldReader read, long? value, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is { } id and > 0)
        {
            return id;
        }
        read.Fail(field, "Required", $"{field}: a number ≥ 1");
        return 0;
    }

    public static Programme Programme(this FieldReader read, string? text, string field = "programme")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Programmes.Find(text) is { } programme)
        {
            return programme;
        }
        read.Fail(field, "UnknownValue", $"{field} must be one of: {string.Join(", ", Programmes.All.Select(p => p.Code))}", FieldReader.Text(text),
            [.. Programmes.All.Select(p => p.Code)]);
        return Programmes.All[0];
    }

    public static string Words(this FieldReader read, string? text, string field, int max, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = FieldReader.Text(text);
        if (value.Length == 0 && required)
        {
            read.Fail(field, "Required", $"{field} is required");
        }
        else if (value.Length > max)
        {
            read.TooLong(field, max, value.Length);
        }
        return value;
    }

    public static DateOnly Date(this FieldReader read, string? text, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2099)
        {
            return date;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            read.Fail(field, "Required", $"{field} is a date yyyy-MM-dd from 2000 to 2099");
        }
        else if (FieldReader.IsDayShaped(text.Trim()) && !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _))
        {
            // Written right but not a day of the calendar (2024-02-30, 2023-13-01): saying the format is wrong would mislead.
            read.FailOf(field, "NoSuchDate", $"{field}: {text.Trim()} is not a day of the calendar");
        }
        else
        {
            read.Fail(field, "Date", $"{field} is a date yyyy-MM-dd from 2000 to 2099");
        }
        return default;
    }

    public static decimal Number(this FieldReader read, decimal? value, string field, decimal min, decimal max, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is not { } v)
        {
            if (required)
            {
                read.Fail(field, "Required", $"{field} is required");
            }
            return 0;
        }
        if (v < min || v > max)
        {
            read.FailOf(field, "Range", $"{field} is from {min} to {max}");
        }
        return v;
    }

    public static long Whole(this FieldReader read, long? value, string field, long min, long max)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is not { } v)
        {
            read.Fail(field, "Required", $"{field} is required");
            return 0;
        }
        if (v < min || v > max)
        {
            read.FailOf(field, "Range", $"{field} is a whole number from {min} to {max}");
        }
        return v;
    }

    /// <summary>The domain's errors as field errors.</summary>
    public static IReadOnlyList<Domain.Organisations.FieldError> Errors(IEnumerable<(string Field, string Rule, string Message)> errors) =>
        [.. errors.Select(e => new Domain.Organisations.FieldError(e.Field, e.Rule, e.Message))];
}
