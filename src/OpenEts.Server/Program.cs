using OpenEts.Server.Hosting;

var app = await OpenEtsApp.CreateAsync(args).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to the tests' host.</summary>
public partial class Program;
