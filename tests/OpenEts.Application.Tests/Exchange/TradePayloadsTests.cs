using System.Text;
using OpenEts.Application.Exchange;

namespace OpenEts.Application.Tests.Exchange;

// The trade's journal payload is written as UTF-8 now; the journal's hash chain covers its bytes, so they must be those the
// serializer made of the anonymous object the settlement journalled before.
public sealed class TradePayloadsTests
{
    [Theory]
    [InlineData(1L, "GDEA-2017", 1609L, 1L, 2L, 1L, 0L, 1L)]
    [InlineData(99_999L, "FFCER-FJ0001-2016", 123_456_789L, 5_000L, 0L, 77L, 31L, long.MaxValue)]
    [InlineData(42L, "碳\"配额\\<&'>", 1L, long.MaxValue, 9_007_199_254_740_993L, 0L, 0L, 0L)]
    public void Settled_AnyTrade_IsTheBytesTheSerializerMadeOfTheAnonymousPayload(
        long id, string instrument, long price, long quantity, long buyOrder, long buyerFee, long sellerFee, long sequence)
    {
        var trade = new ExchangeTrade(id, instrument, DateTimeOffset.UnixEpoch, price, quantity, buyOrder, buyOrder + 1, 7, 8, "buy", buyerFee, sellerFee);
        var before = Json.Serialize(new
        {
            trade = id, instrument = trade.Instrument, price = trade.PriceFen, quantity = trade.Quantity, buyOrder = trade.BuyOrder,
            sellOrder = trade.SellOrder, buyAccount = trade.BuyAccount, sellAccount = trade.SellAccount, buyerFee = trade.BuyerFeeFen,
            sellerFee = trade.SellerFeeFen, sequence,
        });
        var payload = new JournalPayload();

        Assert.Equal(Encoding.UTF8.GetBytes(before), TradePayloads.Settled(payload, trade, sequence).ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(before), TradePayloads.Settled(payload, trade, sequence).ToArray());
    }
}
