using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Registry;

public sealed class AccountNumberTests
{
    [Theory]
    [InlineData("GD-HOLD-0001")]
    [InlineData("a")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void TryCreate_WellFormed_ReturnsTrue(string text)
    {
        Assert.True(AccountNumber.TryCreate(text, out var number));
        Assert.Equal(text, number.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GD HOLD")]
    [InlineData("账户")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void TryCreate_Malformed_ReturnsFalse(string? text) =>
        Assert.False(AccountNumber.TryCreate(text, out _));

    [Fact]
    public void From_Malformed_Throws() =>
        Assert.Throws<ArgumentException>(() => AccountNumber.From("a b"));

    [Fact]
    public void IdTypes_Malformed_Throw()
    {
        Assert.Throws<ArgumentException>(() => UserId.From(" "));
        Assert.Throws<ArgumentException>(() => IdempotencyKey.From("a\nb"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProposalId.From(0));
    }
}
