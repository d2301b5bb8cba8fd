using OpenEts.Server.Hosting;

if (ServerCommandLine.WantsHelp(args))
{
    await Console.Out.WriteAsync(ServerCommandLine.Usage).ConfigureAwait(false);
    return 0;
}

try
{
    ServerCommandLine.Check(args);
    var app = await OpenEtsApp.CreateAsync(args).ConfigureAwait(false);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (StartupException e)
{
    // One sentence an operator can act on, and exit code 1; never a stack trace.
    await Console.Error.WriteLineAsync("openets: " + e.Message).ConfigureAwait(false);
    return 1;
}

/// <summary>Entry point, visible to the tests' host.</summary>
public partial class Program;
