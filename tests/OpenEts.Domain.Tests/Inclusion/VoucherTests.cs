using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

public sealed class VoucherTests
{
    private static readonly Merchant Cinema = new(3, "fuzhou-lvbao", 10, "影城", ["movie-ticket"]);
    private static readonly Voucher Ticket = new(7, "fuzhou-lvbao", "movie-ticket", 105, "0A1B2C3D4E5F", null, null);

    [Theory]
    [InlineData("0a1b2c3d4e5f", "0A1B2C3D4E5F")]
    [InlineData(" 0A1B-2C3D-4E5F ", "0A1B2C3D4E5F")]
    [InlineData("0A1B2C3D4E5", null)]
    [InlineData("0A1B2C3D4E5G", null)]
    [InlineData(null, null)]
    public void NormaliseCode_AsTyped_IsTwelveUpperCaseHexDigitsOrNull(string? typed, string? expected) =>
        Assert.Equal(expected, Voucher.NormaliseCode(typed));

    [Fact]
    public void CheckConfirm_UnclaimedTicketAtTheCinema_IsAllowedAndConfirmByRecordsTheMerchant()
    {
        var taken = Ticket.ConfirmBy(Cinema, DateTimeOffset.UnixEpoch);

        Assert.Null(Voucher.CheckConfirm(Ticket, Cinema));
        Assert.Equal((3L, true), (taken.MerchantId!.Value, taken.Confirmed));
    }

    [Fact]
    public void CheckConfirm_TakenAlready_IsCodeUsedAndConfirmByThrows()
    {
        var taken = Ticket.ConfirmBy(Cinema, DateTimeOffset.UnixEpoch);

        Assert.Equal(VoucherRejection.CodeUsed, Voucher.CheckConfirm(taken, Cinema));
        Assert.Throws<InvalidOperationException>(() => taken.ConfirmBy(Cinema, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void CheckConfirm_OtherProgrammeOtherItemErasedOrMissing_IsRefusedWithItsReason()
    {
        Assert.Equal(VoucherRejection.NotAccepted, Voucher.CheckConfirm(Ticket with { Programme = "guangdong-tanpuhui" }, Cinema));
        Assert.Equal(VoucherRejection.NotAccepted, Voucher.CheckConfirm(Ticket with { Item = "bus-fare" }, Cinema));
        Assert.Null(Voucher.CheckConfirm(Ticket with { Item = "bus-fare" }, Cinema with { Items = [] }));
        Assert.Equal(VoucherRejection.UnknownCode, Voucher.CheckConfirm(Ticket with { Code = "" }, Cinema));
        Assert.Equal(VoucherRejection.UnknownCode, Voucher.CheckConfirm(null, Cinema));
    }
}
