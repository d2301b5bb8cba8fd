using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OpenEts.Application.Files;

/// <summary>
/// A sheet read from an uploaded .xlsx or .csv file: a header row and data rows of text cells, with the 1-based row
/// numbers people see in Excel. Blank rows are skipped but keep their numbering.
/// </summary>
public sealed class TabularFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TabularFile(IReadOnlyList<string> header, IReadOnlyList<(int Row, string[] Cells)> rows, string? error,
        string errorRule)
    {
        Header = header;
        Rows = rows;
        Error = error;
        ErrorRule = errorRule;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<(int Row, string[] Cells)> Rows { get; }

    /// <summary>Why the file could not be read at all, or null.</summary>
    public string? Error { get; }

    /// <summary>
    /// The rule <see cref="Error"/> broke: <c>Unreadable</c>, <c>NotUtf8</c> (a .csv in another encoding), a limit of <see cref="TabularLimits"/>
    /// (<c>FileTooLarge</c>, <c>SheetTooLarge</c>, <c>TooManyRows</c>), or <c>FormulaWithoutValue</c> (an .xlsx cell
    /// whose formula was never calculated, at <see cref="ErrorRow"/> and <see cref="ErrorColumn"/>).
    /// </summary>
    public string ErrorRule { get; }

    /// <summary>The row (from 1) of the cell <see cref="Error"/> is about, or 0 when it is about the file.</summary>
    public int ErrorRow { get; private init; }

    /// <summary>The column (from 0) of the cell <see cref="Error"/> is about, or -1 when it is about the file.</summary>
    public int ErrorColumn { get; private init; } = -1;

    /// <summary>The letter of <see cref="ErrorColumn"/> (A, B, …), or "" when <see cref="Error"/> is about the file.</summary>
    public string ErrorColumnLetter => ErrorColumn < 0 ? "" : ColumnLetter(ErrorColumn);

    /// <summary>The header of <see cref="ErrorColumn"/> as the file has it, or "".</summary>
    public string ErrorHeader => ErrorColumn >= 0 && ErrorColumn < Header.Count ? Header[ErrorColumn] : "";

    /// <summary>
    /// The figures <see cref="Error"/> names, for a message in another language: for <c>FormulaWithoutValue</c> the
    /// sheet and the cell (报告, C7); otherwise none.
    /// </summary>
    public IReadOnlyList<string> ErrorFigures { get; private init; } = [];

    /// <summary>The name of the .xlsx sheet read, or null (a .csv file, an unreadable workbook).</summary>
    public string? SheetName { get; private init; }

    /// <summary>Column letter of a 0-based index: 0 → A, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            s = (char)('A' + ((i - 1) % 26)) + s;
        }
        return s;
    }

    /// <summary>
    /// Reads .xlsx or .csv by file name; anything else is an error naming the accepted kinds. A file over one of
    /// <see cref="TabularLimits"/> is an error naming the limit; an .xlsx package is checked before it is parsed and its
    /// sheet is read as a stream, stopping at the row limit.
    /// </summary>
    public static TabularFile Read(Stream content, string fileName) => Read(content, fileName, null);

    /// <summary>
    /// As <see cref="Read(Stream, string)"/>, reading the .xlsx sheet named one of <paramref name="sheetNames"/> (the
    /// first found), or the workbook's first sheet when it has none of them.
    /// </summary>
    public static TabularFile Read(Stream content, string fileName, IReadOnlyList<string>? sheetNames)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        if (ext is not (".XLSX" or ".CSV"))
        {
            return Failed($"file '{fileName}' must be .xlsx or .csv");
        }
        using var buffered = Bounded(content);
        if (buffered is null)
        {
            return TooLarge();
        }
        return ext == ".XLSX" ? ReadXlsx(buffered, sheetNames) : ReadCsv(buffered);
    }

    /// <summary>The error for a file over <see cref="TabularLimits.MaxFileBytes"/>, also for an upload refused unread.</summary>
    public static TabularFile TooLarge() =>
        Failed($"the file is larger than {TabularLimits.Megabytes(TabularLimits.MaxFileBytes)}, the most accepted", "FileTooLarge");

    private static TabularFile Failed(string error, string rule = "Unreadable") => new([], [], error, rule);

    // The content as a seekable stream of at most MaxFileBytes (the package reader needs to seek), or null when larger.
    // A seekable stream (an uploaded file, the CLI's bytes) is used as it is; the caller still owns it.
    private static Stream? Bounded(Stream content)
    {
        if (content.CanSeek)
        {
            return content.Length - content.Position > TabularLimits.MaxFileBytes ? null : new NonClosing(content);
        }
        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            copy.Write(chunk, 0, read);
            if (copy.Length > TabularLimits.MaxFileBytes)
            {
                copy.Dispose();
                return null;
            }
        }
        copy.Position = 0;
        return copy;
    }

    private static TabularFile ReadXlsx(Stream content, IReadOnlyList<string>? sheetNames)
    {
        var rows = new List<string[]>();
        string name;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (CheckPackage(zip) is { } refused)
            {
                return refused;
            }
            long cells = 0;
            var sheet = XlsxSheet.Open(zip, sheetNames);
            name = sheet.Name;
            foreach (var (row, values) in sheet.Rows())
            {
                // Rows without cells need not be written: they are blank rows, kept for the numbering.
                if (row > TabularLimits.MaxRows + 1)
                {
                    return TooManyRows();
                }
                cells += values.Length;
                if (cells > TabularLimits.MaxCells)
                {
                    return Failed(string.Create(CultureInfo.InvariantCulture,
                        $"the sheet has more than {TabularLimits.MaxCells:N0} cells, the most accepted"), "SheetTooLarge");
                }
                while (rows.Count < row - 1)
                {
                    rows.Add([]);
                }
                rows.Add(values);
            }
            if (sheet.Uncalculated.Count > 0)
            {
                return Uncalculated(sheet.Name, sheet.Uncalculated, rows.Count > 0 ? rows[0] : []);
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException
                                      or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            return Failed("the file is not a readable .xlsx workbook (" + e.Message + ")");
        }
        var file = FromRows(rows);
        return file.Error is null ? new TabularFile(file.Header, file.Rows, null, "") { SheetName = name } : file;
    }

    // A formula cell without its value would read as blank, and its line would silently drop out of the file: refused,
    // naming the first such cell.
    private static TabularFile Uncalculated(string sheet, IReadOnlyList<(int Row, int Column)> cells, string[] header)
    {
        var (row, column) = cells[0];
        var more = cells.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({cells.Count - 1} more cells are the same)") : "";
        return new TabularFile([.. header.Select(h => h.Trim())], [], string.Create(CultureInfo.InvariantCulture,
            $"cell {ColumnLetter(column)}{row} of sheet '{sheet}' holds a formula with no calculated value{more}: open and save the file in Excel or WPS so that it calculates, or type the value"),
            "FormulaWithoutValue")
        {
            ErrorRow = row,
            ErrorColumn = column,
            SheetName = sheet,
            ErrorFigures = [sheet, string.Create(CultureInfo.InvariantCulture, $"{ColumnLetter(column)}{row}")],
        };
    }

    /// <summary>
    /// Checks an .xlsx package before it is parsed: each part's unpacked size, all parts' total and each large part's
    /// compression ratio, as the package declares them (no part is unpacked past its declared size). Null when the
    /// package is within <see cref="TabularLimits"/>.
    /// </summary>
    private static TabularFile? CheckPackage(ZipArchive zip)
    {
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (Oversize(entry.FullName, entry.Length, declared) is { } refused)
            {
                return refused;
            }
            if (entry.Length >= TabularLimits.RatioCheckedFromBytes
                && entry.Length > Math.Max(1, entry.CompressedLength) * TabularLimits.MaxCompressionRatio)
            {
                return Failed(string.Create(CultureInfo.InvariantCulture,
                    $"'{entry.FullName}' unpacks {entry.Length / Math.Max(1, entry.CompressedLength):N0} times its packed size; the most accepted is {TabularLimits.MaxCompressionRatio} to 1"),
                    "SheetTooLarge");
            }
        }
        // The sizes a package declares may lie, but System.IO.Compression never unpacks a part past its declared size,
        // so these checks bound what the sheet reader unpacks, and the package is unpacked once, by that read
        // (Read_XlsxWhoseSheetDeclaresLessThanItUnpacksTo_IsRefusedWithoutItsRows).
        return null;
    }

    private static TabularFile? Oversize(string part, long size, long total) =>
        size > TabularLimits.MaxPartBytes
            ? Failed($"'{part}' unpacks to more than {TabularLimits.Megabytes(TabularLimits.MaxPartBytes)}, the most accepted for one part of a workbook",
                "SheetTooLarge")
            : total > TabularLimits.MaxUnpackedBytes
                ? Failed($"the workbook unpacks to more than {TabularLimits.Megabytes(TabularLimits.MaxUnpackedBytes)}, the most accepted",
                    "SheetTooLarge")
                : null;

    private static TabularFile TooManyRows() => Failed(string.Create(CultureInfo.InvariantCulture,
        $"the sheet has more than {TabularLimits.MaxRows:N0} data rows, the most accepted"), "TooManyRows");

    private static TabularFile ReadCsv(Stream content)
    {
        // Bytes that are not UTF-8 are refused rather than read as U+FFFD: Chinese Excel's plain "CSV" is GBK, and read
        // as UTF-8 its header matches no column, which would be reported as every column missing.
        using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return Failed("the file is not UTF-8 text (perhaps GBK): save it from Excel as \"CSV UTF-8 (Comma delimited)\" or as .xlsx", "NotUtf8");
        }
        var parsed = Csv.Parse(text);
        if (parsed.Rows.Count > TabularLimits.MaxRows + 1)
        {
            return TooManyRows();
        }
        return parsed.Error is { } error ? Failed(error) : FromRows(parsed.Rows);
    }

    private static TabularFile FromRows(List<string[]> rows)
    {
        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace))
        {
            return Failed("row 1 must be the header row; the file is empty");
        }
        var data = new List<(int, string[])>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (!rows[r].All(string.IsNullOrWhiteSpace))
            {
                data.Add((r + 1, rows[r]));
            }
        }
        return new TabularFile(rows[0].Select(h => h.Trim()).ToArray(), data, null, "");
    }

    // Lets a reader dispose its view of the caller's stream without closing the stream.
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
