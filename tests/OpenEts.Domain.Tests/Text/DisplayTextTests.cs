using OpenEts.Domain.Text;
using Xunit;

namespace OpenEts.Domain.Tests.Text;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("广东省粤电集团有限公司")]
    [InlineData("Guangdong Yuedian Group Co., Ltd. (广东)")]
    [InlineData("Émile & Søn – 𠀀 extension B")]
    public void FindForbidden_OnPlainChineseOrLatinNames_FindsNothing(string name) =>
        Assert.Null(DisplayText.FindForbidden(name, allowLineBreaks: false));

    [Theory]
    [InlineData("GD\u202EHOLD", "U+202E", 2)]
    [InlineData("a\u0000b", "U+0000", 1)]
    [InlineData("zero\u200Bwidth", "U+200B", 4)]
    [InlineData("bom\uFEFF", "U+FEFF", 3)]
    [InlineData("isolate\u2066x", "U+2066", 7)]
    [InlineData("two\nlines", "U+000A", 3)]
    public void FindForbidden_OnControlOrFormatCharacters_NamesTheFirst(string text, string codePoint, int index) =>
        Assert.Equal((codePoint, index), DisplayText.FindForbidden(text, allowLineBreaks: false));

    [Fact]
    public void FindForbidden_OnALoneSurrogate_NamesIt() =>
        Assert.Equal(("U+D800", 4), DisplayText.FindForbidden("lone" + (char)0xD800 + "surrogate", allowLineBreaks: false));

    [Fact]
    public void FindForbidden_InMultilineText_KeepsLineBreaksButNotOverrides()
    {
        Assert.Null(DisplayText.FindForbidden("第一行\r\n第二行\tend", allowLineBreaks: true));
        Assert.Equal(("U+202E", 3), DisplayText.FindForbidden("第一行\u202E\n", allowLineBreaks: true));
    }
}
