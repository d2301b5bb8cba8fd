using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Tests.Inclusion;

public sealed class SignUpCitizenTests
{
    private static readonly string Version = ConsentNotice.Current.Version;

    [Fact]
    public void TryParse_NoConsentBox_RefusesWithConsentRequired()
    {
        Assert.False(SignUpCitizen.TryParse(new(null, null, "a long enough pass", Version, Agree: false), out _, out var errors));

        Assert.Equal(("agree", "ConsentRequired"), (errors[0].Field, errors[0].Rule));
    }

    [Fact]
    public void TryParse_AnOlderNoticeVersion_RefusesWithConsentOutdated()
    {
        Assert.False(SignUpCitizen.TryParse(new(null, null, "a long enough pass", "2020-01", Agree: true), out _, out var errors));

        Assert.Equal("ConsentOutdated", Assert.Single(errors).Rule);
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("lin@example.cn", true)]
    [InlineData("", true)]
    [InlineData("23800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("@example.cn", false)]
    [InlineData("lin @example.cn", false)]
    public void TryParse_Contact_IsAMobileNumberOrAnEmailOrNothing(string contact, bool ok)
    {
        Assert.Equal(ok, SignUpCitizen.TryParse(new("小林", contact, "a long enough pass", Version, true), out var command, out _));
        if (ok)
        {
            Assert.Equal(contact.Length == 0 ? null : contact, command!.Contact);
        }
    }

    [Fact]
    public void ToString_NeverShowsThePasswordOrContact()
    {
        Assert.True(SignUpCitizen.TryParse(new("小林", "13800138000", "secret-pass-123", Version, true), out var command, out _));

        var text = command.ToString();
        Assert.DoesNotContain("secret-pass-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", text, StringComparison.Ordinal);
    }
}
