using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Tests.Identity;

public sealed class CreateUserTests
{
    private static readonly string Regulator = "11440000MB2C92013" + CreditCode.CheckCharacter("11440000MB2C92013");

    private static (CreateUser? Command, IReadOnlyList<FieldError> Errors) Parse(string? userName, string? role,
        string? organisation = null, string? displayName = null)
    {
        var ok = CreateUser.TryParse(new CreateUser.Form(userName, role, organisation, displayName, "tide-lantern-orchid-42"),
            out var command, out var errors);
        Assert.Equal(ok, errors.Count == 0);
        return (command, errors);
    }

    [Theory]
    [InlineData("regulator")]
    [InlineData("zhang.wei-01_gd")]
    [InlineData("A")]
    public void TryParse_GoodUserName_BuildsTheCommand(string userName)
    {
        var (command, errors) = Parse(userName, "regulator");

        Assert.Empty(errors);
        Assert.Equal(userName, command!.UserName);
        Assert.Equal(Role.Regulator, command.Role);
        Assert.Equal(userName, command.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("has space")]
    [InlineData("zhang@example")]
    [InlineData("张伟")]
    [InlineData("rеgulator")] // a Cyrillic е: a look-alike of an existing name
    [InlineData("a\u202Eb")]
    public void TryParse_BadUserName_IsAFieldError(string userName) =>
        Assert.Equal("UserNameFormat", Assert.Single(Parse(userName, "regulator").Errors).Rule);

    [Fact]
    public void TryParse_UserNameOfSixtyFiveCharacters_IsAFieldError()
    {
        Assert.Empty(Parse(new string('a', 64), "regulator").Errors);
        Assert.Equal("userName", Assert.Single(Parse(new string('a', 65), "regulator").Errors).Field);
    }

    [Theory]
    [InlineData("king")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("Regulator,Auditor")]
    public void TryParse_NotAPlatformRole_IsAFieldErrorListingTheRoles(string role)
    {
        var error = Assert.Single(Parse("someone", role).Errors);

        Assert.Equal("role", error.Field);
        Assert.Contains("CompanyRepresentative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CompanyRepresentative")]
    [InlineData("verifier")]
    [InlineData("EXCHANGEMEMBER")]
    public void TryParse_RoleThatActsForAnOrganisationWithoutOrg_IsOrganisationRequired(string role) =>
        Assert.Equal("OrganisationRequired", Assert.Single(Parse("someone", role).Errors).Rule);

    [Fact]
    public void TryParse_RegulatorWithOrWithoutOrg_IsFine()
    {
        Assert.Empty(Parse("someone", "Regulator").Errors);
        Assert.Equal(Regulator, Parse("someone", "Regulator", Regulator.ToLowerInvariant()).Command!.Organisation?.Value);
    }

    [Fact]
    public void TryParse_CitizenWithOrg_IsRefused() =>
        Assert.Equal("OrganisationNotAllowed", Assert.Single(Parse("someone", "Citizen", Regulator).Errors).Rule);

    [Fact]
    public void TryParse_BadCreditCode_NamesTheCheckCharacter()
    {
        var error = Assert.Single(Parse("someone", "Verifier", "11440000MB2C92013X").Errors);

        Assert.Equal("organisation", error.Field);
        Assert.Contains("check character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DisplayNameWithADirectionOverride_IsRefused() =>
        Assert.Equal("DisplayName", Assert.Single(Parse("someone", "Regulator", null, "张\u202E主管").Errors).Rule);

    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        var form = new CreateUser.Form("someone", "Regulator", null, null, "tide-lantern-orchid-42");
        Assert.True(CreateUser.TryParse(form, out var command, out _));

        Assert.DoesNotContain("tide-lantern", form.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tide-lantern", command!.ToString(), StringComparison.Ordinal);
    }
}
