using System.Diagnostics;

namespace OpenEts.Cli.Tests;

/// <summary>The documented step that puts <c>ets</c> on the PATH (scripts/install-ets), run as a user would.</summary>
public sealed class InstallEtsTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("ets-bin-").FullName;

    [Fact]
    public async Task Issue_7_InstallEts_PutsAnEtsThatAnswersHelp()
    {
        var repo = RepositoryRoot();
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif

        var install = await RunAsync("bash", [Path.Combine(repo, "scripts", "install-ets")],
            new() { ["ETS_BIN_DIR"] = _bin, ["ETS_CONFIGURATION"] = configuration });
        var help = await RunAsync(Path.Combine(_bin, "ets"), ["--help"], []);

        Assert.True(install.Exit == 0, install.Out + install.Err);
        Assert.Equal(0, help.Exit);
        Assert.StartsWith("ets — OpenETS command line", help.Out, StringComparison.Ordinal);
        Assert.Contains("ets registry transfer propose FROM TO CLASS QUANTITY", help.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenEts.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("OpenEts.slnx not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(string file, string[] args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
