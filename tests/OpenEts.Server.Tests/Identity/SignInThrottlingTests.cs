using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Identity;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Identity;

/// <summary>
/// Sign-in failures slow the next attempt instead of locking the account, and an unknown name answers exactly like a
/// known one. The server's clock is moved forward instead of sleeping.
/// </summary>
public sealed partial class SignInThrottlingTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Issue_8_UnknownName_AnswersExactlyLikeAWrongPasswordForAKnownOne()
    {
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        var known = await ErrorAsync(client, "verifier", "wrong");
        var unknown = await ErrorAsync(client, "no-such-user", "wrong");

        Assert.False(string.IsNullOrEmpty(known));
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task Issue_8_RepeatedFailures_MakeEvenTheRightPasswordWaitAndThenItSignsIn()
    {
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });
        var failuresBefore = server.Services.GetRequiredService<SignInThrottle>().Failures;
        // Two names fail alike, one known and one not: the waiting message is the same, and it never locks the regulator out.
        foreach (var name in new[] { "nobody-here", "regulator" })
        {
            for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount + 2; i++)
            {
                // Past each delay so every attempt counts; the last one leaves the name waiting 4 s.
                server.Clock.Advance(TimeSpan.FromSeconds(3));
                await ErrorAsync(client, name, "wrong");
            }
        }

        var unknownWaits = await ErrorAsync(client, "nobody-here", "wrong");
        var waits = await ErrorAsync(client, "regulator", ServerFactory.Password);
        server.Clock.Advance(TimeSpan.FromSeconds(5));
        using var signedIn = await ServerFactory.PostLoginAsync(client, "regulator", ServerFactory.Password);

        Assert.Contains("(UTC+8)", waits, StringComparison.Ordinal);
        Assert.Equal(Shape(waits), Shape(unknownWaits));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(server.Services.GetRequiredService<SignInThrottle>().Failures - failuresBefore >= 2 * (SignInThrottle.FreeFailuresPerAccount + 2));
    }

    // The error text with its time taken out.
    private static string Shape(string error) => TimePattern().Replace(error, "TIME");

    private static async Task<string> ErrorAsync(HttpClient client, string userName, string password)
    {
        using var response = await ServerFactory.PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return ErrorPattern().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("id=\"signin-error\">([^<]*)<")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex TimePattern();
}
