using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Registry;

namespace OpenEts.Server.Pages.Registry;

// The form handlers: open, change state, representatives, correction. Each reads its form into the command's and
// leaves every rule to the command and the registry.
public sealed partial class AdminModel
{
    private static readonly RegistryForm OpenForm = new("open", "number", "kind", "holderName", "representatives");
    private static readonly RegistryForm StateForm = new("state", "reason");
    private static readonly RegistryForm RepresentativeForm = new("rep", "user");
    private static readonly RegistryForm CorrectionForm = new("correct", "from", "to", "class", "quantity", "serials", "reason");

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var input = OpenInput;
        var parsed = OpenAccount.TryParse(new(input.Number, input.Kind, input.HolderName, input.Representatives, input.Key),
            out var command, out var errors);
        return await AfterAsync(await SendAsync(OpenForm, input, parsed, command, errors, ct), "opened", ct);
    }

    /// <summary>Blocks, unblocks or closes the selected account (<paramref name="change"/>: block, unblock, close).</summary>
    public async Task<IActionResult> OnPostStateAsync(string? change, CancellationToken ct)
    {
        // The button pressed names the change; any other value was not sent by this page.
        if (change is null || !change.All(char.IsAsciiLetter)
            || !Enum.TryParse<AccountStateChange>(change, ignoreCase: true, out var stateChange))
        {
            return BadRequest();
        }
        var parsed = ChangeAccountState.TryParse(new(Number, stateChange, StateInput.Reason, StateInput.Key),
            out var command, out var errors);
        var done = stateChange switch
        {
            AccountStateChange.Block => "blocked",
            AccountStateChange.Unblock => "unblocked",
            _ => "closed",
        };
        return await AfterAsync(await SendAsync(StateForm, StateInput, parsed, command, errors, ct), done, ct);
    }

    public async Task<IActionResult> OnPostAddRepresentativeAsync(CancellationToken ct)
    {
        var input = RepresentativeInput;
        var parsed = AddRepresentative.TryParse(new(Number, input.User, input.Key), out var command, out var errors);
        return await AfterAsync(await SendAsync(RepresentativeForm, input, parsed, command, errors, ct), "repadded", ct);
    }

    public async Task<IActionResult> OnPostRemoveRepresentativeAsync(string? representative, string? key, CancellationToken ct)
    {
        // The remove buttons carry their key (made when the page is shown), so there is no bound form to give a fresh one.
        var parsed = RemoveRepresentative.TryParse(new(Number, representative, key), out var command, out var errors);
        return await AfterAsync(await SendAsync(RepresentativeForm, null, parsed, command, errors, ct), "repremoved", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        var input = CorrectionInput;
        var bySerials = input.By == "serials";
        var parsed = CorrectUnits.TryParse(new(input.From, input.To, input.Class, bySerials ? null : input.Quantity,
            bySerials ? input.First : null, bySerials ? input.Last : null, input.Reason, input.Key),
            out var command, out var errors);
        return await AfterAsync(await SendAsync(CorrectionForm, input, parsed, command, errors, ct), "corrected", ct);
    }
}
