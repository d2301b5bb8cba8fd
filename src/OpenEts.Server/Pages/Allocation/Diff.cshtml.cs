using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Allocation;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>The differences between two versions of a plan: every JSON path whose value changed, was added or removed.</summary>
[Authorize(Roles = Access.AllocationPlanReaders)]
public sealed class DiffModel(AllocationQueries queries) : AllocationPageModel
{
    public sealed record Change(string Path, string? Before, string? After);

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (from, unknownFrom) = await queries.PlanOfAsync(Id, From, "from", ct);
        var (to, unknownTo) = await queries.PlanOfAsync(Id, To, "to", ct);
        // A version that is no number (?from=a) is named as typed; then the plan and versions there are not.
        var nothing = Text.T("address.nothing");
        Unbound.Name(Errors, ModelState, field => field is "from" or "to" ? nothing : null);
        foreach (var unknown in new[] { unknownFrom, unknownTo }.OfType<FieldError>())
        {
            Unbound.Name(Errors, unknown, nothing);
        }
        if (from is null || to is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var changes = new List<Change>();
        Compare(JsonNode.Parse(from.Document), JsonNode.Parse(to.Document), "$", changes);
        Changes = changes;
        return Page();
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path, List<Change> changes)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                Compare(oa[key], ob[key], path + "." + key, changes);
            }
        }
        else if (a is JsonArray aa && b is JsonArray ab)
        {
            for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
            {
                Compare(i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, $"{path}[{i}]", changes);
            }
        }
        else if (!JsonNode.DeepEquals(a, b) && path != "$.version")
        {
            changes.Add(new Change(path, a?.ToJsonString(), b?.ToJsonString()));
        }
    }
}
