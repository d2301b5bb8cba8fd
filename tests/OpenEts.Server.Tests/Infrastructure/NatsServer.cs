using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// A throwaway NATS server with JetStream (Debian's <c>nats-server</c>) on a free loopback port, storing in a temporary
/// folder; disposing kills it and removes the folder. Without the binary the test skips locally and fails under CI or
/// ./test.sh (<c>OPENETS_REQUIRE_INFRA</c>), which installs it.
/// </summary>
internal sealed class NatsServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nats-server";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private NatsServer(Process process, DirectoryInfo folder, string url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    /// <summary>The client URL, <c>nats://127.0.0.1:PORT</c>.</summary>
    public string Url { get; }

    public static async Task<NatsServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENETS_REQUIRE_INFRA")))
            {
                Assert.Fail($"nats-server is required here (CI or ./test.sh) but {Binary} does not exist");
            }
            Assert.Skip($"no nats-server at {Binary}: apt-get install nats-server, or run ./test.sh");
        }
        var folder = Directory.CreateTempSubdirectory("openets-nats");
        var port = FreePort();
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", folder.FullName })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NatsServer(process, folder, $"nats://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>A new client connection (the caller disposes it; disposing it abruptly is how a test kills a worker).</summary>
    public async Task<NatsConnection> ConnectAsync()
    {
        var connection = new NatsConnection(new NatsOpts { Url = Url, Name = "openets-test" });
        await connection.ConnectAsync();
        return connection;
    }

    public static INatsJSContext JetStream(NatsConnection connection) => new NatsJSContext(connection);

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
