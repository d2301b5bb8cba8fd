using Microsoft.Extensions.Configuration;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>The server's options as an operator types them: flags in any order, misspellings named.</summary>
public sealed class ServerCommandLineTests
{
    private static IConfiguration Read(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(ServerCommandLine.Normalise(args)).Build();

    [Fact]
    public void Normalise_DemoBeforeDb_KeepsTheNamedDatabase()
    {
        var configuration = Read("--demo", "--db", "/srv/openets/market.db");

        Assert.Equal("/srv/openets/market.db", configuration["db"]);
        Assert.True(DemoMode.From(configuration, databaseNamed: true).IsDemo);
    }

    [Fact]
    public void Check_ConfigurationSectionsAndHostSettings_PassThrough()
    {
        var refusal = Record.Exception(() => ServerCommandLine.Check(["--db", "x.db", "--Logging:LogLevel:Default=Warning",
            "--environment", "Testing", "--require-2fa-for-tokens", "--demo", "--urls=http://127.0.0.1:0",
            "--OPENETS_KEY_RING_CERTIFICATE_PASSWORD=pfx-pass", "--contentRoot=/srv", "--applicationName=OpenEts.Server",
            "--Energy=", "--Energy:Cards=", "--Energy:Cards:EscalateEvery=00:00:00.200"]));

        Assert.Null(refusal);
    }

    [Fact]
    public void Check_EveryEnvironmentNameTheHelpGives_PassesAsAnOption()
    {
        var names = System.Text.RegularExpressions.Regex.Matches(ServerCommandLine.Usage, @"\((OPENETS_[A-Z0-9_]+|ASPNETCORE_URLS)")
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("OPENETS_SNAPSHOT_INTERVAL", names);
        Assert.All(names, name => Assert.Null(Record.Exception(() => ServerCommandLine.Check([$"--{name}=1"]))));
    }

    [Theory]
    [InlineData(new[] { "--prot", "5000" }, "unknown option --prot")]
    [InlineData(new[] { "--db" }, "--db needs a value")]
    [InlineData(new[] { "x.db" }, "'x.db' belongs to no option")]
    public void Check_AMistypedCommandLine_IsRefusedNamingTheWord(string[] args, string message)
    {
        var refused = Assert.Throws<StartupException>(() => ServerCommandLine.Check(args));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
