using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Pages;

public sealed partial class AddressValuesPageTests
{
    // The references of the projects the register (not the queue) lists.
    private static List<string> RegisterProjects(string page) =>
        [.. Regex.Matches(Regex.Match(page, "<table class=\"registry\" id=\"projects\">.*?</table>", RegexOptions.Singleline).Value,
            "<a href=\"/Offsets/Project\\?id=\\d+\">([^<]+)</a>").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task OffsetsProjects_AProgrammeThatIsNone_IsNamedBesideItsChoiceAsTyped_AndEveryProgrammeIsShown()
    {
        var page = await PageAsync("regulator", "/Offsets?programme=FOO");
        var plain = await PageAsync("regulator", "/Offsets");

        Named(FieldError(page, "programme"), "FOO", "全部");
        Assert.Contains("CCER, FFCER, PHCER", FieldError(page, "programme"), StringComparison.Ordinal);
        KeptAsChoice(page, "FOO");
        Assert.Equal(RegisterProjects(plain), RegisterProjects(page));
        Assert.Contains(RegisterProjects(page), p => p.StartsWith("CCER-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OffsetsProjects_AProgrammeInAnotherCase_IsTheProgramme()
    {
        var page = await PageAsync("regulator", "/Offsets?programme=ffcer");

        Assert.Equal("", FieldError(page, "programme"));
        Assert.Matches("<option value=\"FFCER\" selected(=\"selected\")?>FFCER</option>", page);
        Assert.NotEmpty(RegisterProjects(page));
        Assert.All(RegisterProjects(page), p => Assert.StartsWith("FFCER-", p, StringComparison.Ordinal));
    }
}
