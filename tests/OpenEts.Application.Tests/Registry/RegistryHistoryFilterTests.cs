using OpenEts.Application.Registry;
using Xunit;

namespace OpenEts.Application.Tests.Registry;

public sealed class RegistryHistoryFilterTests
{
    [Fact]
    public void Issue_8_Parse_WithoutTake_PagesAHundredEvents()
    {
        var (_, skip, take, errors) = RegistryHistoryFilter.Parse(null, null, null, null, null, null);

        Assert.Empty(errors);
        Assert.Equal(0, skip);
        Assert.Equal(RegistryHistoryFilter.DefaultTake, take);
        Assert.Equal(100, take);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    public void Parse_WithTakeOutsideOneToAThousand_NamesTakeAndItsRule(string take)
    {
        var (_, _, _, errors) = RegistryHistoryFilter.Parse(null, null, null, null, null, take);

        var error = Assert.Single(errors);
        Assert.Equal(("take", "PageSize"), (error.Field, error.Rule));
    }
}
