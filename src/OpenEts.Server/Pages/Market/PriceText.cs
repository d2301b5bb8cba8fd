using System.Globalization;

namespace OpenEts.Server.Pages.Market;

/// <summary>How the market pages write a price and a change, in the reader's culture, "—" for none.</summary>
public static class PriceText
{
    /// <summary>Fen as yuan with two decimals: 1 609 fen → 16.09.</summary>
    public static string Yuan(long? fen) => fen is { } f ? Domain.Cash.Yuan.FromFen(f).Value.ToString("N2", CultureInfo.CurrentCulture) : "—";

    /// <summary>A change in yuan with its sign: +0.25, -0.10, 0.00.</summary>
    public static string Signed(decimal? yuan) => yuan is { } v ? (v > 0 ? "+" : "") + v.ToString("N2", CultureInfo.CurrentCulture) : "—";
}
