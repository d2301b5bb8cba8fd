using OpenEts.Application.Identity;

namespace OpenEts.Application.Tests.Identity;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("elevenchars")]
    [InlineData("十一个字十一个字十一个")]
    public void Check_FewerThanTwelveCharacters_IsTooShort(string password) =>
        Assert.Equal("PasswordTooShort", PasswordPolicy.Check(password, "someone")?.Rule);

    [Fact]
    public void Check_MoreThanTheLimit_IsTooLong() =>
        Assert.Equal("PasswordTooLong", PasswordPolicy.Check(new string('x', PasswordPolicy.MaxLength + 1), "someone")?.Rule);

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("Password1234")]
    [InlineData("QWERTYUIOPASDFGHJKL")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("123456789012")]
    [InlineData("woaini5201314")]
    [InlineData("iloveyou2024")]
    [InlineData("P@ssw0rd1234")]
    [InlineData("correct horse battery staple")]
    public void Check_CommonPassword_IsRefusedWhateverItsCase(string password)
    {
        var refusal = PasswordPolicy.Check(password, "someone");

        Assert.Equal("PasswordCommon", refusal?.Rule);
        Assert.DoesNotContain(password, refusal?.Message ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_TheUserNameAsPassword_IsRefused() =>
        Assert.Equal("PasswordIsUserName", PasswordPolicy.Check("Regulator.Guangdong", "regulator.guangdong")?.Rule);

    [Theory]
    [InlineData("tide-lantern-orchid-42")]
    [InlineData("粤碳登记簿的第一位主管用户")]
    [InlineData("exactly12chr")]
    public void Check_LongUncommonPassword_IsAccepted(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "regulator"));

    [Fact]
    public void CommonCount_TheShippedListIsEmbedded_HoldsThousands() =>
        Assert.InRange(PasswordPolicy.CommonCount, 3_000, 100_000);
}
