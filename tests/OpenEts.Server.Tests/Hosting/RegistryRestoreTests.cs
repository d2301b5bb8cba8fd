using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>
/// The server listens while the registry restores (snapshot and journal tail); a registry read that arrives meanwhile
/// waits for the restore and answers from the whole registry, never from a half-restored one.
/// </summary>
public sealed class RegistryRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Retirements = "/api/v1/registry/public/retirements?page=1";

    [Fact]
    public async Task Start_WhileTheRegistryRestores_ListensAndARegistryReadWaitsForTheWholeRegistry()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("openets-restore-").FullName, "openets.db");
        string expected;
        await using (var seeded = new OnDatabase(database, demo: true, gate: null))
        {
            using var anyone = seeded.CreateClient();
            expected = await anyone.GetStringAsync(new Uri(Retirements, UriKind.Relative), Ct);
        }
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var restarted = new OnDatabase(database, demo: false, gate.Task);

        using var client = restarted.CreateClient(); // the host has started: it did not wait for the registry
        var read = client.GetAsync(new Uri(Retirements, UriKind.Relative), Ct);
        var early = await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(300), Ct));
        gate.SetResult();
        using var answer = await read;

        Assert.NotSame(read, early);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("南粤示范航空有限公司", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Start_WhileTheRegistryRestores_PagesThatDoNotReadTheRegistryAnswer()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("openets-restore-").FullName, "openets.db");
        await using (var seeded = new OnDatabase(database, demo: true, gate: null))
        {
            using var anyone = seeded.CreateClient();
            await anyone.GetStringAsync(new Uri(Retirements, UriKind.Relative), Ct);
        }
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var restarted = new OnDatabase(database, demo: false, gate.Task);
        using var client = restarted.CreateClient();
        var read = client.GetAsync(new Uri(Retirements, UriKind.Relative), Ct);

        // Held restore: the sign-in page answers meanwhile (a generous bound, so a page waiting for the restore fails
        // instead of hanging), and the registry read is still waiting.
        using var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        var registryWaited = !read.IsCompleted;
        gate.SetResult();
        using var answer = await read;

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(registryWaited);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    // The whole server on a given SQLite file; with a gate, the registry's storage answers only once the gate opens
    // (a restore that takes as long as the test wants).
    private sealed class OnDatabase(string database, bool demo, Task? gate) : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("db", database);
            builder.UseSetting("demo", demo ? "true" : "false");
            if (gate is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(sp =>
                    new RegistryService(new GatedStore(sp.GetRequiredService<IStore>(), gate))));
            }
        }
    }

    private sealed class GatedStore(IStore inner, Task gate) : IStore
    {
        public string Dialect => inner.Dialect;

        public long UsersVersion => inner.UsersVersion;

        public async Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
        {
            await gate.WaitAsync(ct);
            return await inner.WriteAsync(work, ct);
        }

        public async Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
        {
            await gate.WaitAsync(ct);
            return await inner.ReadAsync(work, ct);
        }
    }
}
