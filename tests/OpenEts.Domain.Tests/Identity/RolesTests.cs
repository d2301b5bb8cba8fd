using OpenEts.Domain.Identity;

namespace OpenEts.Domain.Tests.Identity;

public sealed class RolesTests
{
    [Fact]
    public void CanWrite_ForAuditor_IsFalseAndTrueForEveryOtherRole()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Equal(role != Role.Auditor, Roles.CanWrite(role));
        }
    }

    [Fact]
    public void ManagesEntityList_OnlyForRegulator()
    {
        Assert.Equal([Role.Regulator], Enum.GetValues<Role>().Where(Roles.ManagesEntityList).ToArray());
    }

    [Fact]
    public void ReadsAuditLog_ForRegulatorAndAuditorOnly()
    {
        Assert.Equal([Role.Regulator, Role.Auditor], Enum.GetValues<Role>().Where(Roles.ReadsAuditLog).ToArray());
    }

    [Theory]
    [InlineData("regulator", Role.Regulator)]
    [InlineData("CompanyRepresentative", Role.CompanyRepresentative)]
    public void TryParse_WithRoleName_ReturnsRole(string text, Role expected)
    {
        Assert.True(Roles.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("99")]
    [InlineData(null)]
    public void TryParse_WithUnknownName_Fails(string? text) => Assert.False(Roles.TryParse(text, out _));
}
