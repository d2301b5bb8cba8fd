using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Organisations;

public sealed class OrganisationDraftTests
{
    [Fact]
    public void Validate_WithChineseSectorAndStatus_ReturnsOrganisation()
    {
        var result = new OrganisationDraft("91440101MA5CY10016", " 珠江示范发电有限公司 ", "电力", "广州市", "新建项目").Validate();

        Assert.Empty(result.Errors);
        Assert.Equal("珠江示范发电有限公司", result.Organisation!.Name);
        Assert.Equal(Sector.Power, result.Organisation.Sector);
        Assert.Equal(CoverageStatus.NewEntrant, result.Organisation.Status);
    }

    [Fact]
    public void Validate_WithSeveralBadFields_NamesEachFieldAndRule()
    {
        var result = new OrganisationDraft("123", "", "chemicals", "广州市", "gone").Validate();

        Assert.Null(result.Organisation);
        Assert.Equal(["code", "name", "sector", "status"], result.Errors.Select(e => e.Field).ToArray());
        Assert.Equal(nameof(CreditCodeError.WrongLength), result.Errors[0].Rule);
        Assert.Contains("18", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutStatus_DefaultsToCovered()
    {
        var result = new OrganisationDraft("91440101MA5CY10016", "A", "power", "广州市", null).Validate();

        Assert.Equal(CoverageStatus.Covered, result.Organisation!.Status);
    }

    [Fact]
    public void Issue_8_Validate_WithARightToLeftOverrideInTheName_NamesTheCharacter()
    {
        var result = new OrganisationDraft("91440101MA5CY10016", "珠江\u202E示范发电有限公司", "电力", "广州\u200B市", null).Validate();

        Assert.Null(result.Organisation);
        Assert.Equal(["name", "region"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal("ForbiddenCharacter", e.Rule));
        Assert.Contains("U+202E", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gd", "GD", "GD")]
    [InlineData(" SZ ", "SZ", "GD")]
    [InlineData("CN", "CN", null)]
    public void Validate_WithAMarket_RecordsItAndItsProvince(string typed, string code, string? province)
    {
        var result = new OrganisationDraft("91440101MA5CY10016", "A", "power", "广州市", null, Jurisdiction: typed).Validate();

        Assert.Equal((code, province), (result.Organisation!.Jurisdiction?.Code, result.Organisation.Jurisdiction?.Province));
    }

    [Theory]
    [InlineData("无")]
    [InlineData("none")]
    [InlineData(null)]
    public void Validate_WithNoMarket_RecordsNone(string? typed)
    {
        var result = new OrganisationDraft("91440101MA5CY10016", "A", "power", "广州市", null, Jurisdiction: typed).Validate();

        Assert.Null(result.Organisation!.Jurisdiction);
    }

    [Fact]
    public void Validate_WithAnUnknownMarket_NamesTheJurisdictionField()
    {
        var result = new OrganisationDraft("91440101MA5CY10016", "A", "power", "广州市", null, Jurisdiction: "Guangzhou").Validate();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("jurisdiction", "UnknownValue"), (error.Field, error.Rule));
        Assert.Contains("GD", error.Message, StringComparison.Ordinal);
    }
}
