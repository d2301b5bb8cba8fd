using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenEts.Application.Identity;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Identity;

/// <summary>
/// Sign-in failures slow the next attempt instead of locking the account, and an unknown name answers exactly like a
/// known one. The server's clock is moved forward instead of sleeping.
/// </summary>
public sealed partial class SignInThrottlingTests(SignInThrottlingTests.LoggedServer server) : IClassFixture<SignInThrottlingTests.LoggedServer>
{
    [Fact]
    public async Task Issue_8_Failure_IsLoggedAsAWarningWithTheNameAndAddress()
    {
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        await ErrorAsync(client, "logged-guess", "wrong");

        Assert.Contains(server.Log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("logged-guess", StringComparison.Ordinal)
            && l.Text.Contains("from ", StringComparison.Ordinal));
    }

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

    /// <summary>The demo server, with its log lines kept for the test to read.</summary>
    public sealed class LoggedServer : ServerFactory
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(Log));
        }
    }

    /// <summary>Keeps every log line written through it.</summary>
    public sealed class CapturedLog : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public IReadOnlyCollection<(LogLevel Level, string Text)> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Writer(_lines);

        public void Dispose()
        {
        }

        private sealed class Writer(System.Collections.Concurrent.ConcurrentQueue<(LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }

    [GeneratedRegex("id=\"signin-error\">([^<]*)<")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex TimePattern();
}
