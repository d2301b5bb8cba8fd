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
}
