using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Compliance;

/// <summary>
/// Surrenders units for compliance (履约清缴) from an account the actor represents, after the year's compliance rules
/// accept them: a refused unit never moves. <see cref="ComplianceHandler"/> runs it.
/// </summary>
public sealed record SurrenderForCompliance(
    string Jurisdiction, AccountNumber From, UnitClass Class, AllowanceCount Quantity, int ComplianceYear, IdempotencyKey Key)
{
    /// <summary>The request as typed; a blank jurisdiction is <see cref="ComplianceRulebook.DefaultJurisdiction"/>.</summary>
    public sealed record Form(string? Jurisdiction, string? From, string? Class, long? Quantity, int? ComplianceYear, string? IdempotencyKey);

    /// <summary>Company representatives surrender for their own entity.</summary>
    public static IReadOnlyList<Role> Roles { get; } = [Role.CompanyRepresentative];

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out SurrenderForCompliance? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = ReadJurisdiction(read, form.Jurisdiction);
        var from = read.Account(form.From, "from");
        var unitClass = read.Class(form.Class);
        var quantity = read.Quantity(form.Quantity);
        var year = read.Year(form.ComplianceYear);
        var key = read.Key(form.IdempotencyKey);
        command = read.IsValid ? new SurrenderForCompliance(jurisdiction, from, unitClass, quantity, year, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>A jurisdiction code as typed (two letters, upper-cased), or the default when blank.</summary>
    public static string ReadJurisdiction(FieldReader read, string? text)
    {
        ArgumentNullException.ThrowIfNull(read);
        var code = FieldReader.Text(text).ToUpperInvariant();
        if (code.Length == 0)
        {
            return ComplianceRulebook.DefaultJurisdiction;
        }
        if (code.Length != 2 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
        {
            read.Fail("jurisdiction", "UnknownValue", $"'{text}' is not a jurisdiction code (e.g. GD, CN)");
        }
        return code;
    }

    /// <summary>The registry request that checks the rules inside the registry's single writer, then surrenders.</summary>
    internal CheckedSurrender Checked(ComplianceInputs inputs, CreditCode entity) => new(this, inputs, entity);
}

/// <summary>
/// <see cref="SurrenderForCompliance"/> with its inputs, as a registry request: inside the single writer it brings the
/// year up to the ledger's surrenders (this entity's and the province's totals as they are now; the year is kept
/// between surrenders by <see cref="ComplianceYearCache"/>, so only the surrenders since the last one are recorded),
/// checks the unit and the quantity against the rules, and only then asks the ledger to surrender. Two surrenders never
/// pass the same cap together: the second is checked after the first is in the ledger. The year it checked against,
/// with this surrender recorded into it once the ledger took it, is <see cref="After"/>.
/// </summary>
internal sealed class CheckedSurrender(SurrenderForCompliance request, ComplianceInputs inputs, CreditCode entity) : IRegistryCommand
{
    /// <summary>The compliance rule that refused the surrender on the last run, or null.</summary>
    public ComplianceRefusal? Refusal { get; private set; }

    /// <summary>After a run the ledger completed: the year with every surrender in the ledger, this one included.</summary>
    public ComplianceYear? After { get; private set; }

    public IReadOnlyList<Role> Roles => SurrenderForCompliance.Roles;

    public IdempotencyKey Key => request.Key;

    public RegistryOutcome Execute(RegistryLedger ledger, UserId actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Refusal = null;
        After = null;
        // The year as kept since the last surrender, brought up to date (a full replay only when something it depends on changed).
        var book = ComplianceYearCache.Current(ledger, inputs);
        var repeat = ledger.SurrendersFor(request.ComplianceYear).Any(s => s.Actor == actor && s.Key == request.Key);
        // The ledger answers for itself an unknown account, a non-representative and a repeated request.
        if (!repeat && ledger.FindAccount(request.From) is { } account && account.IsRepresentative(actor))
        {
            var unit = inputs.AttributesOf(request.Class);
            Refusal = book.Check(entity, unit, inputs.FactsOf(request.Class), request.Quantity.Value);
            if (Refusal is { } refused)
            {
                return new RegistryOutcome.Rejected(RegistryRejection.NotEligibleForCompliance, FieldOf(refused.Rule), refused.Message);
            }
        }
        var outcome = ledger.Surrender(actor, now, request.Key, request.From, request.Class, request.Quantity.Value, request.ComplianceYear, entity);
        if (outcome is RegistryOutcome.Completed)
        {
            // The kept year with this surrender recorded as a replay would record it (nothing new for a duplicate).
            After = ComplianceYearCache.Current(ledger, inputs);
        }
        return outcome;
    }

    /// <summary>The request field a compliance rule is about.</summary>
    public static string FieldOf(ComplianceRule rule) => rule switch
    {
        ComplianceRule.NoRules or ComplianceRule.NoApprovedEmissions => "complianceYear",
        ComplianceRule.ExceedsObligation or ComplianceRule.OffsetCap
            or ComplianceRule.InProvinceShare or ComplianceRule.ProvinceCap
            or ComplianceRule.InProvinceFirst => "quantity",
        _ => "class",
    };
}
