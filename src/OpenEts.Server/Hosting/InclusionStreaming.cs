using NATS.Client.Core;
using NATS.Client.JetStream;
using OpenEts.Application.Inclusion;
using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Carbon inclusion through NATS JetStream (<c>--nats URL</c>, <c>OPENETS_NATS</c>): the partner API appends batches to
/// the stream (<see cref="JetStreamInclusionLog"/>) instead of recording them in the request, and this server runs one
/// quantification worker on the shared durable consumer (<see cref="InclusionStreamService"/>). Several servers with the
/// same URL share the work. Without the option nothing here is registered and partners' batches are recorded in process.
/// </summary>
internal static class InclusionStreaming
{
    /// <summary>The URL the command line or the environment gives, or null.</summary>
    public static string? Url(IConfiguration configuration) =>
        configuration["nats"] ?? configuration["OPENETS_NATS"] ?? Environment.GetEnvironmentVariable("OPENETS_NATS");

    public static IServiceCollection AddInclusionStreaming(this IServiceCollection services, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return services;
        }
        return services
            .AddSingleton(new InclusionStreamOptions())
            .AddSingleton(_ => new NatsConnection(new NatsOpts { Url = url.Trim(), Name = "openets-inclusion" }))
            .AddSingleton(sp => new InclusionStream(new NatsJSContext(sp.GetRequiredService<NatsConnection>()), sp.GetRequiredService<InclusionStreamOptions>()))
            .AddSingleton<IInclusionEventLog, JetStreamInclusionLog>()
            .AddSingleton<InclusionStreamWorker>()
            .AddHostedService<InclusionStreamService>();
    }
}
