using System.Globalization;

namespace OpenEts.Application.Files;

/// <summary>
/// The most an uploaded sheet may hold (docs/organisations.md, docs/cli.md): the file, what its .xlsx package unpacks
/// to, its rows and cells. A file over any of them is refused before it is parsed, so a small "zip bomb" whose sheet
/// unpacks to hundreds of megabytes costs the server nothing. The errors name the limit.
/// </summary>
public static class TabularLimits
{
    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The largest upload request a page reads (64 MB): a file between <see cref="MaxFileBytes"/> and this is read and
    /// refused on the page by the file limit, so the browser finishes sending and sees the message; beyond it the
    /// server refuses the request unread.
    /// </summary>
    public const long MaxUploadRequestBytes = 64L * 1024 * 1024;

    /// <summary>The most one part of an .xlsx package (a sheet, the shared strings) may unpack to: 50 MB.</summary>
    public const long MaxPartBytes = 50L * 1024 * 1024;

    /// <summary>The most all parts of an .xlsx package together may unpack to: 100 MB.</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>
    /// The highest compression ratio of a part larger than <see cref="RatioCheckedFromBytes"/>: 100 to 1. Spreadsheet XML
    /// packs 5 to 30 times; a bomb's filler packs a thousand times.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Parts smaller than this (1 MB unpacked) are not held to <see cref="MaxCompressionRatio"/>.</summary>
    public const long RatioCheckedFromBytes = 1L * 1024 * 1024;

    /// <summary>The most data rows a sheet may have (blank rows count): 100 000.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The most cells a sheet may have, over all rows: 5 000 000.</summary>
    public const long MaxCells = 5_000_000;

    /// <summary>How many of an import's row errors are listed; the rest are counted.</summary>
    public const int MaxErrorsListed = 100;

    /// <summary>A size in whole megabytes, for the messages.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB";
}
