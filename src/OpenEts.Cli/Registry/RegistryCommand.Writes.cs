using System.CommandLine;
using OpenEts.Application.Compliance;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Cli.Compliance;

namespace OpenEts.Cli.Registry;

// issue, allocate, transfer propose/approve/reject, surrender, cancel: one registry request each, parse → call → map.
internal static partial class RegistryCommand
{
    private const string ClassHelp = "the unit class, e.g. GDEA-2017, CEA-2021, CCER-001234-2019";
    private const string QuantityHelp = "a whole number of tonnes ≥ 1";

    private static Verb Issue(Option<string> db)
    {
        var (unitClass, quantity, key) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption());
        return Request(db, AsOption(), "issue", "Issue new units of a class into the issuance account (the regulator).",
            "ets registry issue CLASS QUANTITY --as USER [--key KEY] [--db DB]", [unitClass, quantity, key],
            r => Parsed(IssueUnits.TryParse(
                new IssueUnits.Form(r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var c, out var e), c, e));
    }

    private static Verb Allocate(Option<string> db)
    {
        var to = Text("TO", "the holding account that receives the units");
        var (unitClass, quantity, key) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption());
        return Request(db, AsOption(), "allocate", "Allocate units from the issuance account, lowest serials first (the regulator).",
            "ets registry allocate TO CLASS QUANTITY --as USER [--key KEY] [--db DB]", [to, unitClass, quantity, key],
            r => Parsed(AllocateUnits.TryParse(
                new AllocateUnits.Form(r.GetValue(to), r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var c, out var e), c, e));
    }

    private static Verb Propose(Option<string> db)
    {
        var (from, to) = (Text("FROM", "an account you represent"), Text("TO", "the receiving account"));
        var (unitClass, quantity, key) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption());
        return Request(db, AsOption(), "propose",
            "Propose a transfer; another representative of FROM must approve it. It stays open to the end of the UTC day a week on.",
            "ets registry transfer propose FROM TO CLASS QUANTITY --as USER [--key KEY] [--db DB]", [from, to, unitClass, quantity, key],
            r => Parsed(ProposeTransfer.TryParse(
                new ProposeTransfer.Form(r.GetValue(from), r.GetValue(to), r.GetValue(unitClass), r.GetValue(quantity),
                r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Verb Approve(Option<string> db)
    {
        var (id, key, actor) = (Whole("ID", "id", "the proposal's number"), KeyOption(), AsOption());
        // Approving the same proposal twice as the same user is one request.
        return Request(db, actor, "approve", "Approve a pending proposal (not your own): the units move at once.",
            "ets registry transfer approve ID --as USER [--key KEY] [--db DB]", [id, key],
            r => Parsed(ApproveTransfer.TryParse(
                new ApproveTransfer.Form(r.GetValue(id), r.GetValue(key) ?? $"cli:approve:{r.GetValue(id)}:{r.GetValue(actor)}"),
                out var c, out var e), c, e));
    }

    private static Verb Reject(Option<string> db)
    {
        var (id, key, reason) = (Whole("ID", "id", "the proposal's number"), KeyOption(), ReasonOption("why it is rejected"));
        return Request(db, AsOption(), "reject", "Reject a pending proposal (its proposer withdraws it).",
            "ets registry transfer reject ID --as USER --reason TEXT [--key KEY] [--db DB]", [id, reason, key],
            r => Parsed(RejectTransfer.TryParse(
                new RejectTransfer.Form(r.GetValue(id), r.GetValue(reason), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var c, out var e), c, e));
    }

    // Surrendering for a compliance year is compliance's use case: the same as `ets compliance surrender` (default
    // jurisdiction), refused with the year's rule named before any unit moves.
    private static Verb Surrender(Option<string> db)
    {
        var from = Text("FROM", "an account you represent");
        var (unitClass, quantity, key, actor) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption(), AsOption());
        var year = new Option<int>("--year")
        {
            Description = "the compliance year", HelpName = "YYYY", Required = true,
            CustomParser = r => WholeNumber(r, "--year") is { } y ? (int)Math.Clamp(y, int.MinValue, int.MaxValue) : 0,
        };
        var verb = new Verb("surrender", "Surrender units for a compliance year; refused with the compliance rule named before any unit moves.",
            "ets registry surrender FROM CLASS QUANTITY --year YYYY --as USER [--key KEY] [--db DB]", from, unitClass, quantity, actor, year, key);
        verb.SetAction(async (r, ct) => SurrenderForCompliance.TryParse(
                new SurrenderForCompliance.Form(null, r.GetValue(from), r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(year),
                r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var command, out var errors)
            ? await ComplianceCommand.SurrenderAsync(r, db, r.GetRequiredValue(actor), command, ct).ConfigureAwait(false)
            : await CommandUsage.ErrorAsync(r.InvocationConfiguration.Error, verb, errors.Select(e => e.Message)).ConfigureAwait(false));
        return verb;
    }

    private static Verb Cancel(Option<string> db)
    {
        var from = Text("FROM", "a holding or investor account you represent");
        var (unitClass, quantity, key) = (Text("CLASS", ClassHelp), Whole("QUANTITY", "quantity", QuantityHelp), KeyOption());
        var reason = ReasonOption("why, e.g. the event being offset (journalled)");
        return Request(db, AsOption(), "cancel", "Cancel units voluntarily into the cancellation account, for good.",
            "ets registry cancel FROM CLASS QUANTITY --reason TEXT --as USER [--key KEY] [--db DB]", [from, unitClass, quantity, reason, key],
            r => Parsed(CancelUnits.TryParse(
                new CancelUnits.Form(r.GetValue(from), r.GetValue(unitClass), r.GetValue(quantity), r.GetValue(reason),
                r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }
}
