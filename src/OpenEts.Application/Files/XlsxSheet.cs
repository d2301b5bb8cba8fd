using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OpenEts.Application.Files;

/// <summary>
/// One worksheet of an .xlsx package (the first, or the first of a name asked for) read as a stream of rows (SpreadsheetML, ECMA-376 part 1 §18.3): one
/// <see cref="XmlReader"/> pass over the sheet part, with the shared strings and the date styles read first. Each row
/// comes with its Excel row number; its cells are trimmed text placed by their references (missing cells are empty),
/// numbers as invariant decimal text, booleans as True/False and date-styled numbers as the date and time in the
/// invariant culture (MM/dd/yyyy HH:mm:ss). A formula cell without its calculated value (as some libraries write them)
/// reads as empty and is listed in <see cref="Uncalculated"/>. A malformed package throws <see cref="InvalidDataException"/> or
/// <see cref="XmlException"/> with the reason.
/// </summary>
internal sealed class XlsxSheet
{
    /// <summary>The last column a sheet may use: XFD, the 16 384th.</summary>
    public const int MaxColumns = 16_384;

    private const int MaxRowNumber = 1_048_576;


    private readonly ZipArchive _zip;
    private readonly string _sheetPart;
    private readonly string? _sharedStringsPart;
    private readonly string? _stylesPart;

    private readonly List<(int Row, int Column)> _uncalculated = [];

    private XlsxSheet(ZipArchive zip, string name, string sheetPart, string? sharedStringsPart, string? stylesPart)
    {
        Name = name;
        _zip = zip;
        _sheetPart = sheetPart;
        _sharedStringsPart = sharedStringsPart;
        _stylesPart = stylesPart;
    }

    /// <summary>The sheet's name in the workbook ("" when the workbook does not name it).</summary>
    public string Name { get; }

    /// <summary>
    /// The cells read so far that hold a formula but no calculated value (row from 1, column from 0): a program that
    /// writes formulas without calculating them leaves the value to the next program that opens the file.
    /// </summary>
    public IReadOnlyList<(int Row, int Column)> Uncalculated => _uncalculated;

