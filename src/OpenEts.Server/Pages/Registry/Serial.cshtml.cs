using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Registry;

/// <summary>
/// Serial lookup: which account holds one serial of a class. A company or the exchange sees the holder only when it
/// is an account it represents; otherwise only that another account holds it.
/// </summary>
[Authorize(Roles = Access.RegistryReaders)]
public sealed class SerialModel(RegistryQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "class")]
    public string? Class { get; set; }

    [BindProperty(SupportsGet = true, Name = "serial")]
    public long? Serial { get; set; }

    public IReadOnlyList<UnitClass> Classes { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>A class was asked for that the registry has never issued (or that is no class at all).</summary>
    public bool UnknownClass { get; private set; }

    /// <summary>The serial as typed when it is not a whole number ≥ 1; null otherwise.</summary>
    public string? BadSerial { get; private set; }

    /// <summary>The holder when the user may see it; null with <see cref="HeldElsewhere"/> false when nobody holds it.</summary>
    public RegistryAccount? Holder { get; private set; }

    public bool HeldElsewhere { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var typed = Request.Query["serial"].ToString().Trim();
        BadSerial = typed.Length > 0 && Serial is not > 0 ? typed : null;
        Searched = !string.IsNullOrWhiteSpace(Class) && (Serial is not null || BadSerial is not null);
        Classes = await queries.IssuedClassesAsync(ct);
        UnknownClass = Searched && !(UnitClass.TryParse(Class, out var asked) && Classes.Contains(asked));
        if (Searched && !UnknownClass && BadSerial is null && UnitClass.TryParse(Class, out var unitClass))
        {
            var holding = await queries.SerialAsync(User.Actor(), unitClass, Serial!.Value, ct);
            Holder = (holding as SerialHolding.HeldBy)?.Account;
            HeldElsewhere = holding is SerialHolding.HeldElsewhere;
        }
    }
}
