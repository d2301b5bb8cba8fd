using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using OpenEts.Application.Files;
using OpenEts.Application.Organisations;

namespace OpenEts.Application.Tests.Files;

public sealed partial class TabularFileTests
{
    private const string Header = "统一社会信用代码,企业名称,行业,地区\n";

    /// <summary>
    /// A small .xlsx whose sheet unpacks to <paramref name="sheetBytes"/> of one repeated row (a "zip bomb"), written
    /// part by part so that the test itself never holds the unpacked sheet.
    /// </summary>
    internal static byte[] Bomb(long sheetBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
            var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("""<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAA</t></is></c></row>""", 1000)));
            for (long written = 0; written < sheetBytes; written += row.Length)
            {
                sheet.Write(row);
            }
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return buffer.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string text)
    {
        using var part = zip.CreateEntry(name).Open();
        part.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Issue_8_Read_XlsxWhoseSheetUnpacksOverTheLimit_IsRefusedNamingTheLimit()
    {
        var bomb = Bomb(TabularLimits.MaxPartBytes + (10L * 1024 * 1024));

        var file = TabularFile.Read(new MemoryStream(bomb), "bomb.xlsx");

        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("SheetTooLarge", file.ErrorRule);
        Assert.Contains("50 MB", file.Error, StringComparison.Ordinal);
        Assert.Contains("xl/worksheets/sheet1.xml", file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Read_XlsxWhoseSheetDeclaresLessThanItUnpacksTo_IsRefusedWithoutItsRows()
    {
        var bomb = Bomb(TabularLimits.MaxPartBytes + (10L * 1024 * 1024));
        DeclareSize(bomb, "xl/worksheets/sheet1.xml", 64 * 1024);

        var file = TabularFile.Read(new MemoryStream(bomb), "liar.xlsx");

        // Unpacked only to its declared 64 KiB, the sheet's XML ends mid-row: unreadable, not a sheet of 100 000 rows.
        Assert.Equal("Unreadable", file.ErrorRule);
        Assert.Empty(file.Rows);
    }

    // Rewrites a part's unpacked size in its local header and its central directory entry, as a lying package does.
    private static void DeclareSize(byte[] zip, string part, uint size)
    {
        var name = Encoding.UTF8.GetBytes(part);
        var patched = 0;
        for (var i = 0; i + 46 + name.Length <= zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (i + 30, i + 22),
                0x02014b50 => (i + 46, i + 24),
                _ => (-1, -1),
            };
            if (nameAt >= 0 && zip.AsSpan(nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(size).CopyTo(zip, sizeAt);
                patched++;
            }
        }
        Assert.Equal(2, patched);
    }

    [Fact]
    public void Issue_8_Read_XlsxPackedAThousandTimes_IsRefusedForItsCompressionRatio()
    {
        var bomb = Bomb(20L * 1024 * 1024);

        var file = TabularFile.Read(new MemoryStream(bomb), "bomb.xlsx");

        Assert.Equal("SheetTooLarge", file.ErrorRule);
        Assert.Contains("100 to 1", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_8_Read_FileOverTenMegabytes_IsRefusedUnparsed()
    {
        var big = new byte[(int)TabularLimits.MaxFileBytes + 1];
        Encoding.UTF8.GetBytes(Header).CopyTo(big, 0);

        var seekable = TabularFile.Read(new MemoryStream(big), "big.csv");
        var streamed = TabularFile.Read(new BufferedStream(new NonSeekable(big)), "big.xlsx");

        Assert.Equal("FileTooLarge", seekable.ErrorRule);
        Assert.Contains("10 MB", seekable.Error, StringComparison.Ordinal);
        Assert.Equal("FileTooLarge", streamed.ErrorRule);
    }

    [Fact]
    public void Issue_8_Read_CsvOverTheRowLimit_IsRefusedNamingTheLimit()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i <= TabularLimits.MaxRows; i++)
        {
            text.Append("a,b,c,d\n");
        }

        var file = TabularFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "rows.csv");

        Assert.Equal("TooManyRows", file.ErrorRule);
        Assert.Contains("100,000", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GbkCsv_IsRefusedAsNotUtf8InsteadOfReportingEveryColumnMissing()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK").GetBytes(Header + "91440101MA5CY10016,珠江示范发电有限公司,电力,广州市\n");

        var file = TabularFile.Read(new MemoryStream(gbk), "list.csv");

        Assert.Equal("NotUtf8", file.ErrorRule);
        Assert.Contains("CSV UTF-8", file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Header);
    }

    [Fact]
    public void Read_Utf8CsvWithTheMarkExcelWrites_ReadsTheHeader()
    {
        var file = TabularFile.Read(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header)]), "list.csv");

        Assert.Null(file.Error);
        Assert.Equal(["统一社会信用代码", "企业名称", "行业", "地区"], file.Header);
    }

    [Fact]
    public void Issue_8_Read_XlsxOverTheRowLimit_StopsAtTheLimit()
    {
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(Enumerable.Range(0, TabularLimits.MaxRows + 1).Select(i => new { code = "A", name = "B", sector = "电力", region = "广州" }));
        xlsx.Position = 0;

        var file = TabularFile.Read(xlsx, "rows.xlsx");

        Assert.Equal("TooManyRows", file.ErrorRule);
    }

    [Fact]
    public void Read_XlsxAtTheRowLimit_ReadsEveryRow()
    {
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(Enumerable.Range(0, 1000).Select(i => new { code = "A" + i, name = "B", sector = "电力", region = "广州" }));
        xlsx.Position = 0;

        var file = TabularFile.Read(xlsx, "rows.xlsx");

        Assert.Null(file.Error);
        Assert.Equal(1000, file.Rows.Count);
        Assert.Equal(["A999", "B", "电力", "广州"], file.Rows[^1].Cells);
    }

    [Fact]
    public void Issue_8_ImportInvalid_ListsTheFirstHundredErrorsAndCountsTheRest()
    {
        var errors = Enumerable.Range(2, 150).Select(r => new RowError(r, "A", "code", "Length", "bad")).ToList();

        var invalid = new ImportOutcome.Invalid(errors);

        Assert.Equal(100, invalid.Errors.Count);
        Assert.Equal(101, invalid.Errors[^1].Row);
        Assert.Equal(50, invalid.MoreErrors);
    }

    private sealed class NonSeekable(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
