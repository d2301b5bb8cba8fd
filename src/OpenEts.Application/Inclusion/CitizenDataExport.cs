using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MiniExcelLibs;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Writes <see cref="CitizenData"/> for the citizen to take away: JSON (one document, machine-readable, for portability
/// under 个人信息保护法 Art. 45) or an .xlsx workbook with one sheet per kind of data. Field names are English and stable;
/// times are ISO 8601 UTC, days yyyy-MM-dd, reductions in grams.
/// </summary>
public static class CitizenDataExport
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The formats a copy is written in, the first the default: JSON and the .xlsx workbook.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "xlsx"];

    /// <summary>
    /// Reads the format a copy is asked for, in any case (the default, <c>json</c>, when none is given); false for any
    /// other text, with an UnknownValue error of the field <c>format</c> naming it as typed and the formats there are.
    /// </summary>
    public static bool TryReadFormat(string? typed, out string format, [NotNullWhen(false)] out FieldError? error)
    {
        var text = typed?.Trim() ?? "";
        format = text.Length == 0 ? Formats[0] : Formats.FirstOrDefault(f => f.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? "";
        error = format.Length == 0 ? FieldError.Of("format", "UnknownValue", $"format '{text}' is not one of {string.Join(", ", Formats)}") : null;
        return error is null;
    }

    /// <summary>The copy of <paramref name="data"/> in <paramref name="format"/> (one of <see cref="Formats"/>): its bytes, content type and file name.</summary>
    public static (byte[] Content, string ContentType, string FileName) File(CitizenData data, string format)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (format == "xlsx")
        {
            using var stream = new MemoryStream();
            WriteXlsx(stream, data);
            return (stream.ToArray(), TabularWriter.XlsxContentType, FileName(data, "xlsx"));
        }
        return format == "json"
            ? (System.Text.Encoding.UTF8.GetBytes(ToJson(data)), JsonContentType, FileName(data, "json"))
            : throw new ArgumentOutOfRangeException(nameof(format), format, "a format of CitizenDataExport.Formats");
    }

    /// <summary>The file name for <paramref name="data"/> with <paramref name="extension"/> (json or xlsx).</summary>
    public static string FileName(CitizenData data, string extension)
    {
        ArgumentNullException.ThrowIfNull(data);
        // The citizen's own date (Beijing), as every date in the file: after 16:00 UTC it is already the next day there.
        return $"openets-{data.UserName}-{InclusionTime.DayOf(data.At):yyyyMMdd}.{extension}";
    }

    /// <summary>The JSON document.</summary>
    public static string ToJson(CitizenData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Json.Serialize(new
        {
            account = new { userName = data.UserName, displayName = data.DisplayName, disabledAt = data.DisabledAt },
            exportedAt = data.At,
            notice = data.NoticeVersion,
            profile = data.Profile is { } p
                ? new { nickname = p.Nickname, contact = p.Contact, signedUpAt = p.SignedUpAt, consentVersion = p.ConsentVersion, consentAt = p.ConsentAt, erasedAt = p.ErasedAt }
                : null,
            consents = data.Consents.Select(c => new { version = c.Version, givenAt = c.GivenAt, withdrawnAt = c.WithdrawnAt }),
            programmes = data.Programmes.Select(x => new
            {
                programme = x.Wallet.Programme,
                credited = x.Wallet.Credited,
                redeemed = x.Wallet.Redeemed,
                expired = x.Wallet.Expired,
                donated = x.Wallet.Donated,
                reductionGrams = x.Wallet.Reduction.Grams,
                actions = x.Wallet.Actions,
                lots = x.Lots.Select(l => new { earned = FieldReader.DayText(l.Earned), availableOn = FieldReader.DayText(l.AvailableOn), expiresOn = l.ExpiresOn is { } e ? FieldReader.DayText(e) : null, l.Credited, l.Remaining }),
                daily = x.Daily.Select(d => new { day = FieldReader.DayText(d.Day), behaviour = Behaviours.CodeOf(d.Behaviour), d.Source, d.Actions, reductionGrams = d.Reduction.Grams, d.Coins, d.CoinsCut }),
            }),
            actions = data.Events.Select(e => new
            {
                e.Source, e.EventId, e.Programme, behaviour = Behaviours.CodeOf(e.Behaviour), e.OccurredAt, e.Quantity, e.Minutes,
                reductionGrams = e.Reduction.Grams, e.Coins, e.Refusal,
            }),
            redemptions = data.Redemptions.Select(r => new { r.Programme, r.Item, r.Coins, r.At, r.Code }),
            donations = data.Donations.Select(d => new { d.Programme, d.Cause, d.Coins, d.At }),
            journal = data.Journal.Select(j => new { j.Sequence, j.At, j.Actor, j.Kind, j.Subject, j.Payload }),
        });
    }

    /// <summary>The workbook: sheets account, consents, programmes, daily, actions, redemptions, donations, journal.</summary>
    public static void WriteXlsx(Stream output, CitizenData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Profile;
        var sheets = new Dictionary<string, object>
        {
            ["account"] = Table(["field", "value"],
                [["userName", data.UserName], ["displayName", data.DisplayName], ["nickname", p?.Nickname], ["contact", p?.Contact],
                 ["signedUpAt", Time(p?.SignedUpAt)], ["consentVersion", p?.ConsentVersion], ["erasedAt", Time(p?.ErasedAt)],
                 ["disabledAt", Time(data.DisabledAt)], ["exportedAt", Time(data.At)], ["notice", data.NoticeVersion]]),
            ["consents"] = Table(["version", "givenAt", "withdrawnAt"], data.Consents.Select(c => Row(c.Version, Time(c.GivenAt), Time(c.WithdrawnAt)))),
            ["programmes"] = Table(["programme", "credited", "redeemed", "expired", "donated", "reductionGrams", "actions"],
                data.Programmes.Select(x => Row(x.Wallet.Programme, x.Wallet.Credited, x.Wallet.Redeemed, x.Wallet.Expired, x.Wallet.Donated,
                    x.Wallet.Reduction.Grams, x.Wallet.Actions))),
            ["daily"] = Table(["programme", "day", "behaviour", "source", "actions", "reductionGrams", "coins", "coinsCut"],
                data.Programmes.SelectMany(x => x.Daily.Select(d => Row(x.Wallet.Programme, FieldReader.DayText(d.Day), Behaviours.CodeOf(d.Behaviour), d.Source, d.Actions,
                    d.Reduction.Grams, d.Coins, d.CoinsCut)))),
            ["actions"] = Table(["source", "eventId", "programme", "behaviour", "occurredAt", "quantity", "minutes", "reductionGrams", "coins", "refusal"],
                data.Events.Select(e => Row(e.Source, e.EventId, e.Programme, Behaviours.CodeOf(e.Behaviour), Time(e.OccurredAt), e.Quantity, e.Minutes,
                    e.Reduction.Grams, e.Coins, e.Refusal))),
            ["redemptions"] = Table(["programme", "item", "coins", "at", "code"], data.Redemptions.Select(r => Row(r.Programme, r.Item, r.Coins, Time(r.At), r.Code))),
            ["donations"] = Table(["programme", "cause", "coins", "at"], data.Donations.Select(d => Row(d.Programme, d.Cause, d.Coins, Time(d.At)))),
            ["journal"] = Table(["sequence", "at", "actor", "kind", "subject", "payload"],
                data.Journal.Select(j => Row(j.Sequence, Time(j.At), j.Actor, j.Kind, j.Subject, j.Payload))),
        };
        try
        {
            MiniExcel.SaveAs(output, sheets, excelType: ExcelType.XLSX);
        }
        finally
        {
            foreach (var table in sheets.Values.OfType<DataTable>())
            {
                table.Dispose();
            }
        }
    }

    private static object?[] Row(params object?[] cells) => cells;

    private static DataTable Table(string[] header, IEnumerable<object?[]> rows)
    {
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in header)
        {
            table.Columns.Add(h, typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
        }
        return table;
    }

    private static string? Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
