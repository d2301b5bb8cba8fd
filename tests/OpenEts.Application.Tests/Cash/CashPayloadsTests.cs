using System.Text;
using OpenEts.Application.Cash;

namespace OpenEts.Application.Tests.Cash;

// The cash ledger's journal payloads are written as UTF-8 now; the journal's hash chain covers their bytes, so they must be
// those the serializer made of the ledger's anonymous objects before, for any amount's scale and any reference's text.
public sealed class CashPayloadsTests
{
    public static TheoryData<decimal, decimal, string?> Values => new()
    {
        { 0m, 0m, "exchange/order/1/cash" },
        { 16.09m, 1609.00m, "slip 1" },
        { 0.5m, 999_999_999_999_999.99m, "银行回单 \"7\" <b>&'\\/\u0001" },
        { 1_000_000_000_000_000m, 0.01m, null },
        { 12.3400m, 5m, "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EveryPayload_AnyValues_IsTheBytesTheSerializerMadeOfTheAnonymousPayload(decimal amount, decimal released, string? reference)
    {
        var payload = new JournalPayload();
        const string key = "exchange/trade/12/pay";

        AssertSame(new { entry = 5L, from = 1L, to = 2L, amount, reservation = 9L, released, reference, key },
            CashPayloads.Settled(payload, 5, 1, 2, amount, 9, released, reference, key));
        AssertSame(new { entry = long.MaxValue, from = 3L, to = 4L, amount, reference, key },
            CashPayloads.Moved(payload, long.MaxValue, 3, 4, amount, reference, key));
        AssertSame(new { account = 3L, reservation = 11L, amount, reference, key },
            CashPayloads.Reserved(payload, 3, 11, amount, reference, key));
        AssertSame(new { account = 3L, reservation = 11L, amount = released, reference },
            CashPayloads.Released(payload, 3, 11, released, reference));
    }

    private static void AssertSame<T>(T anonymous, ReadOnlyMemory<byte> written) =>
        Assert.Equal(Encoding.UTF8.GetBytes(Json.Serialize(anonymous)), written.ToArray());
}
