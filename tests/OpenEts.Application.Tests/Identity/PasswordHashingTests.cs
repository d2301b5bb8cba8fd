using OpenEts.Application.Identity;

namespace OpenEts.Application.Tests.Identity;

public sealed class PasswordHashingTests
{
    // Made by ASP.NET Core Identity's PasswordHasher<T> (.NET 10, default options), as the server stored them before
    // the hasher moved here: existing sign-ins must keep working.
    private const string AspNetCoreDemoHash = "AQAAAAIAAYagAAAAEKSxQc1Ey5JVxuStUO9D0+9syShyfxXvMb5h0n4u0m0smwHNZQJ0qWX2rtPLxocK7A==";
    private const string AspNetCoreSentenceHash = "AQAAAAIAAYagAAAAELnx4zDM1MT9B/XFHS11a+jFOXT5NsO9t1UQUtCx+vzD3MHc8gf1XDs57UM30nol+w==";
    private const string AspNetCoreTenThousandIterations = "AQAAAAIAACcQAAAAEELaGhJpba71VT+WJFfdIEN3A26yHT1xIilCsybOuJf5GoqYBSa++/stM4QLpYxpxA==";

    private readonly PasswordHashing _hashing = new();

    [Fact]
    public void Verify_HashMadeByAspNetCoreIdentity_Succeeds()
    {
        Assert.Equal(PasswordCheck.Success, _hashing.Verify(AspNetCoreDemoHash, "openets-demo"));
        Assert.Equal(PasswordCheck.Success, _hashing.Verify(AspNetCoreSentenceHash, "correct horse battery staple"));
    }

    [Fact]
    public void Verify_WrongPassword_Fails()
    {
        Assert.Equal(PasswordCheck.Failed, _hashing.Verify(AspNetCoreDemoHash, "openets-demO"));
        Assert.Equal(PasswordCheck.Failed, _hashing.Verify(AspNetCoreDemoHash, ""));
    }

    [Fact]
    public void Verify_FewerIterationsThanToday_SucceedsAndAsksForARehash() =>
        Assert.Equal(PasswordCheck.SuccessRehash, _hashing.Verify(AspNetCoreTenThousandIterations, "openets-demo"));

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AQAAAAIAAYagAAAAEA==")]
    [InlineData("plain:openets-demo")]
    public void Verify_MalformedHash_Fails(string hash) =>
        Assert.Equal(PasswordCheck.Failed, _hashing.Verify(hash, "openets-demo"));

    [Fact]
    public void Hash_IsSaltedAndVerifies()
    {
        var first = _hashing.Hash("a long enough password");
        var second = _hashing.Hash("a long enough password");

        Assert.NotEqual(first, second);
        Assert.StartsWith("AQAAAAIAAYag", first, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Success, _hashing.Verify(first, "a long enough password"));
        Assert.DoesNotContain("a long enough password", first, StringComparison.Ordinal);
    }
}
