using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Exchange;

// What the allowance auction tests of the exchange share: the Guangdong 2017 plan approved, and an auction of GDEA-2017
// announced through the API, open from a minute ago for 30 minutes, its reserve 16.09 yuan/t (turnover 6 436 000 yuan over
// 400 000 t, guangdong.md §1.6).
internal static class AllowanceAuctionApi
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Imports and approves the Guangdong 2017 plan; returns the regulator as an actor.</summary>
    public static async Task<Actor> ApprovePlanAsync(ServerFactory server, CancellationToken ct)
    {
        var store = server.Services.GetRequiredService<IStore>();
        var user = await store.ReadAsync(s => s.Users.FindByNameAsync("regulator"), ct);
        var plans = new AllocationCommandHandler(store, server.Clock);
        var actor = new Actor(user!.Id, user.UserName, user.Role, user.OrganisationId);
        await plans.HandleAsync(actor, new ImportPlan(PlanJson.Shipped("guangdong-2017")), ct);
        await plans.HandleAsync(actor, new ApprovePlan("guangdong-2017", 1), ct);
        return actor;
    }

    /// <summary>The month <paramref name="back"/> months from the Beijing month of <paramref name="now"/> as typed, <c>yyyy-MM</c>: the reserve averages the months before the notice.</summary>
    public static string Month(DateTimeOffset now, int back) => now.ToOffset(Beijing).AddMonths(back).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Announces <paramref name="volume"/> t of GDEA-2017 as <paramref name="regulator"/>; the answer is the caller's to read.</summary>
    public static Task<HttpResponseMessage> AnnounceAsync(ServerFactory server, HttpClient regulator, long volume, string key, CancellationToken ct,
        string jurisdiction = "guangdong")
    {
        var now = server.Clock.GetUtcNow().ToOffset(Beijing);
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return regulator.PostAsJsonAsync("/api/v1/auctions", new
        {
            jurisdiction, year = 2017, @class = "GDEA-2017", volume, opensAt = Time(now.AddMinutes(-1)),
            closesAt = Time(now.AddMinutes(30)),
            reserveInputs = new object[]
            {
                new { month = Month(now, -3), turnover = 1_500_000m, volume = 100_000 }, new { month = Month(now, -2), turnover = 3_200_000m, volume = 200_000 },
                new { month = Month(now, -1), turnover = 1_736_000m, volume = 100_000 },
            },
            idempotencyKey = key,
        }, ct);
    }
}
