using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>
/// The real server as a separate OS process (<c>dotnet OpenEts.Server.dll --db … --urls …</c>) on a free loopback port,
/// so that a test can SIGKILL it mid-request. Disposing kills whatever is still running.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int OutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the server wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "OpenEts.Server.dll");

    /// <summary>
    /// Starts the server on <paramref name="database"/> (a SQLite file or PostgreSQL connection string), with
    /// <paramref name="folder"/> as working directory, and waits until <c>/health</c> answers. A port taken between
    /// choosing and binding it is retried on another. <paramref name="arguments"/> go after the usual ones.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string database, string folder, CancellationToken ct, IReadOnlyList<string>? arguments = null)
    {
        Assert.True(File.Exists(ServerDll), $"{ServerDll} is missing: the test project should copy the Server project's build");
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(database, folder, FreePort(), arguments ?? []);
            var answering = false;
            try
            {
                answering = await server.WaitUntilAnsweringAsync(ct);
            }
            finally
            {
                if (!answering)
                {
                    await server.DisposeAsync();
                }
            }
            if (answering)
            {
                return server;
            }
            if (attempt == 3 || !server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"the server exited before answering:\n{server.Output}");
            }
        }
    }

    /// <summary>SIGKILL (Process.Kill on Linux) to the whole process tree, then waits for it to be gone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"server process {_process.Id} survived SIGKILL");
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Signs in through the login page as <paramref name="userName"/> and creates an API token. Tokens live in the
    /// database, so they outlive a restart.
    /// </summary>
    public async Task<string> CreateTokenAsync(string userName, string password, CancellationToken ct)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var form = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        });
        using (var signedIn = await browser.PostAsync(new Uri("/Account/Login", UriKind.Relative), login, ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var created = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "kill-restart" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString()!;
    }

    /// <summary>An API client for this server authenticated with <paramref name="token"/>.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static ServerProcess Launch(string database, string folder, int port, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --demo last: the configuration's command line would read the argument after a bare switch as its value.
        foreach (var arg in new[] { ServerDll, "--db", database, "--urls", $"http://127.0.0.1:{port}" }.Concat(arguments).Append("--demo"))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment.Remove("OPENETS_DB");
        info.Environment.Remove("ASPNETCORE_URLS");
        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    // The same host that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    // True once /health answers; false when the process exited first. Throws after the start timeout.
    private async Task<bool> WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                return false;
            }
            try
            {
                using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (health.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A probe that timed out while the server was busy starting.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"the server did not answer within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
