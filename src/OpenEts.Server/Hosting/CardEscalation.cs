using System.Globalization;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Runs <see cref="EscalateOverdue"/> at start and then every <c>Energy:Cards:EscalateEvery</c> (a TimeSpan, default
/// hourly; <c>off</c> turns it off; off in the Testing environment unless set), so a yellow card becomes red the day
/// after its deadline without an officer pressing the button. Journalled like the officer's escalation, by the actor
/// <see cref="ActorName"/>.
/// </summary>
internal sealed partial class CardEscalation(CardsCommandHandler cards, RegistryService registry, TimeProvider clock, IConfiguration config,
    IHostEnvironment env, ILogger<CardEscalation> log) : BackgroundService
{
    /// <summary>The configuration key of the interval.</summary>
    public const string Setting = "Energy:Cards:EscalateEvery";

    /// <summary>The journal's actor for timed escalations.</summary>
    public const string ActorName = "system:card-escalation";

    /// <summary>The interval when none is configured.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    private static readonly Actor System = new(0, ActorName, Role.Regulator, null);

    /// <summary>The configured interval, or null when the timer is off.</summary>
    public static TimeSpan? Interval(IConfiguration config, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(env);
        var text = config[Setting]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return env.IsEnvironment("Testing") ? null : DefaultInterval;
        }
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? interval
            : throw new InvalidOperationException($"{Setting} is a positive TimeSpan such as 01:00:00, or off; it is '{text}'.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval(config, env) is not { } interval)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            if (registry.Break is not null)
            {
                // Read-only: nothing may be journalled until the journal is repaired (ReadOnlyMode logged why).
                continue;
            }
            try
            {
                if (await cards.HandleAsync(System, new EscalateOverdue(), stoppingToken).ConfigureAwait(false) is CardsCommandOutcome.Completed
                    { Result: IReadOnlyCollection<CardRecord> { Count: > 0 } red })
                {
                    LogEscalated(red.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried at the next tick; an officer can still escalate by hand.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} overdue yellow card(s) to red")]
    private partial void LogEscalated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalating overdue yellow cards failed; retrying at the next tick")]
    private partial void LogFailed(Exception e);
}
