using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;

namespace OpenEts.Cli.Registry;

// define-class, issue-offsets, retire: offset classes, issuance with a buffer share, retirement for a beneficiary.
internal static partial class RegistryCommand
{
    private const string OffsetClassHelp = "the offset class: programme-project-vintage, e.g. CCER-001234-2019";

    private static Verb DefineClass(Option<string> db)
    {
        var (unitClass, key) = (Text("CLASS", OffsetClassHelp), KeyOption());
        var title = Required("--title", "TEXT", "the project's title as its programme registered it");
        var category = Required("--category", "CATEGORY",
            "forestry, hydropower, wind, solar, methane, energyEfficiency, lowCarbonBehaviour or other");
        var province = Required("--province", "CODE", "the host province, ISO 3166-2:CN without CN- (e.g. GD, FJ, SC)");
        var preCdm = new Option<bool>("--pre-cdm") { Description = "the reductions predate the project's CDM registration" };
        return Request(db, AsOption(), "define-class",
            "Define an offset class and the attributes compliance reads, once, before issuing it (the regulator).",
            "ets registry define-class CLASS --title TEXT --category CATEGORY --province CODE [--pre-cdm] --as USER [--key KEY] [--db DB]",
            [unitClass, title, category, province, preCdm, key],
            r => Parsed(DefineOffsetClass.TryParse(
                new DefineOffsetClass.Form(r.GetValue(unitClass), r.GetValue(title), r.GetValue(category), r.GetValue(province),
                r.GetValue(preCdm), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Verb IssueOffsetUnits(Option<string> db)
    {
        var (unitClass, quantity, key) = (Text("CLASS", OffsetClassHelp), Whole("QUANTITY", "quantity", "the verified tonnes, ≥ 1"), KeyOption());
        var owner = Required("--owner", "ACCOUNT", "the project owner's holding or investor account");
        var buffer = new Option<string>("--buffer") { Description = "the buffer account that receives the withheld share", HelpName = "ACCOUNT" };
        var percent = new Option<decimal?>("--buffer-percent")
        {
            Description = "the share withheld, in per cent (rounded up to whole tonnes)", HelpName = "PERCENT",
            CustomParser = r => Decimal(r, "bufferPercent"),
        };
        var tonnes = new Option<long?>("--buffer-quantity")
        {
            Description = "the share withheld, in whole tonnes", HelpName = "TONNES",
            CustomParser = r => WholeNumber(r, "bufferQuantity"),
        };
        var reference = new Option<string>("--reference") { Description = "what is issued for, e.g. a monitoring report", HelpName = "TEXT" };
        return Request(db, AsOption(), "issue-offsets",
            "Issue a verified quantity of a defined offset class to the project owner, withholding a buffer share (the regulator).",
            "ets registry issue-offsets CLASS QUANTITY --owner ACCOUNT [--buffer ACCOUNT --buffer-percent P | --buffer-quantity N] " +
            "[--reference TEXT] --as USER [--key KEY] [--db DB]",
            [unitClass, quantity, owner, buffer, percent, tonnes, reference, key],
            r => Parsed(IssueOffsets.TryParse(
                new IssueOffsets.Form(r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(owner), r.GetValue(buffer),
                r.GetValue(percent), r.GetValue(tonnes), r.GetValue(reference), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Verb Retire(Option<string> db)
    {
        var from = Text("FROM", "a holding or investor account you represent");
        var (unitClass, quantity, key) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption());
        var beneficiary = Required("--beneficiary", "TEXT", "on whose behalf the units are retired (shown publicly)");
        var purpose = Required("--purpose", "TEXT", "why, e.g. the emissions offset (shown publicly)");
        return Request(db, AsOption(), "retire",
            "Retire units for a beneficiary and a purpose: listed publicly, and the units never move again.",
            "ets registry retire FROM CLASS QUANTITY --beneficiary TEXT --purpose TEXT --as USER [--key KEY] [--db DB]",
            [from, unitClass, quantity, beneficiary, purpose, key],
            r => Parsed(RetireUnits.TryParse(
                new RetireUnits.Form(r.GetValue(from), r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(beneficiary),
                r.GetValue(purpose), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Option<string> Required(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, Required = true };

    private static decimal? Decimal(ArgumentResult result, string field)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError($"{field}: '{text}' is not a number");
        return null;
    }
}
