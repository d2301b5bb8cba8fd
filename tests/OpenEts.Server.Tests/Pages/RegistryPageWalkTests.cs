using System.Net;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// Every form of every registry page that writes, posted with one field at a time made malformed (left out, blank, not a
/// number, beyond int64, negative, control characters, 5,000 characters, an unknown account, class, user or proposal):
/// no answer is a server error and the registry does not change. The same forms, filled in well, do go through.
/// </summary>
public sealed class RegistryPageWalkTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Missing = "(missing)";
    private const string FreshKey = "(fresh key)";
    private const string Walk = "GD-INV-WALK-3";
    private static readonly string Long = new('A', 5000);

    private static readonly string[] Accounts = [Missing, "", "GD-NOPE-0000", "-1", "\u0001GD", Long];
    private static readonly string[] NewAccounts = [Missing, "", RegistryForms.Power, "\u0001GD", Long];
    private static readonly string[] Classes = [Missing, "", "XXEA-1999", "-1", "\u0007", Long];
    private static readonly string[] Numbers =
        [Missing, "", "abc", "1.5", "-5", "0", "99999999999999999999999", "9223372036854775807", "\u0001", new string('9', 5000)];
    private static readonly string[] Years = [Missing, "", "abc", "-1", "0", "99999999999", "3000", "2016"];
    private static readonly string[] Proposals = [Missing, "", "abc", "-1", "0", "99999999999999999999", "9223372036854775807", "\u0001"];
    private static readonly string[] Users = [Missing, "", "nobody", "-1", "\u0001", Long];
    private static readonly string[] RequiredTexts = [Missing, "", "   ", Long];
    private static readonly string[] Kinds = [Missing, "", "abc", "Issuance", "5", "\u0001"];
    private static readonly string[] Changes = [Missing, "", "abc", "1", "Block, Close", "\u0001"];
    private static readonly string[] Keys = [Missing, "", "\u0001", new string('k', 200)];

    private static IEnumerable<PageForm> Variants(PageForm form, string field, IEnumerable<string> values) =>
        values.Select(v => (v == Missing ? form.With(field) : form.With(field, v)) with { Name = $"{form.Name} {field}={Show(v)}" });

    private static string Show(string value) =>
        value.Length > 30 ? $"({value.Length} chars)" : value.Any(char.IsControl) ? "(control)" : $"'{value}'";

    // The bad forms of each good one: one field at a time, plus the account in the address for the administration forms.
    private static List<PageForm> Malformed(IReadOnlyList<PageForm> good)
    {
        // Every variant not about the key carries a fresh one (made when posted), so the key hides no other fault.
        good = [.. good.Select(f => f.With(f.KeyField, FreshKey))];
        var bad = new List<PageForm>();
        foreach (var form in good)
        {
            bad.AddRange(Variants(form, form.KeyField, Keys));
            foreach (var (field, _) in form.Fields.DistinctBy(f => f.Key).Where(f => f.Key != form.KeyField))
            {
                bad.AddRange(Variants(form, field, field switch
                {
                    "Input.From" or "Input.To" or "SurrenderInput.From" or "CancelInput.From" or "AllocateInput.To"
                        or "CorrectionInput.From" or "CorrectionInput.To" => Accounts,
                    "OpenInput.Number" => NewAccounts,
                    _ when field.EndsWith(".Class", StringComparison.Ordinal) => Classes,
                    _ when field.EndsWith(".Quantity", StringComparison.Ordinal) => Numbers,
                    "SurrenderInput.ComplianceYear" => Years,
                    "proposal" => Proposals,
                    "RepresentativeInput.User" or "representative" => Users,
                    "StateInput.Reason" or "CorrectionInput.Reason" or "CancelInput.Reason" or "OpenInput.HolderName" => RequiredTexts,
                    "OpenInput.Kind" => Kinds,
                    "change" => Changes,
                    "OpenInput.Representatives" => [Missing, "exchange"],
                    "CorrectionInput.By" => [],
                    _ => throw new InvalidOperationException($"No bad values for {field}"),
                }));
            }
        }
        var open = good.Single(f => f.Name == "open");
        bad.AddRange(new[] { "nobody", "\u0001", Long, "exchange" }.Select(other =>
            open.With("OpenInput.Representatives", "exchange", other) with { Name = $"open representatives=exchange,{Show(other)}" }));
        var serials = good.Single(f => f.Name == "correct").With("CorrectionInput.By", "serials").With("CorrectionInput.Quantity");
        foreach (var (first, last) in new[] { ("", ""), ("abc", "5"), ("-1", "5"), ("0", "5"), ("10", "5"), ("1", "99999999999999999999"),
            ("1", "9223372036854775807"), ("1", "") })
        {
            bad.Add(serials.With("CorrectionInput.First", first).With("CorrectionInput.Last", last)
                with { Name = $"correct serials={Show(first)}..{Show(last)}" });
        }
        foreach (var form in good.Where(f => f.Url.Contains($"account={Walk}", StringComparison.Ordinal)))
        {
            foreach (var account in new[] { "GD-NOPE-0000", "%01", Long, "" })
            {
                var url = form.Url.Replace($"account={Walk}", $"account={account}", StringComparison.Ordinal);
                bad.Add(form with { Url = url, Name = $"{form.Name} account={Show(account)}" });
            }
        }
        return bad;
    }

    [Fact]
    public async Task RegistryPageForms_WithMalformedInput_NeverAnswer500AndChangeNothing()
    {
        // A well-filled surrender for 2017 needs the year's compliance rules (the demo's plan, approved).
        await server.ApproveDemoPlanAsync();
        var regulator = await PageSession.SignInAsync(server, "regulator");
        var powerA = await PageSession.SignInAsync(server, "power-a");
        Assert.Equal(HttpStatusCode.Redirect, (await regulator.PostAsync(RegistryForms.Open(Walk), PageSession.NewKey())).Status);
        Assert.Equal(HttpStatusCode.Redirect,
            (await regulator.PostAsync(RegistryForms.AddRepresentative(Walk, "power-a"), PageSession.NewKey())).Status);
        var proposals = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var proposed = await powerA.PostAsync(RegistryForms.Transfer(), PageSession.NewKey());
            var id = proposed.Location![(proposed.Location!.IndexOf("proposed=", StringComparison.Ordinal) + "proposed=".Length)..].Split('#')[0];
            proposals.Add(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        }
        IReadOnlyList<PageForm> good =
        [
            RegistryForms.Transfer(), RegistryForms.Approve(proposals[0]), RegistryForms.Reject(proposals[1]), RegistryForms.Surrender(),
            RegistryForms.Cancel(), RegistryForms.Issue(), RegistryForms.Allocate(), RegistryForms.Open("GD-INV-WALK-1"),
            RegistryForms.AddRepresentative(Walk, "cement-a"), RegistryForms.RemoveRepresentative(Walk, "power-a"),
            RegistryForms.Correct(), RegistryForms.State(Walk),
        ];
        var sessions = new Dictionary<string, PageSession> { ["regulator"] = regulator, ["power-a"] = powerA,
            ["power-b"] = await PageSession.SignInAsync(server, "power-b") };

        var failures = new List<string>();
        var walked = 0;
        foreach (var form in Malformed(good))
        {
            var before = await PageSession.RegistryStateAsync(server);
            var fresh = form.Fields.Any(f => f.Key == form.KeyField && f.Value == FreshKey);
            var posted = await sessions[form.User].PostAsync(fresh ? form.With(form.KeyField, PageSession.NewKey()) : form, key: null);
            var after = await PageSession.RegistryStateAsync(server);
            walked++;
            if ((int)posted.Status >= 500 || before != after)
            {
                failures.Add($"{form.Name}: {(int)posted.Status}{(before != after ? ", changed the registry" : "")}");
            }
        }
        var wellFilled = new List<string>();
        foreach (var form in good)
        {
            var before = await PageSession.RegistryStateAsync(server);
            var posted = await sessions[form.User].PostAsync(form, PageSession.NewKey());
            if ((await PageSession.RegistryStateAsync(server)).Events != before.Events + 1)
            {
                wellFilled.Add($"{form.Name}: {(int)posted.Status}");
            }
        }

        Assert.True(walked > 150, $"walked {walked}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(wellFilled.Count == 0, "these good forms did not go through, so their walk proves little:\n" + string.Join("\n", wellFilled));
    }
}
