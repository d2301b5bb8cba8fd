namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// A problem in an uploaded statistics file: the sheet, the 1-based row as Excel shows it (0 for the file itself, 1 for
/// the header), the column letter and its header, the rule broken (a stable code) and a message in English.
/// </summary>
public sealed record StatisticsFileError(string Sheet, int Row, string Column, string Header, string Rule, string Message)
{
    /// <summary>
    /// The figures the message names, in order, for a message in another language: the cell as typed for <c>Number</c>,
    /// <c>Date</c> (after its header), <c>Range</c> (with the bounds) and <c>Precision</c> (with the decimals allowed).
    /// </summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    public override string ToString() => Row == 0
        ? $"{Sheet}: {Rule}: {Message}"
        : Column.Length == 0
            ? $"{Sheet}, row {Row}: {Rule}: {Message}"
            : $"{Sheet}, row {Row}, column {Column} ({Header}): {Rule}: {Message}";
}
