using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// One entity's allocation of a year with its calculation: each step's formula and terms with their sources and flags,
/// for the pre-allocation and the final allocation, the true-up; and the same as .xlsx. A company sees its own only
/// (<see cref="AllocationQueries.MaySee"/>); anyone else gets "not found".
/// </summary>
[Authorize(Roles = Access.AllocationReaders)]
public sealed class EntityModel(AllocationQueries queries) : AllocationPageModel
{
    public EntityAllocationView? View { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string Jurisdiction { get; set; } = "guangdong";

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = 2017;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The approved emission report each stage shown is computed from (its id), by stage, when the reader may see it.</summary>
    public IReadOnlyDictionary<AllocationStage, long> BasisReports { get; private set; } = new Dictionary<AllocationStage, long>();

    /// <summary>The products of the plans the allocation followed, code → name, so that a product's step reads by its name.</summary>
    public Dictionary<string, string> Products { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A year in the address that is no number (?year=abc) is named, with the year whose allocation is shown instead.
        Unbound.Name(Errors, ModelState, field => field == "year" ? Year.ToString(CultureInfo.InvariantCulture) : null);
        (View, var unknown) = await LoadAsync(ct);
        if (View is { } view)
        {
            BasisReports = await queries.BasisReportsAsync(User.Actor(), view, ct);
        }
        foreach (var record in new[] { View?.Pre, View?.Final }.OfType<AllocationRecord>())
        {
            if (await queries.PlanAsync(record.PlanId, record.Version, ct) is { } stored)
            {
                foreach (var product in stored.Plan.Sectors.SelectMany(s => s.Products))
                {
                    Products.TryAdd(product.Id, product.Name);
                }
            }
        }
        if (unknown is not null)
        {
            // No entity in the address, no credit code, or none whose allocation the reader may see: named as typed.
            Unbound.Name(Errors, unknown, Text.T("address.nothing"));
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if ((await LoadAsync(ct)).Found is not { } view)
        {
            return NotFound();
        }
        using var buffer = new MemoryStream();
        AllocationWorkbook.Write(buffer, view);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"allocation-{Jurisdiction}-{Year}-{view.Organisation}.xlsx");
    }

    private async Task<(EntityAllocationView? Found, FieldError? Error)> LoadAsync(CancellationToken ct)
    {
        var (found, error) = await queries.AllocationOfAsync(User.Actor(), Code, Jurisdiction, Year, ct);
        Code ??= found?.Organisation;
        return (found, error);
    }
}
