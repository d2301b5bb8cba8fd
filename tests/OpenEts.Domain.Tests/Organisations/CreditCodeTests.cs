using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Tests.Organisations;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the worked example of GB 32100-2015
    [InlineData("91110000802100433B")]
    [InlineData("91440101ma5cy10016")]
    [InlineData(" 91440101MA5CY10016 ")]
    public void Parse_WithValidCode_AcceptsAndNormalises(string text)
    {
        var result = CreditCode.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(text.Trim().ToUpperInvariant(), result.Code.Value);
    }

    [Theory]
    [InlineData("91350100M000100Y4", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y433", CreditCodeError.WrongLength)]
    [InlineData("", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y44", CreditCodeError.BadCheckCharacter)]
    [InlineData("9135010OM000100Y43", CreditCodeError.BadCharacter)]
    [InlineData("91350100M00I100Y43", CreditCodeError.BadCharacter)]
    [InlineData("9135A100M000100Y43", CreditCodeError.BadRegion)]
    public void Parse_WithBadCode_NamesTheRule(string text, CreditCodeError expected)
    {
        var result = CreditCode.Parse(text);

        Assert.False(result.Success);
        Assert.Equal(expected, result.Error);
        Assert.NotEmpty(result.Message);
    }

    [Fact]
    public void Parse_WhenAnySingleCharacterChanges_RejectsTheCode()
    {
        var alphabet = CreditCode.Alphabet;
        var digits = Gen.Elements("0123456789".ToCharArray());
        var any = Gen.Elements(alphabet.ToCharArray());
        var gen =
            from head in Gen.ArrayOf(any, 2)
            from region in Gen.ArrayOf(digits, 6)
            from org in Gen.ArrayOf(any, 9)
            from position in Gen.Choose(0, 17)
            from replacement in any
            select (new string([.. head, .. region, .. org]), position, replacement);

        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (first17, position, replacement) = t;
            var code = first17 + CreditCode.CheckCharacter(first17);
            var valid = CreditCode.Parse(code).Success;
            var changed = code.ToCharArray();
            changed[position] = replacement;
            var altered = new string(changed);
            return valid && (altered == code || !CreditCode.Parse(altered).Success);
        }).QuickCheckThrowOnFailure();
    }
}
