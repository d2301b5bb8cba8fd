using OpenEts.Application.Storage;

namespace OpenEts.Storage.Tests;

// The newest entry of many subjects in one read (the exchange's list of client accounts reads each client's newest move so):
// per subject the entry the audit log's page with that subject and prefix shows first, other kinds and subjects left out.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Journal_NewestOfSubjects_IsEachSubjectsNewestEntryOfTheKindsAskedAsThePageShowsIt()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendManyAsync([
            (Now, "a", "exchange.client.transfer.offered", "7", """{"to":2}"""),
            (Now, "b", "exchange.client.transfer.declined", "7", """{"to":2,"reason":"no"}"""),
            (Now, "a", "exchange.account.suspended", "7", "{}"),
            (Now, "a", "exchange.client.transfer.offered", "8", """{"to":3}"""),
            (Now, "a", "exchange.client.transfer.offered", "9", """{"to":2}"""),
            (Now, "c", "exchange.client.transfer.refused", "9", """{"to":2}"""),
            (Now, "a", "exchange.client.transfer.offered", "9", """{"to":3}"""),
            (Now, "a", "exchange.account.closed", "10", "{}"),
            (Now, "a", "exchange.client.transfer.offered", "11", """{"to":2}"""),
        ]), Ct);
        string[] subjects = ["7", "8", "9", "10", "12", "7"];

        var newest = await store.ReadAsync(s => s.Journal.NewestOfSubjectsAsync(subjects, "exchange.client.transfer"), Ct);
        var paged = await store.ReadAsync(async s =>
        {
            var firsts = new List<Domain.Journal.JournalEntry>();
            foreach (var subject in subjects.Distinct())
            {
                firsts.AddRange(await s.Journal.PageAsync(new JournalFilter(subject, KindPrefix: "exchange.client.transfer"), 0, 1));
            }
            return firsts;
        }, Ct);
        var none = await store.ReadAsync(s => s.Journal.NewestOfSubjectsAsync([], "exchange.client.transfer"), Ct);

        Assert.Equal([("9", "exchange.client.transfer.offered", "a"), ("8", "exchange.client.transfer.offered", "a"), ("7", "exchange.client.transfer.declined", "b")],
            newest.Select(e => (e.Subject, e.Kind, e.Actor)));
        Assert.Equal(paged.OrderByDescending(e => e.Sequence), newest);
        Assert.Equal("""{"to":2,"reason":"no"}""", newest[^1].Payload);
        Assert.Empty(none);
    }
}
