using System.Net;
using System.Text.RegularExpressions;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

// A quantity a registry form cannot read as a whole number of tonnes (1e30 is past any account, 1.5 no whole tonne)
// is named next to its field as typed, not called missing, and nothing moves.
public sealed class RegistryPageNumberTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    public static TheoryData<string, string, string> Forms => new()
    {
        { "transfer", "Input.Quantity", "1e30" },
        { "surrender", "SurrenderInput.Quantity", "1e30" },
        { "cancel", "CancelInput.Quantity", "1.5" },
        { "issue", "IssueInput.Quantity", "1e30" },
        { "allocate", "AllocateInput.Quantity", "1e30" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Quantity_ThatIsNoWholeNumber_IsNamedAsTyped_AndNothingMoves(string name, string field, string typed)
    {
        var form = name switch
        {
            "transfer" => RegistryForms.Transfer(),
            "surrender" => RegistryForms.Surrender(),
            "cancel" => RegistryForms.Cancel(),
            "issue" => RegistryForms.Issue(),
            _ => RegistryForms.Allocate(),
        };
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var posted = await session.PostAsync(form.With(field, typed), PageSession.NewKey());

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Matches($"<span class=\"field-error\"[^>]*>[^<]*“{Regex.Escape(typed)}”", posted.Body);
        Assert.DoesNotContain("必填", Regex.Match(posted.Body, "<span class=\"field-error\"[^>]*>[^<]*</span>").Value, StringComparison.Ordinal);
        Assert.Equal(before, await PageSession.RegistryStateAsync(server));
    }

    // 1,000 tonnes was answered “1,000”过大 (too large): the number is small, the form only takes it without separators.
    [Fact]
    public async Task Quantity_WithThousandsSeparators_SaysSoAndHowToTypeIt_NotTooLarge()
    {
        var form = RegistryForms.Transfer();
        var session = await PageSession.SignInAsync(server, form.User);
        var before = await PageSession.RegistryStateAsync(server);

        var posted = await session.PostAsync(form.With("Input.Quantity", "1,000"), PageSession.NewKey());

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("数量：“1,000”带有千位分隔符，请不带分隔符填写（1000）", WebUtility.HtmlDecode(posted.Body), StringComparison.Ordinal);
        Assert.Equal(before, await PageSession.RegistryStateAsync(server));
    }
}