    /// <summary>
    /// Finds the workbook's first worksheet named one of <paramref name="names"/> (in their order, case-insensitive),
    /// else its first worksheet, and the parts it needs.
    /// </summary>
    public static XlsxSheet Open(ZipArchive zip, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var workbook = Relations(zip, "_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))
            .Target ?? "xl/workbook.xml";
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var related = Relations(zip, folder + "_rels/" + workbook[folder.Length..] + ".rels", folder);
        var sheets = Sheets(zip, workbook);
        var (name, sheetId) = sheets.FirstOrDefault();
        foreach (var wanted in names ?? [])
        {
            if (sheets.FindIndex(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i)
            {
                (name, sheetId) = sheets[i];
                break;
            }
        }
        var sheet = related.FirstOrDefault(r => r.Id == sheetId && sheetId is not null).Target
            ?? related.FirstOrDefault(r => r.Type.EndsWith("/worksheet", StringComparison.Ordinal)).Target
            ?? folder + "worksheets/sheet1.xml";
        if (zip.GetEntry(sheet) is null)
        {
            throw new InvalidDataException($"the workbook has no worksheet ('{sheet}' is missing)");
        }
        var strings = related.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target
            ?? folder + "sharedStrings.xml";
        var styles = related.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? folder + "styles.xml";
        return new XlsxSheet(zip, name ?? "", sheet, zip.GetEntry(strings) is null ? null : strings, zip.GetEntry(styles) is null ? null : styles);
    }

    /// <summary>
    /// The sheet's rows in order, each with its 1-based row number (ascending; rows without cells may be absent) and
    /// its cells up to the last one that is not empty.
    /// </summary>
    public IEnumerable<(int Row, string[] Cells)> Rows()
    {
        var strings = _sharedStringsPart is null ? [] : SharedStrings(_zip.GetEntry(_sharedStringsPart)!);
        var dates = _stylesPart is null ? [] : DateStyles(_zip.GetEntry(_stylesPart)!);
        var names = new NameTable();
        var (row, c, v, t, r, s, isText, f) = (names.Add("row"), names.Add("c"), names.Add("v"), names.Add("t"), names.Add("r"), names.Add("s"),
            names.Add("is"), names.Add("f"));
        using var reader = Xml(_zip.GetEntry(_sheetPart)!, names);
        var cells = new List<string>();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        var style = -1;
        var inRow = false;
        var (formula, valued) = (false, false);
        var more = reader.Read();
        while (more)
        {
            if (reader.NodeType == XmlNodeType.EndElement && ReferenceEquals(reader.LocalName, c))
            {
                if (formula && !valued)
                {
                    _uncalculated.Add((rowNumber, column));
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && ReferenceEquals(reader.LocalName, row))
            {
                inRow = false;
                yield return (rowNumber, Finish(cells));
            }
            else if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, row))
            {
                rowNumber = RowNumber(reader.GetAttribute(r), rowNumber);
                column = -1;
                cells.Clear();
                inRow = !reader.IsEmptyElement;
                if (!inRow)
                {
                    yield return (rowNumber, []);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && inRow && ReferenceEquals(reader.LocalName, c))
            {
                column = Column(reader.GetAttribute(r), column, rowNumber);
                type = reader.GetAttribute(t);
                style = reader.GetAttribute(s) is { } styleText && int.TryParse(styleText, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
                    ? x : -1;
                (formula, valued) = (false, false);
            }
            else if (reader.NodeType == XmlNodeType.Element && inRow && ReferenceEquals(reader.LocalName, f))
            {
                formula = true;
            }
            else if (reader.NodeType == XmlNodeType.Element && inRow && ReferenceEquals(reader.LocalName, v) && !reader.IsEmptyElement)
            {
                valued = true;
                // Reading the value moves the reader past </v>, onto the next node: no Read before looking at it.
                Place(cells, column, Value(reader.ReadElementContentAsString(), type, style, strings, dates));
                continue;
            }
            else if (reader.NodeType == XmlNodeType.Element && inRow && ReferenceEquals(reader.LocalName, isText))
            {
                valued = true;
                Place(cells, column, StringItem(reader, names));
            }
            more = reader.Read();
        }
    }

    // No DTDs (no entity expansion); whitespace between elements is not content.
    private static XmlReader Xml(ZipArchiveEntry part, XmlNameTable names) => XmlReader.Create(part.Open(), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
        NameTable = names,
    });

    private static int RowNumber(string? reference, int previous)
    {
        if (reference is null)
        {
            return previous + 1;
        }
        if (!int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > MaxRowNumber)
        {
            throw new InvalidDataException($"row number '{reference}' is not a row of a sheet (1 to {MaxRowNumber:N0})");
        }
        if (number <= previous)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"row {number} comes after row {previous}; rows must be in order"));
        }
        return number;
    }

    // The 0-based column of a cell reference such as "AB12" (its row must be the row's), or the next column without one.
    private static int Column(string? reference, int previous, int rowNumber)
    {
        if (reference is null)
        {
            return previous + 1 < MaxColumns ? previous + 1 : throw new InvalidDataException($"row {rowNumber} has more than {MaxColumns:N0} columns");
        }
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]) && column <= MaxColumns; i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }
        if (i == 0 || column > MaxColumns
            || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var inRow) || inRow != rowNumber)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"cell reference '{reference}' in row {rowNumber} is not a cell of that row within columns A to XFD"));
        }
        return column - 1;
    }

    private static void Place(List<string> cells, int column, string value)
    {
        while (cells.Count <= column)
        {
            cells.Add("");
        }
        cells[column] = value;
    }

    private static string[] Finish(List<string> cells)
    {
        var used = cells.Count;
        while (used > 0 && cells[used - 1].Length == 0)
        {
            used--;
        }
        var row = new string[used];
        cells.CopyTo(0, row, 0, used);
        return row;
    }

    private static string Value(string raw, string? type, int style, string[] strings, bool[] dates)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Length
                    ? strings[index]
                    : throw new InvalidDataException($"shared string {raw} is not in the workbook's string table");
            case "b":
                return raw.Trim() switch
                {
                    "1" or "true" => bool.TrueString,
                    "0" or "false" => bool.FalseString,
                    _ => throw new InvalidDataException($"'{raw}' is not a boolean cell value"),
                };
            case "str" or "e" or "inlineStr":
                return raw.Trim();
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
                    ? when.ToString(CultureInfo.InvariantCulture)
                    : throw new InvalidDataException($"'{raw}' is not a date cell value");
            default:
                return Number(raw.Trim(), style >= 0 && style < dates.Length && dates[style]);
        }
    }

    // Excel writes a number as the shortest text of its double ("0.1", "1E-05"); other writers may add zeros ("7.0").
    // Either way the cell reads as plain decimal text without trailing zeros, as Excel shows it in General format.
    private static string Number(string raw, bool date)
    {
        if (date && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= -657_434 and < 2_958_466)
        {
            return DateTime.FromOADate(serial).ToString(CultureInfo.InvariantCulture);
        }
        if (raw.AsSpan().IndexOfAny('E', 'e') >= 0)
        {
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                raw = value.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var large)
                    ? large.ToString(CultureInfo.InvariantCulture)
                    : throw new InvalidDataException($"'{raw}' is not a number");
            }
        }
        return raw.Contains('.', StringComparison.Ordinal) ? raw.TrimEnd('0').TrimEnd('.') : raw;
    }

    private static string[] SharedStrings(ZipArchiveEntry part)
    {
        var names = new NameTable();
        var si = names.Add("si");
        using var reader = Xml(part, names);
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, si))
            {
                strings.Add(StringItem(reader, names));
            }
        }
        return [.. strings];
    }

    // The text of a string item (<si> or <is>, the reader on its start): its <t> elements, rich-text runs included,
    // without the phonetic guide (<rPh>) that East Asian text may carry.
    private static string StringItem(XmlReader reader, XmlNameTable names)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }
        var (t, phonetic) = (names.Add("t"), names.Add("rPh"));
        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, phonetic))
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, t) && !reader.IsEmptyElement)
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }
        return text.ToString().Trim();
    }

    // Which cell styles (cellXfs, by index) show a number as a date or time: the built-in date formats and custom
    // formats with date or time codes outside quoted text.
    private static bool[] DateStyles(ZipArchiveEntry part)
    {
        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        using var reader = Xml(part, new NameTable());
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    custom[id] = IsDateFormat(reader.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    styles.Add(custom.TryGetValue(format, out var isDate) ? isDate : format is (>= 14 and <= 22) or (>= 27 and <= 36)
                        or (>= 45 and <= 47) or (>= 50 and <= 58));
                    break;
            }
        }
        return [.. styles];
    }

    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = char.ToLowerInvariant(code[i]);
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (ch is '\\' or '_' or '*')
            {
                i++;
            }
            else if (ch == '[')
            {
                var end = code.IndexOf(']', i);
                var inside = end < 0 ? "" : code[(i + 1)..end].ToLowerInvariant();
                if (inside is "h" or "hh" or "m" or "mm" or "s" or "ss")
                {
                    return true; // elapsed time
                }
                i = end < 0 ? code.Length : end;
            }
            else if (ch is 'y' or 'm' or 'd' or 'h' or 's' && !code.StartsWith("General", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // The package's relationships from one .rels part: id, type and the target as a part name.
    private static List<(string Id, string Type, string? Target)> Relations(ZipArchive zip, string relsPart, string folder)
    {
        var list = new List<(string, string, string?)>();
        if (zip.GetEntry(relsPart) is not { } entry)
        {
            return list;
        }
        using var reader = Xml(entry, new NameTable());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("TargetMode") is not "External" && reader.GetAttribute("Target") is { } target)
            {
                list.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", PartName(folder, target)));
            }
        }
        return list;
    }

    private static string PartName(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }

    // The workbook's sheets in order: each one's name and relationship id.
    private static List<(string? Name, string? Id)> Sheets(ZipArchive zip, string workbookPart)
    {
        var sheets = new List<(string?, string?)>();
        if (zip.GetEntry(workbookPart) is not { } entry)
        {
            return sheets;
        }
        using var reader = Xml(entry, new NameTable());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
            {
                string? name = null, id = null;
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0)
                    {
                        id = reader.Value;
                    }
                    else if (reader.LocalName == "name" && reader.NamespaceURI.Length == 0)
                    {
                        name = reader.Value;
                    }
                }
                sheets.Add((name, id));
            }
        }
        return sheets;
    }
}
