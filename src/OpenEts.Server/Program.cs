var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => "ok");
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
