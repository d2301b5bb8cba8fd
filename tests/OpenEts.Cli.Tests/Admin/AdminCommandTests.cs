using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Cli.Tests.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Storage;

namespace OpenEts.Cli.Tests.Admin;

// Issue 8: `ets admin create-user` creates the first regulator on a real database; the password comes from a prompt or
// stdin, never from an argument, and must pass the password policy.
public sealed class AdminCommandTests
{
    private const string Password = "tide-lantern-orchid-42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CodeOf(OrganisationKind kind) => DemoMarket.Organisations.First(o => o.Kind == kind).Code.Value;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(string database, string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = await EtsCommand.RunAsync(["admin", "create-user", .. args, "--db", database], stdout, stderr,
            SecretInput.FromLines(input));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> EmptyDatabaseAsync(RegistryDatabase folder)
    {
        var path = Path.Combine(folder.Folder, "empty.db");
        await (await SqlStore.OpenAsync(path, Ct)).DisposeAsync();
        return path;
    }

    private static async Task<UserRecord?> FindAsync(string database, string userName)
    {
        await using var store = await SqlStore.OpenAsync(database, Ct);
        return await store.ReadAsync(s => s.Users.FindByNameAsync(userName), Ct);
    }

    [Fact]
    public async Task Issue_8_CreateUser_FirstRegulatorOnAnEmptyDatabase_CanSignInWithThePasswordFromStdin()
    {
        using var folder = await RegistryDatabase.SqliteAsync();
        var database = await EmptyDatabaseAsync(folder);

        var (exit, output, error) = await RunAsync(database, Password + "\nnot this line\n", "chief", "--role", "Regulator", "--name", "张主管");

        Assert.True(exit == 0, error);
        Assert.Contains("created user 'chief' (张主管): Regulator", output, StringComparison.Ordinal);
        await using var store = await SqlStore.OpenAsync(database, Ct);
        var signIn = await new SignIn(store, new PasswordHashing()).PasswordAsync("chief", Password, DateTimeOffset.UtcNow, Ct);
        Assert.Equal(Role.Regulator, Assert.IsType<SignInOutcome.SignedIn>(signIn).User.Role);
        Assert.IsType<SignInOutcome.BadCredentials>(
            await new SignIn(store, new PasswordHashing()).PasswordAsync("chief", "not this line", DateTimeOffset.UtcNow, Ct));
    }

    [Fact]
    public async Task Issue_8_CreateUser_IsJournalledWithTheOsUserAndNoPasswordOrHash()
    {
        using var folder = await RegistryDatabase.SqliteAsync();
        var database = await EmptyDatabaseAsync(folder);

        Assert.Equal(0, (await RunAsync(database, Password + "\n", "chief", "--role", "regulator")).Exit);

        await using var store = await SqlStore.OpenAsync(database, Ct);
        var entries = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "identity."), 0, 10), Ct);
        var entry = Assert.Single(entries);
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("chief"), Ct);
        Assert.Equal(CreateUser.JournalKind, entry.Kind);
        Assert.Equal("cli:" + Environment.UserName, entry.Actor);
        Assert.Equal("chief", entry.Subject);
        Assert.Contains("\"role\":\"Regulator\"", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(user!.PasswordHash, entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("password", entry.Payload, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Issue_8_CreateUser_DuplicateUserName_ExitsOneAndKeepsTheFirst()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var before = (await FindAsync(db.Database, "regulator"))!.PasswordHash;

        var (exit, output, error) = await RunAsync(db.Database, Password + "\n", "regulator", "--role", "Regulator");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("refused: userName: there is already a user 'regulator' (rule DuplicateUserName)", error, StringComparison.Ordinal);
        Assert.Equal(before, (await FindAsync(db.Database, "regulator"))!.PasswordHash);
    }

    [Theory]
    [InlineData("has space", "Regulator", "userName")]
    [InlineData("张伟", "Regulator", "userName")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Regulator", "userName")]
    [InlineData("someone", "King", "role: 'King' is not a platform role")]
    [InlineData("someone", "0", "role: '0' is not a platform role")]
    [InlineData("someone", "CompanyRepresentative", "a CompanyRepresentative acts for an organisation")]
    [InlineData("someone", "Verifier", "a Verifier acts for an organisation")]
    [InlineData("someone", "ExchangeMember", "a ExchangeMember acts for an organisation")]
    public async Task Issue_8_CreateUser_BadNameOrRoleOrMissingOrg_ExitsTwoWithUsageAndCreatesNobody(string userName, string role,
        string problem)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await RunAsync(db.Database, Password + "\n", userName, "--role", role);

        Assert.Equal(2, exit);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains("usage: ets admin create-user USERNAME --role ROLE", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, userName));
    }

    [Fact]
    public async Task Issue_8_CreateUser_CompanyRepresentativeWithItsCompany_BelongsToIt()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var company = CodeOf(OrganisationKind.Company);

        var (exit, output, error) = await RunAsync(db.Database, Password + "\n", "power-c", "--role", "CompanyRepresentative",
            "--org", company.ToLowerInvariant());

        Assert.True(exit == 0, error);
        Assert.Contains("organisation " + company, output, StringComparison.Ordinal);
        var user = await FindAsync(db.Database, "power-c");
        Assert.Equal((await FindAsync(db.Database, "power-a"))!.OrganisationId, user!.OrganisationId);
    }

    [Fact]
    public async Task Issue_8_CreateUser_UnknownOrganisation_ExitsOne()
    {
        using var db = await RegistryDatabase.SqliteAsync();
        var unknown = "91440101MA5CY9999" + CreditCode.CheckCharacter("91440101MA5CY9999");

        var (exit, _, error) = await RunAsync(db.Database, Password + "\n", "someone", "--role", "Verifier", "--org", unknown);

        Assert.Equal(1, exit);
        Assert.Contains($"there is no organisation with the credit code {unknown} (rule UnknownOrganisation)", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, "someone"));
    }

    [Fact]
    public async Task Issue_8_CreateUser_OrganisationOfAnotherKind_ExitsOne()
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await RunAsync(db.Database, Password + "\n", "someone", "--role", "Regulator", "--org",
            CodeOf(OrganisationKind.Company));

        Assert.Equal(1, exit);
        Assert.Contains("a Regulator belongs to a Regulator organisation (rule OrganisationKind)", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, "someone"));
    }

    [Theory]
    [InlineData("short-pw", "PasswordTooShort")]
    [InlineData("passwordpassword", "PasswordCommon")]
    [InlineData("Qwerty123456", "PasswordCommon")]
    [InlineData("Chief.Of.Registry", "PasswordIsUserName")]
    public async Task Issue_8_CreateUser_PasswordAgainstThePolicy_ExitsOneNamingTheRule(string password, string rule)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await RunAsync(db.Database, password + "\n", "chief.of.registry", "--role", "Regulator");

        Assert.Equal(1, exit);
        Assert.Contains("refused: password: ", error, StringComparison.Ordinal);
        Assert.Contains($"(rule {rule})", error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, "chief.of.registry"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public async Task Issue_8_CreateUser_NoPasswordOnStdin_ExitsTwo(string stdin)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await RunAsync(db.Database, stdin, "chief", "--role", "Regulator");

        Assert.Equal(2, exit);
        Assert.Contains("no password", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, "chief"));
    }

    [Theory]
    [InlineData("--password", Password)]
    [InlineData("--password=" + Password)]
    [InlineData("--password")]
    public async Task Issue_8_CreateUser_PasswordAsAnArgument_IsAParseErrorThatNeverEchoesIt(params string[] passwordArgs)
    {
        using var db = await RegistryDatabase.SqliteAsync();

        var (exit, _, error) = await RunAsync(db.Database, Password + "\n", ["chief", "--role", "Regulator", .. passwordArgs]);

        Assert.Equal(2, exit);
        Assert.Contains("a password is never taken from an argument", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error, StringComparison.Ordinal);
        Assert.Null(await FindAsync(db.Database, "chief"));
    }

    [Fact]
    public async Task Issue_8_CreateUserHelp_OffersNoPasswordOption()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EtsCommand.RunAsync(["admin", "create-user", "--help"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("--role <ROLE>", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--password", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_CreateUser_MissingDatabaseFile_ExitsTwo()
    {
        using var folder = await RegistryDatabase.SqliteAsync();
        var missing = Path.Combine(folder.Folder, "typo.db");

        var (exit, _, error) = await RunAsync(missing, Password + "\n", "chief", "--role", "Regulator");

        Assert.Equal(2, exit);
        Assert.Contains("no database file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
