namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    [Fact]
    public async Task OffsetsProjects_AProgrammeThatIsNone_IsNamedBesideItsChoiceAsTyped_AndEveryProgrammeIsShown()
    {
        var page = await PageAsync("regulator", "/Offsets?programme=FOO");

        Named(FieldError(page, "programme"), "FOO", "全部");
        Assert.Contains("CCER", FieldError(page, "programme"), StringComparison.Ordinal);
        KeptAsChoice(page, "FOO");
    }
}
