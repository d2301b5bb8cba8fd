using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Reads MRV's fields by one rule for the API, the pages and the files: a year, a report number, enum names, bounded
/// text, and whole lists of lines, outputs and plan sources. Errors name the field as the JSON API does
/// (<c>lines[0].amount</c>).
/// </summary>
public static class MrvFields
{
    /// <summary>The first and last reporting years the platform takes.</summary>
    public const int FirstYear = 2005, LastYear = 2100;

    /// <summary>At most this many lines, outputs or plan sources in one report or plan.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Lengths of free text: codes (line ids, materials), short text (meters, evidence), long text (reasons, conclusions).</summary>
    public const int CodeLength = 64, ShortText = 200, LongText = 2000;

    /// <summary>
    /// A reporting year, from <see cref="FirstYear"/> to <see cref="LastYear"/>, named <paramref name="field"/>. Not called
    /// <c>Year</c>: an extension of that name loses to <see cref="FieldReader.Year"/> (an instance method is chosen first),
    /// which reads any year at all and names it <c>complianceYear</c>.
    /// </summary>
    public static int ReportingYear(this FieldReader read, int? value, string field = "year")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is not { } year)
        {
            read.Fail(field, "Required", $"{field} is required (a year, e.g. 2017)");
            return 0;
        }
        if (year is < FirstYear or > LastYear)
        {
            read.FailOf(field, "Range", $"{field} must be from {FirstYear} to {LastYear}, not {year}");
        }
        return year;
    }

    public static long Report(this FieldReader read, long? value, string field = "report")
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is { } id and > 0)
        {
            return id;
        }
        read.Fail(field, "Required", $"{field}: a report number is a whole number ≥ 1");
        return 0;
    }

    /// <summary>
    /// Reads the two fields every return carries — the report and the comments that go back with it — and makes the
    /// command with <paramref name="create"/> when both read.
    /// </summary>
    public static bool TryReadReturn<T>(long? report, string? comments, Func<long, string, T> create,
        [NotNullWhen(true)] out T? command, out IReadOnlyList<FieldError> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        var read = new FieldReader();
        var id = read.Report(report);
        var text = read.Text(comments, "comments", LongText);
        command = read.IsValid ? create(id, text) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>Trimmed text of 1 to <paramref name="max"/> characters (or, when not <paramref name="required"/>, empty).</summary>
    public static string Text(this FieldReader read, string? text, string field, int max, bool required = true)
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

    /// <summary>An enum value by its name, case-insensitive (numbers are not names).</summary>
    public static TEnum Enum<TEnum>(this FieldReader read, string? text, string field) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = text?.Trim() ?? "";
        if (value.Length > 0 && !char.IsAsciiDigit(value[0]) && value[0] != '-'
            && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }
        read.Fail(field, value.Length == 0 ? "Required" : "UnknownValue",
            $"{field} must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}", value, System.Enum.GetNames<TEnum>());
        return default;
    }

    /// <summary>A source kind by its code (<c>fuel-combustion</c>), Chinese or English name, or enum name.</summary>
    public static SourceKind Source(this FieldReader read, string? text, string field) =>
        Parsed(read, SourceKinds.TryParse(text, out var kind), kind, text, field, string.Join(", ", SourceKinds.All.Select(SourceKinds.Code)));

    /// <summary>A unit by its symbol (<c>t</c>, <c>10⁴Nm³</c>, <c>MWh</c>) or enum name.</summary>
    public static MeasureUnit Unit(this FieldReader read, string? text, string field) =>
        Parsed(read, MeasureUnits.TryParse(text, out var unit), unit, text, field, "t, 10^4Nm3, MWh, GJ, t·km");

    /// <summary>An output kind by its code, Chinese or English name, or enum name.</summary>
    public static OutputKind Output(this FieldReader read, string? text, string field) =>
        Parsed(read, OutputKinds.TryParse(text, out var kind), kind, text, field, string.Join(", ", System.Enum.GetValues<OutputKind>().Select(OutputKinds.Code)));

    private static T Parsed<T>(FieldReader read, bool ok, T value, string? text, string field, string allowed) where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        if (ok)
        {
            return value;
        }
        read.Fail(field, string.IsNullOrWhiteSpace(text) ? "Required" : "UnknownValue", $"{field} must be one of: {allowed}", FieldReader.Text(text),
            allowed.Split(", "));
        return default;
    }

    /// <summary>
    /// A number that is required and at most <paramref name="max"/> either way (<see cref="MrvLimits.MaxAmount"/> unless
    /// given: <see cref="MrvLimits.MaxMeasured"/> for a measured parameter or factor).
    /// </summary>
    public static decimal Amount(this FieldReader read, decimal? value, string field, decimal max = MrvLimits.MaxAmount)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is { } amount && Math.Abs(amount) > max)
        {
            read.FailOf(field, "TooLarge", $"{amount} is more than {max:N0}, the largest {field} accepted");
            return 0;
        }
        if (value is { } given)
        {
            return given;
        }
        read.Fail(field, "Required", $"{field} is required (a number)");
        return 0;
    }

    /// <summary>
    /// Report lines. A line's amount may be anything numeric here: a negative one is the calculator's error
    /// (<c>NegativeAmount</c>), shown on the draft and refused on submission. A blank id becomes <c>L1</c>, <c>L2</c>, ….
    /// </summary>
    public static IReadOnlyList<ReportLine> Lines(this FieldReader read, IReadOnlyList<LineForm>? forms, string field = "lines")
    {
        ArgumentNullException.ThrowIfNull(read);
        var lines = new List<ReportLine>();
        if (!Count(read, forms?.Count ?? 0, field))
        {
            return lines;
        }
        for (var i = 0; i < (forms?.Count ?? 0); i++)
        {
            var f = forms![i];
            var at = $"{field}[{i}]";
            var id = read.Text(f.Id, at + ".id", CodeLength, required: false);
            var kind = read.Source(f.Kind, at + ".kind");
            var material = read.Text(f.Material, at + ".material", CodeLength);
            var amount = read.Amount(f.Amount, at + ".amount");
            var unit = read.Unit(f.Unit, at + ".unit");
            var measured = new List<MeasuredValue>();
            for (var m = 0; m < (f.Measured?.Count ?? 0); m++)
            {
                var mf = f.Measured![m];
                var mat = $"{at}.measured[{m}]";
                measured.Add(new MeasuredValue(read.Enum<ParameterKind>(mf.Parameter, mat + ".parameter"),
                    read.Amount(mf.Value, mat + ".value", MrvLimits.MaxMeasured), read.Text(mf.Evidence, mat + ".evidence", ShortText),
                    read.Text(mf.Rule, mat + ".rule", ShortText)));
            }
            lines.Add(new ReportLine(id.Length == 0 ? $"L{i + 1}" : id, kind, material, amount, unit, measured));
        }
        return lines;
    }

    /// <summary>
    /// The report's grid region, lower-cased; <see cref="SaveDraftReport.DefaultRegion"/> when none is typed; one that is no
    /// region is refused (<c>UnknownGridRegion</c>) rather than left to fall back to the national factor.
    /// </summary>
    public static string Region(this FieldReader read, string? typed)
    {
        ArgumentNullException.ThrowIfNull(read);
        var region = read.Text(typed, "region", CodeLength, required: false).ToLowerInvariant();
        if (region.Length == 0)
        {
            return SaveDraftReport.DefaultRegion;
        }
        if (!GridRegions.IsKnown(region))
        {
            read.Fail("region", "UnknownGridRegion", GridRegions.Unknown("region", region));
        }
        return region;
    }

    public static IReadOnlyList<ProductionOutput> Outputs(this FieldReader read, IReadOnlyList<OutputForm>? forms, string field = "outputs")
    {
        ArgumentNullException.ThrowIfNull(read);
        var outputs = new List<ProductionOutput>();
        if (!Count(read, forms?.Count ?? 0, field))
        {
            return outputs;
        }
        for (var i = 0; i < (forms?.Count ?? 0); i++)
        {
            var f = forms![i];
            var at = $"{field}[{i}]";
            var before = read.Errors.Count;
            var kind = read.Output(f.Kind, at + ".kind");
            var amount = read.Amount(f.Amount, at + ".amount");
            var unit = read.Unit(f.Unit, at + ".unit");
            var detail = read.Text(f.Detail, at + ".detail", ShortText, required: false);
            if (read.Errors.Count == before)
            {
                // The template file's rules (Files/RowReader): what the form or the API saves must read back from its export.
                foreach (var (part, rule, message) in OutputRules.Broken(kind, amount, unit, detail))
                {
                    read.Fail($"{at}.{part switch { OutputPart.Unit => "unit", OutputPart.Detail => "detail", _ => "amount" }}", rule, $"{at}: {message}");
                }
            }
            outputs.Add(new ProductionOutput(kind, amount, unit, detail.Length == 0 ? null : detail));
        }
        return outputs;
    }

    private static bool Count(FieldReader read, int count, string field)
    {
        if (count <= MaxItems)
        {
            return true;
        }
        read.Fail(field, "Range", $"{field} holds at most {MaxItems} items, not {count}");
        return false;
    }
}
