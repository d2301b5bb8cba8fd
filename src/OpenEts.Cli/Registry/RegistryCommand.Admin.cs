using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;

namespace OpenEts.Cli.Registry;

// open-account, block/unblock/close, add-rep/remove-rep, correct: the regulator's requests, parse → call → map. The
// handler checks the regulator's role; the registry's own list of the regulator's officers then decides (NotRegulator).
internal static partial class RegistryCommand
{
    private static Verb OpenAccount(Option<string> db)
    {
        var number = Text("NUMBER", "the new account's number (A–Z, a–z, 0–9, -)");
        var kind = Text("KIND", "holding, investor or clearing");
        var holder = Text("HOLDER-NAME", "the holder's name");
        var representatives = new Option<string[]>("--rep")
        {
            Description = "an authorised representative (a platform user); give it once per representative, at least two",
            HelpName = "USER",
        };
        var key = KeyOption();
        return Request(db, AsOption(), "open-account", "Open a holding, investor or clearing account (the regulator).",
            "ets registry open-account NUMBER KIND HOLDER-NAME --rep USER --rep USER [--rep USER…] --as USER [--key KEY] [--db DB]",
            [number, kind, holder, representatives, key],
            r => Parsed(Application.Registry.OpenAccount.TryParse(
                new OpenAccount.Form(r.GetValue(number), r.GetValue(kind), r.GetValue(holder), r.GetValue(representatives),
                r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Verb ChangeState(Option<string> db, string name)
    {
        var (change, description) = name switch
        {
            "block" => (AccountStateChange.Block, "Block (冻结) an open account: no units leave it at the holder's request."),
            "unblock" => (AccountStateChange.Unblock, "Reopen a blocked account."),
            _ => (AccountStateChange.Close, "Close (注销) an open or blocked account that holds nothing, for good."),
        };
        var (account, reason, key) = (Text("ACCOUNT", "the account"), ReasonOption("why (journalled)"), KeyOption());
        return Request(db, AsOption(), name, description,
            $"ets registry {name} ACCOUNT --reason TEXT --as USER [--key KEY] [--db DB]", [account, reason, key],
            r => Parsed(ChangeAccountState.TryParse(
                new ChangeAccountState.Form(r.GetValue(account), change, r.GetValue(reason), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)),
                out var c, out var e), c, e));
    }

    private static Verb Representative(Option<string> db, bool add)
    {
        var (account, user, key) = (Text("ACCOUNT", "the account"), Text("USER", "a platform user"), KeyOption());
        var name = add ? "add-rep" : "remove-rep";
        var usage = $"ets registry {name} ACCOUNT USER --as USER [--key KEY] [--db DB]";
        return add
            ? Request(db, AsOption(), name, "Make a platform user an authorised representative (授权代表) of the account.", usage,
                [account, user, key], r => Parsed(AddRepresentative.TryParse(new AddRepresentative.Form(r.GetValue(account), r.GetValue(user),
                    r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e))
            : Request(db, AsOption(), name, "Remove a representative; an account keeps at least two.", usage,
                [account, user, key], r => Parsed(RemoveRepresentative.TryParse(new RemoveRepresentative.Form(r.GetValue(account), r.GetValue(user),
                    r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static Verb Correct(Option<string> db)
    {
        var (from, to) = (Text("FROM", "the account the units leave"), Text("TO", "the account they go to"));
        var unitClass = Text("CLASS", ClassHelp);
        var quantity = new Argument<long?>("QUANTITY")
        {
            Description = "the lowest QUANTITY serials of the class (or give --serials)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = r => WholeNumber(r, "quantity"),
        };
        var serials = new Option<long[]?>("--serials")
        {
            Description = "exactly the serials FIRST to LAST (inclusive), instead of QUANTITY",
            HelpName = "FIRST-LAST",
            CustomParser = SerialRange,
        };
        var (reason, key) = (ReasonOption("why (journalled)"), KeyOption());
        return Request(db, AsOption(), "correct", "Move units between any two accounts to correct an error (the regulator).",
            "ets registry correct FROM TO CLASS (QUANTITY | --serials FIRST-LAST) --reason TEXT --as USER [--key KEY] [--db DB]",
            [from, to, unitClass, quantity, serials, reason, key],
            r => Parsed(CorrectUnits.TryParse(
                new CorrectUnits.Form(r.GetValue(from), r.GetValue(to), r.GetValue(unitClass), r.GetValue(quantity),
                First(r.GetValue(serials)), Last(r.GetValue(serials)), r.GetValue(reason), r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli)), out var c, out var e), c, e));
    }

    private static long? First(long[]? range) => range is [var first, _] ? first : null;

    private static long? Last(long[]? range) => range is [_, var last] ? last : null;

    // FIRST-LAST as two numbers; whether they make a range is CorrectUnits' rule.
    private static long[]? SerialRange(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var parts = text.Split('-');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return [first, last];
        }
        result.AddError($"--serials must be FIRST-LAST, two whole numbers, not '{text}'");
        return null;
    }
}
