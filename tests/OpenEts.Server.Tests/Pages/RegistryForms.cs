using System.Globalization;

namespace OpenEts.Server.Tests.Pages;

/// <summary>Every form of the registry pages that writes, filled in as a user would so that it goes through.</summary>
internal static class RegistryForms
{
    public const string Power = "GD-HOLD-POWER";
    public const string Cement = "GD-HOLD-CEMENT";
    public const string Steel = "GD-HOLD-STEEL";
    public const string Class = "GDEA-2017";

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    public static PageForm Transfer() => new("transfer", "power-a", "/Registry/Transfer", "Input.Key",
        [F("Input.From", Power), F("Input.To", Cement), F("Input.Class", Class), F("Input.Quantity", "1")]);

    /// <summary>Approves <paramref name="proposal"/> (proposed by power-a from GD-HOLD-POWER) as power-b.</summary>
    public static PageForm Approve(long proposal) => new("approve", "power-b", $"/Registry/Account/{Power}?handler=Approve", "key",
        [F("proposal", proposal.ToString(CultureInfo.InvariantCulture))]);

    public static PageForm Reject(long proposal) => new("reject", "power-b", $"/Registry/Account/{Power}?handler=Reject", "key",
        [F("proposal", proposal.ToString(CultureInfo.InvariantCulture))]);

    public static PageForm Surrender() => new("surrender", "power-a", "/Registry/Surrender?handler=Surrender", "SurrenderInput.Key",
        [F("SurrenderInput.From", Power), F("SurrenderInput.Class", Class), F("SurrenderInput.Quantity", "1"),
            F("SurrenderInput.ComplianceYear", "2017")]);

    public static PageForm Cancel() => new("cancel", "power-a", "/Registry/Surrender?handler=Cancel", "CancelInput.Key",
        [F("CancelInput.From", Power), F("CancelInput.Class", Class), F("CancelInput.Quantity", "1"), F("CancelInput.Reason", "碳中和")]);

    public static PageForm Issue() => new("issue", "regulator", "/Registry/Issue?handler=Issue", "IssueInput.Key",
        [F("IssueInput.Class", Class), F("IssueInput.Quantity", "1")]);

    public static PageForm Allocate() => new("allocate", "regulator", "/Registry/Issue?handler=Allocate", "AllocateInput.Key",
        [F("AllocateInput.To", Steel), F("AllocateInput.Class", Class), F("AllocateInput.Quantity", "1")]);

    public static PageForm Open(string number) => new("open", "regulator", "/Registry/Admin?handler=Open", "OpenInput.Key",
        [F("OpenInput.Number", number), F("OpenInput.Kind", "Investor"), F("OpenInput.HolderName", "示范投资"),
            F("OpenInput.Representatives", "exchange"), F("OpenInput.Representatives", "exchange-b")]);

    public static PageForm State(string account) => new("state", "regulator", $"/Registry/Admin?account={account}&handler=State",
        "StateInput.Key", [F("change", "block"), F("StateInput.Reason", "演示")]);

    public static PageForm AddRepresentative(string account, string user) => new("addrep", "regulator",
        $"/Registry/Admin?account={account}&handler=AddRepresentative", "RepresentativeInput.Key", [F("RepresentativeInput.User", user)]);

    public static PageForm RemoveRepresentative(string account, string user) => new("removerep", "regulator",
        $"/Registry/Admin?account={account}&handler=RemoveRepresentative", "key", [F("representative", user)]);

    public static PageForm Correct() => new("correct", "regulator", $"/Registry/Admin?account={Steel}&handler=Correct", "CorrectionInput.Key",
        [F("CorrectionInput.From", Steel), F("CorrectionInput.To", "GD-ISSUANCE"), F("CorrectionInput.Class", Class),
            F("CorrectionInput.By", "quantity"), F("CorrectionInput.Quantity", "1"), F("CorrectionInput.Reason", "演示更正")]);
}
